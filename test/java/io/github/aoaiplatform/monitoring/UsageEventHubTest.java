package io.github.aoaiplatform.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageEventHubTest {
    static final String ZONE_ID = "/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.servicebus.windows.net";

    static UsageEventHub.Props props(String namespaceName) {
        return new UsageEventHub.Props(namespaceName, "japaneast", "rg", "pe-subnet", null, List.of(ZONE_ID), "workspace-id",
                "principal-id", Map.of("env", "t"));
    }

    static JsonNode synth() { return Synth.of(s -> new UsageEventHub(s, "Usage", props("evhns-test-x"))); }

    static String address(JsonNode tf, String type) { return type + "." + Synth.all(tf, type).keySet().iterator().next(); }

    @Test
    void namespaceIsPrivateEntraOnlyStandardWithTls12() {
        JsonNode ns = Synth.single(synth(), "azurerm_eventhub_namespace");
        assertThat(ns.path("name").asText()).isEqualTo("evhns-test-x");
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
    void namespaceHasAPrivateEndpointInTheServiceBusZoneAndDiagnostics() {
        JsonNode tf = synth();
        String namespaceId = Synth.ref(address(tf, "azurerm_eventhub_namespace"), "id");
        JsonNode pe = Synth.single(tf, "azurerm_private_endpoint");
        assertThat(pe.path("subnet_id").asText()).isEqualTo("pe-subnet");
        assertThat(pe.path("location").asText()).isEqualTo("japaneast");
        assertThat(pe.path("private_service_connection").path("private_connection_resource_id").asText()).isEqualTo(namespaceId);
        assertThat(pe.path("private_service_connection").path("subresource_names")).extracting(JsonNode::asText).containsExactly("namespace");
        assertThat(pe.path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText).containsExactly(ZONE_ID);
        JsonNode diag = Synth.single(tf, "azurerm_monitor_diagnostic_setting");
        assertThat(diag.path("target_resource_id").asText()).isEqualTo(namespaceId);
        assertThat(diag.path("log_analytics_workspace_id").asText()).isEqualTo("workspace-id");
    }

    @Test
    void senderMaySendToTheUsageHubOnly() {
        JsonNode tf = synth();
        JsonNode role = Synth.single(tf, "azurerm_role_assignment");
        assertThat(role.path("role_definition_name").asText()).isEqualTo("Azure Event Hubs Data Sender");
        assertThat(role.path("principal_id").asText()).isEqualTo("principal-id");
        assertThat(role.path("principal_type").asText()).isEqualTo("ServicePrincipal");
        assertThat(role.path("scope").asText()).isEqualTo(Synth.ref(address(tf, "azurerm_eventhub"), "id"));
    }

    @Test
    void failsOnInvalidNamespaceNames() {
        for (String bad : List.of("evh", "1evhns-x", "evhns-x-", "evhns_x", "evhns-x-sb", "evhns-x-mgmt", "e".repeat(51)))
            assertThatThrownBy(() -> props(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'").hasMessageContaining("must be 6-50 letters, digits or hyphens");
    }

    @Test
    void failsWithoutTheSenderIdentity() {
        assertThatThrownBy(() -> new UsageEventHub.Props("evhns-test-x", "japaneast", "rg", "pe", null, null, "w",
                null, null)).hasMessageContaining("senderPrincipalId is required");
        assertThatThrownBy(() -> new UsageEventHub.Props("evhns-test-x", "japaneast", "rg", null, null, null, "w",
                "principal", null)).hasMessageContaining("privateEndpointSubnetId is required");
    }
}
