package io.github.aoaiplatform.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformNetworkTest {
    static Map<SubnetRole, String> subnets(boolean withApp) {
        Map<SubnetRole, String> m = new EnumMap<>(SubnetRole.class);
        m.put(SubnetRole.GATEWAY, "10.0.0.0/27");
        m.put(SubnetRole.PRIVATE_ENDPOINTS, "10.0.1.0/28");
        if (withApp) m.put(SubnetRole.APP, "10.0.2.0/27");
        return m;
    }

    static PlatformNetwork.Props props(GatewayNetworkMode mode, boolean withApp, String ddos) {
        return new PlatformNetwork.Props("vnet-x", "japaneast", "rg-x", "10.0.0.0/22", subnets(withApp), mode, ddos,
                (role, kind) -> kind + "-" + role.configKey(), "law-id", Map.of("env", "t"));
    }

    @Test
    void everySubnetHasItsOwnNsgWithDenyAllAndPrivateEndpointPolicies() {
        JsonNode tf = Synth.of(s -> new PlatformNetwork(s, "Network", props(GatewayNetworkMode.INTERNAL_INJECTION, true, null)));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        assertThat(Synth.all(tf, "azurerm_subnet")).hasSize(3);
        assertThat(Synth.all(tf, "azurerm_network_security_group")).hasSize(3);
        assertThat(Synth.all(tf, "azurerm_subnet_network_security_group_association")).hasSize(3);
        var diagnostics = Synth.all(tf, "azurerm_monitor_diagnostic_setting").values();
        assertThat(diagnostics).hasSize(4);   // the VNet and three NSGs
        assertThat(diagnostics).filteredOn(d -> d.path("target_resource_id").asText().contains("azurerm_network_security_group."))
                .hasSize(3).allSatisfy(d -> assertThat(d.has("enabled_metric")).as("NSGs have no metrics").isFalse());
        Synth.all(tf, "azurerm_subnet").values().forEach(s ->
                assertThat(s.path("private_endpoint_network_policies").asText()).isEqualTo("Enabled"));
        Map<String, JsonNode> rules = Synth.all(tf, "azurerm_network_security_rule");
        for (JsonNode nsg : Synth.all(tf, "azurerm_network_security_group").values()) {
            String ref = nsg.path("name").asText();
            var own = rules.values().stream().filter(r -> r.path("network_security_group_name").asText().contains("SecurityGroup")).toList();
            assertThat(own).isNotEmpty();
            assertThat(ref).startsWith("nsg-");
        }
        // each NSG ends with a deny-all inbound at priority 4096
        long denyAllInbound = rules.values().stream().filter(r -> r.path("name").asText().equals("DenyAllInbound")
                && r.path("priority").asInt() == 4096 && r.path("access").asText().equals("Deny")).count();
        assertThat(denyAllInbound).isEqualTo(3);
        // no rule anywhere allows inbound from the Internet
        assertThat(rules.values()).noneMatch(r -> r.path("direction").asText().equals("Inbound")
                && r.path("access").asText().equals("Allow")
                && (r.path("source_address_prefix").asText().equals("Internet") || r.path("source_address_prefix").asText().equals("*")));
    }

    @Test
    void internalInjectionGatewaySubnetAllowsApimManagementAndEntraOutbound() {
        JsonNode tf = Synth.of(s -> new PlatformNetwork(s, "Network", props(GatewayNetworkMode.INTERNAL_INJECTION, false, null)));
        var gatewayRules = Synth.all(tf, "azurerm_network_security_rule").entrySet().stream()
                .filter(e -> e.getKey().contains("Gateway")).map(Map.Entry::getValue).toList();
        assertThat(gatewayRules).anySatisfy(r -> {
            assertThat(r.path("source_address_prefix").asText()).isEqualTo("ApiManagement");
            assertThat(r.path("destination_port_range").asText()).isEqualTo("3443");
        });
        assertThat(gatewayRules).anySatisfy(r -> {
            assertThat(r.path("destination_address_prefix").asText()).isEqualTo("AzureActiveDirectory");
            assertThat(r.path("direction").asText()).isEqualTo("Outbound");
        });
        JsonNode gatewaySubnet = Synth.all(tf, "azurerm_subnet").entrySet().stream().filter(e -> e.getKey().contains("Gateway"))
                .findFirst().orElseThrow().getValue();
        assertThat(gatewaySubnet.has("delegation")).isFalse();
    }

    @Test
    void integrationModeDelegatesTheGatewaySubnetAndDropsTheManagementRule() {
        JsonNode tf = Synth.of(s -> new PlatformNetwork(s, "Network", props(GatewayNetworkMode.INTEGRATION, false, null)));
        JsonNode gatewaySubnet = Synth.all(tf, "azurerm_subnet").entrySet().stream().filter(e -> e.getKey().contains("Gateway"))
                .findFirst().orElseThrow().getValue();
        assertThat(gatewaySubnet.path("delegation").get(0).path("service_delegation").path("name").asText())
                .isEqualTo("Microsoft.Web/serverFarms");
        assertThat(Synth.all(tf, "azurerm_network_security_rule").values())
                .noneMatch(r -> r.path("source_address_prefix").asText().equals("ApiManagement"));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
    }

    @Test
    void ddosPlanIsEnabledWhenGiven() {
        String plan = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/hub/providers/Microsoft.Network/ddosProtectionPlans/ddos";
        JsonNode vnet = Synth.single(Synth.of(s -> new PlatformNetwork(s, "Network", props(GatewayNetworkMode.INTEGRATION, false, plan))),
                "azurerm_virtual_network");
        assertThat(vnet.path("ddos_protection_plan").path("id").asText(vnet.path("ddos_protection_plan").path(0).path("id").asText())).isEqualTo(plan);
    }

    @Test
    void failsOnOverlappingAndUndersizedSubnetsAllAtOnce() {
        Map<SubnetRole, String> bad = new EnumMap<>(SubnetRole.class);
        bad.put(SubnetRole.GATEWAY, "10.0.0.0/28");
        bad.put(SubnetRole.PRIVATE_ENDPOINTS, "10.0.0.0/28");
        assertThatThrownBy(() -> new PlatformNetwork.Props("v", "japaneast", "rg", "10.0.0.0/22", bad, null, "nope",
                (r, k) -> k, "law", null))
                .hasMessageContaining("network.subnets.gateway: 10.0.0.0/28 is too small")
                .hasMessageContaining("overlaps network.subnets.privateEndpoints")
                .hasMessageContaining("network.ddosProtectionPlanId:");
    }

    @Test
    void bringYourOwnNetworkUsesTheGivenIdsAndCreatesNothing() {
        String vnet = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke";
        var existing = new ExistingNetwork(vnet, Map.of(SubnetRole.GATEWAY, vnet + "/subnets/apim",
                SubnetRole.PRIVATE_ENDPOINTS, vnet + "/subnets/pe"), "japaneast");
        assertThat(existing.requireSubnetId(SubnetRole.PRIVATE_ENDPOINTS)).isEqualTo(vnet + "/subnets/pe");
        assertThat(existing.subnetId(SubnetRole.APP)).isEmpty();
        assertThatThrownBy(() -> existing.requireSubnetId(SubnetRole.APP)).hasMessageContaining("add network.subnets.app");
        assertThatThrownBy(() -> new ExistingNetwork(vnet.replace("virtualNetworks", "networkSecurityGroups"), Map.of(), "japaneast"))
                .hasMessageContaining("expected a Microsoft.Network/virtualNetworks id")
                .hasMessageContaining("network.existing.subnetIds.gateway: is required");
    }

    @Test
    void nsgRulePrioritiesAreUniquePerDirection() {
        for (GatewayNetworkMode mode : GatewayNetworkMode.values())
            for (SubnetRole role : SubnetRole.values()) {
                var rules = NsgRules.forRole(role, mode);
                for (String dir : new String[]{"Inbound", "Outbound"}) {
                    var priorities = rules.stream().filter(r -> r.direction().equals(dir)).map(NsgRule::priority).toList();
                    assertThat(priorities).as(role + " " + mode + " " + dir).doesNotHaveDuplicates();
                }
            }
    }
}
