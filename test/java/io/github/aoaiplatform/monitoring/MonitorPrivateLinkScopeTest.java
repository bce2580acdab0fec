package io.github.aoaiplatform.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.dns.DnsZoneCatalogue;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonitorPrivateLinkScopeTest {
    static final String WORKSPACE = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log-x";
    static final String APP_INSIGHTS = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/components/appi-x";
    static final List<String> ZONE_IDS = DnsZoneCatalogue.forMonitor().stream()
            .map(z -> "/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/" + z).toList();

    static MonitorPrivateLinkScope.Props props(Map<String, String> linked) {
        return new MonitorPrivateLinkScope.Props("ampls-x", "rg", linked, "pe-subnet", "japaneast", ZONE_IDS, Map.of("env", "t"));
    }

    static Map<String, String> workspaceAndAppInsights() {
        Map<String, String> linked = new LinkedHashMap<>();
        linked.put("Workspace", WORKSPACE);
        linked.put("AppInsights", APP_INSIGHTS);
        return linked;
    }

    @Test
    void scopeIsPrivateOnlyForIngestionAndQuery() {
        JsonNode tf = Synth.of(s -> new MonitorPrivateLinkScope(s, "Ampls", props(workspaceAndAppInsights())));
        JsonNode scope = Synth.single(tf, "azurerm_monitor_private_link_scope");
        assertThat(scope.path("name").asText()).isEqualTo("ampls-x");
        assertThat(scope.path("ingestion_access_mode").asText()).isEqualTo("PrivateOnly");
        assertThat(scope.path("query_access_mode").asText()).isEqualTo("PrivateOnly");
    }

    @Test
    void scopesEachLinkedResourceUnderItsKey() {
        JsonNode tf = Synth.of(s -> new MonitorPrivateLinkScope(s, "Ampls", props(workspaceAndAppInsights())));
        String scopeAddress = "azurerm_monitor_private_link_scope." + Synth.all(tf, "azurerm_monitor_private_link_scope").keySet().iterator().next();
        var scoped = Synth.all(tf, "azurerm_monitor_private_link_scoped_service");
        assertThat(scoped.keySet()).hasSize(2).anyMatch(k -> k.startsWith("Ampls_Scoped-Workspace_"))
                .anyMatch(k -> k.startsWith("Ampls_Scoped-AppInsights_"));
        assertThat(scoped.values()).extracting(s -> s.path("linked_resource_id").asText()).containsExactlyInAnyOrder(WORKSPACE, APP_INSIGHTS);
        assertThat(scoped.values()).extracting(s -> s.path("name").asText()).containsExactlyInAnyOrder("scoped-workspace", "scoped-appinsights");
        assertThat(scoped.values()).allSatisfy(s -> assertThat(s.path("scope_name").asText()).isEqualTo(Synth.ref(scopeAddress, "name")));
    }

    @Test
    void privateEndpointTargetsTheScopeWithTheAzureMonitorZonesAfterTheResourcesAreScoped() {
        JsonNode tf = Synth.of(s -> new MonitorPrivateLinkScope(s, "Ampls", props(workspaceAndAppInsights())));
        String scopeAddress = "azurerm_monitor_private_link_scope." + Synth.all(tf, "azurerm_monitor_private_link_scope").keySet().iterator().next();
        JsonNode pe = Synth.single(tf, "azurerm_private_endpoint");
        assertThat(pe.path("name").asText()).isEqualTo("pep-ampls-x");
        assertThat(pe.path("subnet_id").asText()).isEqualTo("pe-subnet");
        assertThat(pe.path("private_service_connection").path("private_connection_resource_id").asText()).isEqualTo(Synth.ref(scopeAddress, "id"));
        assertThat(pe.path("private_service_connection").path("subresource_names")).extracting(JsonNode::asText).containsExactly("azuremonitor");
        assertThat(pe.path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText).containsExactlyElementsOf(ZONE_IDS);
        assertThat(pe.path("depends_on")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(
                Synth.all(tf, "azurerm_monitor_private_link_scoped_service").keySet().stream()
                        .map(k -> "azurerm_monitor_private_link_scoped_service." + k).toList());
    }

    @Test
    void failsWithoutLinkedResources() {
        assertThatThrownBy(() -> props(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linkedResourceIds must name at least one workspace or Application Insights component");
    }

    @Test
    void failsOnUnstableKeysAndMissingIds() {
        Map<String, String> linked = new LinkedHashMap<>();
        linked.put("my workspace", WORKSPACE);
        linked.put("AppInsights", " ");
        assertThatThrownBy(() -> props(linked)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linked resource key 'my workspace' must be 1-40 letters/digits")
                .hasMessageContaining("linked resource 'AppInsights' has no resource id");
    }

    @Test
    void failsWithoutAPrivateEndpointSubnet() {
        assertThatThrownBy(() -> new MonitorPrivateLinkScope.Props("ampls-x", "rg", workspaceAndAppInsights(), null, "japaneast", ZONE_IDS, null))
                .hasMessageContaining("privateEndpointSubnetId is required");
    }
}
