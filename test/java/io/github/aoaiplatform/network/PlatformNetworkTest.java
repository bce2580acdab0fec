package io.github.aoaiplatform.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.PrivateEndpointProps;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.ResourceGroup;
import io.github.aoaiplatform.monitoring.LogAnalytics;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformNetworkTest {
    static final String SUB = "/subscriptions/11111111-2222-3333-4444-555555555555";
    static final String WORKSPACE = SUB + "/resourceGroups/rg-x/providers/Microsoft.OperationalInsights/workspaces/law-x";

    static Map<SubnetRole, String> subnets(boolean withApp) {
        Map<SubnetRole, String> m = new EnumMap<>(SubnetRole.class);
        m.put(SubnetRole.GATEWAY, "10.0.0.0/27");
        m.put(SubnetRole.PRIVATE_ENDPOINTS, "10.0.1.0/28");
        if (withApp) m.put(SubnetRole.APP, "10.0.2.0/27");
        return m;
    }

    static PlatformNetworkProps.Builder props(Construct scope, GatewayNetworkMode mode, boolean withApp) {
        return PlatformNetworkProps.builder()
                .name("vnet-x")
                .resourceGroup(ResourceGroup.fromName(scope, "Rg", "rg-x", "japaneast"))
                .addressSpace("10.0.0.0/22")
                .subnets(subnets(withApp))
                .gatewayMode(mode)
                .diagnostics(DiagnosticSettings.toWorkspace(LogAnalytics.fromResourceId(scope, "Logs", WORKSPACE)))
                .tags(Map.of("env", "t"));
    }

    @Test
    void everySubnetHasItsOwnNsgWithDenyAllAndPrivateEndpointPolicies() {
        JsonNode tf = Synth.of(s -> new PlatformNetwork(s, "Network", props(s, GatewayNetworkMode.INTERNAL_INJECTION, true).build()));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        assertThat(Synth.all(tf, "azurerm_subnet")).hasSize(3);
        assertThat(Synth.all(tf, "azurerm_network_security_group")).hasSize(3);
        assertThat(Synth.all(tf, "azurerm_subnet_network_security_group_association")).hasSize(3);
        var diagnostics = Synth.all(tf, "azurerm_monitor_diagnostic_setting").values();
        assertThat(diagnostics).hasSize(4);   // the VNet and three NSGs
        assertThat(diagnostics).allSatisfy(d -> assertThat(d.path("log_analytics_workspace_id").asText()).isEqualTo(WORKSPACE));
        assertThat(diagnostics).filteredOn(d -> d.path("target_resource_id").asText().contains("azurerm_network_security_group."))
                .hasSize(3).allSatisfy(d -> assertThat(d.has("enabled_metric")).as("NSGs have no metrics").isFalse());
        assertThat(diagnostics).filteredOn(d -> d.path("target_resource_id").asText().contains("azurerm_virtual_network."))
                .singleElement().satisfies(d -> assertThat(d.path("enabled_metric").get(0).path("category").asText()).isEqualTo("AllMetrics"));
        Synth.all(tf, "azurerm_subnet").values().forEach(s ->
                assertThat(s.path("private_endpoint_network_policies").asText()).isEqualTo("Enabled"));
        assertThat(Synth.all(tf, "azurerm_network_security_group").values()).extracting(n -> n.path("name").asText())
                .containsExactlyInAnyOrder("nsg-vnet-x-gateway", "nsg-vnet-x-privateendpoints", "nsg-vnet-x-app");
        assertThat(Synth.all(tf, "azurerm_subnet").values()).extracting(n -> n.path("name").asText())
                .containsExactlyInAnyOrder("snet-vnet-x-gateway", "snet-vnet-x-privateendpoints", "snet-vnet-x-app");
        assertThat(Synth.single(tf, "azurerm_virtual_network").path("location").asText()).as("the group's region").isEqualTo("japaneast");
        Map<String, JsonNode> rules = Synth.all(tf, "azurerm_network_security_rule");
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
    void exposesTheCreatedSubnetsAsISubnetsOfTheVnet() {
        PlatformNetwork[] network = new PlatformNetwork[1];
        JsonNode tf = Synth.of(s -> {
            network[0] = new PlatformNetwork(s, "Network", props(s, GatewayNetworkMode.INTEGRATION, false)
                    .subnetNaming((role, kind) -> kind + "-" + role.configKey()).build());
            new PrivateEndpoint(s, "Endpoint", PrivateEndpointProps.builder().name("pep-x").resourceGroupName("rg-x")
                    .subnet(network[0].requireSubnet(SubnetRole.PRIVATE_ENDPOINTS))
                    .targetResourceId(SUB + "/resourceGroups/rg-x/providers/Microsoft.CognitiveServices/accounts/x")
                    .subresource("account").build());
        });
        JsonNode endpoint = Synth.single(tf, "azurerm_private_endpoint");
        assertThat(endpoint.path("subnet_id").asText()).startsWith("${azurerm_subnet.Network_PrivateEndpoints_Subnet_");
        assertThat(endpoint.path("location").asText()).as("the subnet's region").isEqualTo("japaneast");
        assertThat(network[0].requireSubnet(SubnetRole.GATEWAY).getNode().getPath()).isEqualTo("test/Network/Gateway");
        assertThat(network[0].subnet(SubnetRole.APP)).isEmpty();
        assertThat(network[0].subnets()).containsOnlyKeys(SubnetRole.GATEWAY, SubnetRole.PRIVATE_ENDPOINTS);
        assertThatThrownBy(() -> network[0].requireSubnet(SubnetRole.APP))
                .hasMessageContaining("has no app subnet").hasMessageContaining("PlatformNetworkProps.subnets.app");
        assertThat(Synth.all(tf, "azurerm_subnet").values()).extracting(n -> n.path("name").asText())
                .containsExactlyInAnyOrder("SUBNET-gateway", "SUBNET-privateEndpoints");
    }

    @Test
    void internalInjectionGatewaySubnetAllowsApimManagementAndEntraOutbound() {
        JsonNode tf = Synth.of(s -> new PlatformNetwork(s, "Network", props(s, GatewayNetworkMode.INTERNAL_INJECTION, false).build()));
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
        JsonNode tf = Synth.of(s -> new PlatformNetwork(s, "Network", props(s, GatewayNetworkMode.INTEGRATION, false).build()));
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
        String plan = SUB + "/resourceGroups/hub/providers/Microsoft.Network/ddosProtectionPlans/ddos";
        JsonNode vnet = Synth.single(Synth.of(s -> new PlatformNetwork(s, "Network",
                        props(s, GatewayNetworkMode.INTEGRATION, false).ddosProtectionPlanId(plan).build())),
                "azurerm_virtual_network");
        assertThat(vnet.path("ddos_protection_plan").path("id").asText(vnet.path("ddos_protection_plan").path(0).path("id").asText())).isEqualTo(plan);
    }

    @Test
    void diagnosticsCanBeTurnedOffWithAReason() {
        JsonNode tf = Synth.of(s -> new PlatformNetwork(s, "Network", props(s, GatewayNetworkMode.INTEGRATION, false)
                .diagnostics(DiagnosticSettings.disabled("the hub's policy adds them")).build()));
        assertThat(Synth.all(tf, "azurerm_monitor_diagnostic_setting")).isEmpty();
    }

    @Test
    void failsOnOverlappingAndUndersizedSubnetsAllAtOnceNamingPropsFields() {
        Map<SubnetRole, String> bad = new EnumMap<>(SubnetRole.class);
        bad.put(SubnetRole.GATEWAY, "10.0.0.0/28");
        bad.put(SubnetRole.PRIVATE_ENDPOINTS, "10.0.0.0/28");
        bad.put(SubnetRole.APP, "10.9.0.0/27");
        assertThatThrownBy(() -> PlatformNetworkProps.builder().name("v").addressSpace("10.0.0.0/22").subnets(bad)
                .ddosProtectionPlanId("nope").build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("PlatformNetworkProps.subnets.gateway: 10.0.0.0/28 is too small for the gateway subnet; use a /27 or larger")
                .hasMessageContaining("PlatformNetworkProps.subnets.gateway: 10.0.0.0/28 overlaps subnets.privateEndpoints 10.0.0.0/28")
                .hasMessageContaining("PlatformNetworkProps.subnets.app: 10.9.0.0/27 is not inside addressSpace 10.0.0.0/22")
                .hasMessageContaining("PlatformNetworkProps.ddosProtectionPlanId: 'nope' is not an Azure resource id")
                .hasMessageContaining("PlatformNetworkProps.resourceGroup: is required")
                .hasMessageContaining("PlatformNetworkProps.diagnostics: is required")
                .hasMessageNotContaining("network.");
    }

    @Test
    void failsOnMissingRequiredSubnetsAndABadAddressSpace() {
        assertThatThrownBy(() -> PlatformNetworkProps.builder().name("v").addressSpace("10.0.0.0/33").build())
                .hasMessageContaining("PlatformNetworkProps.addressSpace: '10.0.0.0/33' has a prefix over /32")
                .hasMessageContaining("PlatformNetworkProps.subnets.gateway: is required")
                .hasMessageContaining("PlatformNetworkProps.subnets.privateEndpoints: is required");
        assertThatThrownBy(() -> PlatformNetworkProps.builder().name("bad name!").build())
                .hasMessageContaining("PlatformNetworkProps.name: 'bad name!' must be")
                .hasMessageContaining("PlatformNetworkProps.addressSpace: is required");
    }

    @Test
    void propsCopyTheCallersCollections() {
        Map<SubnetRole, String> subnets = subnets(false);
        Map<String, String> tags = new LinkedHashMap<>(Map.of("env", "t"));
        var props = PlatformNetworkProps.builder().name("vn").addressSpace("10.0.0.0/22").subnets(subnets).tags(tags)
                .resourceGroup(ResourceGroup.fromName(new software.constructs.RootConstruct("t"), "Rg", "rg", "japaneast"))
                .diagnostics(DiagnosticSettings.disabled("test")).build();
        subnets.put(SubnetRole.APP, "10.0.2.0/27");
        tags.put("owner", "someone");
        assertThat(props.subnets()).containsOnlyKeys(SubnetRole.GATEWAY, SubnetRole.PRIVATE_ENDPOINTS);
        assertThat(props.tags()).containsOnlyKeys("env");
        assertThatThrownBy(() -> props.subnets().put(SubnetRole.AGENTS, "10.0.3.0/27")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> props.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(props.location()).as("the group's region").isEqualTo("japaneast");
        assertThat(props.gatewayMode()).isEqualTo(GatewayNetworkMode.INTERNAL_INJECTION);
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
