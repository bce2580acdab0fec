package io.github.aoaiplatform.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import io.github.aoaiplatform.core.ILogAnalyticsWorkspace;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.dns.DnsZoneCatalogue;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.aoaiplatform.monitoring.MonitoringFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonitorPrivateLinkScopeTest {
    static final String APP_INSIGHTS = APP_INSIGHTS_ID;
    static final List<String> ZONE_IDS = DnsZoneCatalogue.forMonitor().stream().map(MonitoringFixtures::zoneId).toList();

    static MonitorPrivateLinkScopeProps.Builder props(Construct s) {
        return MonitorPrivateLinkScopeProps.builder().name("ampls-x").resourceGroup(resourceGroup(s))
                .workspaces(Map.of("Workspace", workspace(s)))
                .applicationInsights(Map.of("AppInsights", appInsights(s)))
                .privateEndpoint(endpoint(s, DnsZoneCatalogue.forMonitor())).tags(Map.of("env", "t"));
    }

    static JsonNode synth() { return Synth.of(s -> new MonitorPrivateLinkScope(s, "Ampls", props(s).build())); }

    @Test
    void scopeIsPrivateOnlyForIngestionAndQuery() {
        JsonNode scope = Synth.single(synth(), "azurerm_monitor_private_link_scope");
        assertThat(scope.path("name").asText()).isEqualTo("ampls-x");
        assertThat(scope.path("resource_group_name").asText()).isEqualTo("rg");
        assertThat(scope.path("ingestion_access_mode").asText()).isEqualTo("PrivateOnly");
        assertThat(scope.path("query_access_mode").asText()).isEqualTo("PrivateOnly");
    }

    @Test
    void scopesEachResourceUnderItsKey() {
        JsonNode tf = synth();
        String scopeAddress = "azurerm_monitor_private_link_scope." + Synth.all(tf, "azurerm_monitor_private_link_scope").keySet().iterator().next();
        var scoped = Synth.all(tf, "azurerm_monitor_private_link_scoped_service");
        assertThat(scoped.keySet()).hasSize(2).anyMatch(k -> k.startsWith("Ampls_Scoped-Workspace_"))
                .anyMatch(k -> k.startsWith("Ampls_Scoped-AppInsights_"));
        assertThat(scoped.values()).extracting(s -> s.path("linked_resource_id").asText()).containsExactlyInAnyOrder(WORKSPACE_ID, APP_INSIGHTS);
        assertThat(scoped.values()).extracting(s -> s.path("name").asText()).containsExactlyInAnyOrder("scoped-workspace", "scoped-appinsights");
        assertThat(scoped.values()).allSatisfy(s -> assertThat(s.path("scope_name").asText()).isEqualTo(Synth.ref(scopeAddress, "name")));
    }

    @Test
    void privateEndpointTargetsTheScopeWithTheAzureMonitorZonesAfterTheResourcesAreScoped() {
        JsonNode tf = synth();
        String scopeAddress = "azurerm_monitor_private_link_scope." + Synth.all(tf, "azurerm_monitor_private_link_scope").keySet().iterator().next();
        JsonNode pe = Synth.single(tf, "azurerm_private_endpoint");
        assertThat(pe.path("name").asText()).isEqualTo("pep-ampls-x");
        assertThat(pe.path("subnet_id").asText()).isEqualTo(SUBNET_ID);
        assertThat(pe.path("location").asText()).isEqualTo("japaneast");
        assertThat(pe.path("tags").path("env").asText()).isEqualTo("t");
        assertThat(pe.path("private_service_connection").path("private_connection_resource_id").asText()).isEqualTo(Synth.ref(scopeAddress, "id"));
        assertThat(pe.path("private_service_connection").path("subresource_names")).extracting(JsonNode::asText).containsExactly("azuremonitor");
        assertThat(pe.path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText).containsExactlyElementsOf(ZONE_IDS);
        assertThat(pe.path("depends_on")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(
                Synth.all(tf, "azurerm_monitor_private_link_scoped_service").keySet().stream()
                        .map(k -> "azurerm_monitor_private_link_scoped_service." + k).toList());
    }

    @Test
    void failsWithoutScopedResourcesOrPrivateEndpointNamingTheFields() {
        Construct s = new TerraformStack(Testing.app(), "t");
        assertThatThrownBy(() -> MonitorPrivateLinkScopeProps.builder().name("ampls-x").resourceGroup(resourceGroup(s)).build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("MonitorPrivateLinkScopeProps.workspaces: must name at least one workspace or Application Insights component")
                .hasMessageContaining("MonitorPrivateLinkScopeProps.privateEndpoint: is required");
    }

    @Test
    void failsOnUnstableOrDuplicateKeys() {
        Construct s = new TerraformStack(Testing.app(), "t");
        ILogAnalyticsWorkspace w = workspace(s);
        var component = appInsights(s);
        assertThatThrownBy(() -> props(s).workspaces(Map.of("my workspace", w)).build())
                .hasMessageContaining("MonitorPrivateLinkScopeProps.workspaces: 'my workspace' must be a key of 1-40 letters or digits");
        assertThatThrownBy(() -> props(s).workspaces(Map.of("Shared", w)).applicationInsights(Map.of("Shared", component)).build())
                .hasMessageContaining("MonitorPrivateLinkScopeProps.applicationInsights.Shared: uses the key of a workspace");
    }

    @Test
    void propsKeepAnImmutableCopyOfTheScopedResourcesInOrder() {
        Construct s = new TerraformStack(Testing.app(), "t");
        Map<String, ILogAnalyticsWorkspace> workspaces = new LinkedHashMap<>();
        workspaces.put("Zeta", LogAnalytics.fromResourceId(s, "Z", WORKSPACE_ID));
        workspaces.put("Alpha", workspace(s));
        var props = props(s).workspaces(workspaces).build();
        workspaces.remove("Zeta");
        assertThat(props.workspaces().keySet()).containsExactly("Zeta", "Alpha");
        assertThatThrownBy(() -> props.workspaces().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
