package io.github.aoaiplatform.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.aoaiplatform.monitoring.MonitoringFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageEventHubTest {
    static final String ZONE = "privatelink.servicebus.windows.net";

    static UsageEventHubProps.Builder props(Construct s, String namespaceName) {
        return UsageEventHubProps.builder().namespaceName(namespaceName).resourceGroup(resourceGroup(s))
                .privateEndpoints(List.of(endpoint(s, List.of(ZONE)))).diagnostics(DiagnosticSettings.toWorkspace(workspace(s)))
                .tags(Map.of("env", "t"));
    }

    static JsonNode synth() {
        return Synth.of(s -> new UsageEventHub(s, "Usage", props(s, "evhns-test-x").build()).grantSend(sender()));
    }

    static String address(JsonNode tf, String type) { return type + "." + Synth.all(tf, type).keySet().iterator().next(); }

    static Construct scope() { return new TerraformStack(Testing.app(), "t"); }

    @Test
    void namespaceIsPrivateEntraOnlyStandardWithTls12InTheGroupsRegion() {
        JsonNode ns = Synth.single(synth(), "azurerm_eventhub_namespace");
        assertThat(ns.path("name").asText()).isEqualTo("evhns-test-x");
        assertThat(ns.path("location").asText()).isEqualTo("japaneast");
        assertThat(ns.path("resource_group_name").asText()).isEqualTo("rg");
        assertThat(ns.path("sku").asText()).isEqualTo("Standard");
        assertThat(ns.path("capacity").asInt()).isEqualTo(1);
        assertThat(ns.path("public_network_access_enabled").asBoolean(true)).isFalse();
        assertThat(ns.path("local_authentication_enabled").asBoolean(true)).isFalse();
        assertThat(ns.path("minimum_tls_version").asText()).isEqualTo("1.2");
    }

    @Test
    void eventHubHasTwoPartitionsAndSevenDaysInTheNamespace() {
        JsonNode tf = synth();
        JsonNode hub = Synth.single(tf, "azurerm_eventhub");
        assertThat(hub.path("name").asText()).isEqualTo("aoai-usage");
        assertThat(hub.path("partition_count").asInt()).isEqualTo(2);
        assertThat(hub.path("message_retention").asInt()).isEqualTo(7);
        assertThat(hub.path("namespace_id").asText()).isEqualTo(Synth.ref(address(tf, "azurerm_eventhub_namespace"), "id"));
    }

    @Test
    void namespaceHasATaggedPrivateEndpointInTheServiceBusZoneAndDiagnostics() {
        JsonNode tf = synth();
        String namespaceId = Synth.ref(address(tf, "azurerm_eventhub_namespace"), "id");
        JsonNode pe = Synth.single(tf, "azurerm_private_endpoint");
        assertThat(pe.path("name").asText()).isEqualTo("pep-evhns-test-x");
        assertThat(pe.path("subnet_id").asText()).isEqualTo(SUBNET_ID);
        assertThat(pe.path("location").asText()).isEqualTo("japaneast");
        assertThat(pe.path("tags").path("env").asText()).isEqualTo("t");
        assertThat(pe.path("private_service_connection").path("private_connection_resource_id").asText()).isEqualTo(namespaceId);
        assertThat(pe.path("private_service_connection").path("subresource_names")).extracting(JsonNode::asText).containsExactly("namespace");
        assertThat(pe.path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText).containsExactly(zoneId(ZONE));
        JsonNode diag = Synth.single(tf, "azurerm_monitor_diagnostic_setting");
        assertThat(diag.path("target_resource_id").asText()).isEqualTo(namespaceId);
        assertThat(diag.path("log_analytics_workspace_id").asText()).isEqualTo(WORKSPACE_ID);
        assertThat(Synth.all(tf, "azurerm_management_lock")).isEmpty();
    }

    @Test
    void grantSendLetsThePrincipalSendToTheUsageHubOnlyOnce() {
        JsonNode tf = Synth.of(s -> {
            var hub = new UsageEventHub(s, "Usage", props(s, "evhns-test-x").build());
            assertThat(hub.grantSend(sender())).isSameAs(hub.grantSend(sender()));
        });
        JsonNode role = Synth.single(tf, "azurerm_role_assignment");
        assertThat(role.path("role_definition_name").asText()).isEqualTo("Azure Event Hubs Data Sender");
        assertThat(role.path("principal_id").asText()).isEqualTo(PRINCIPAL_ID);
        assertThat(role.path("principal_type").asText()).isEqualTo("ServicePrincipal");
        assertThat(role.path("scope").asText()).isEqualTo(Synth.ref(address(tf, "azurerm_eventhub"), "id"));
        assertThat(Synth.all(tf, "azurerm_role_assignment").keySet()).singleElement().asString()
                .startsWith("Usage_DataSender-" + PRINCIPAL_ID + "_");
    }

    @Test
    void aLockCoversTheNamespaceAndItsEndpoint() {
        JsonNode tf = Synth.of(s -> new UsageEventHub(s, "Usage", props(s, "evhns-test-x").lock(Lock.canNotDelete()).build()));
        assertThat(Synth.all(tf, "azurerm_management_lock").values()).extracting(l -> l.path("name").asText())
                .containsExactlyInAnyOrder("lock-evhns-test-x", "lock-pep-evhns-test-x");
    }

    @Test
    void failsOnInvalidNamespaceNamesNamingTheField() {
        Construct s = scope();
        for (String bad : List.of("evh", "1evhns-x", "evhns-x-", "evhns_x", "evhns-x-sb", "evhns-x-mgmt", "e".repeat(51)))
            assertThatThrownBy(() -> props(s, bad).build()).as(bad).isInstanceOf(InvalidPropsException.class)
                    .hasMessageContaining("UsageEventHubProps.namespaceName: '" + bad + "' must be 6-50 letters, digits or hyphens");
    }

    @Test
    void failsWithoutEndpointsDiagnosticsOrGroupNamingEachField() {
        assertThatThrownBy(() -> UsageEventHubProps.builder().namespaceName("evhns-test-x").build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("UsageEventHubProps.resourceGroup: is required")
                .hasMessageContaining("UsageEventHubProps.privateEndpoints: needs at least one endpoint")
                .hasMessageContaining("UsageEventHubProps.diagnostics: is required");
    }

    @Test
    void propsKeepImmutableCopiesOfTheCallersCollections() {
        Construct s = scope();
        List<PrivateEndpointOptions> endpoints = new ArrayList<>(List.of(endpoint(s, List.of(ZONE))));
        Map<String, String> tags = new LinkedHashMap<>(Map.of("env", "t"));
        var props = props(s, "evhns-test-x").privateEndpoints(endpoints).tags(tags).build();
        endpoints.clear();
        tags.put("added", "x");
        assertThat(props.privateEndpoints()).hasSize(1);
        assertThat(props.tags()).containsOnlyKeys("env");
        assertThatThrownBy(() -> props.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
