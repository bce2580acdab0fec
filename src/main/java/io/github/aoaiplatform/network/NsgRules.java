package io.github.aoaiplatform.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The least-privilege rule set of each subnet role. Every subnet ends with explicit deny-all rules (inbound,
 * and outbound to the Internet), above which only what the role needs is allowed.
 */
public final class NsgRules {
    private NsgRules() {}

    private static final String TCP = "Tcp";
    private static final String VNET = "VirtualNetwork";

    /**
     * @param role the subnet's role
     * @param mode how API Management attaches (decides the gateway subnet's rules)
     * @return the role's rules, ending with the deny rules
     */
    public static List<NsgRule> forRole(SubnetRole role, GatewayNetworkMode mode) {
        List<NsgRule> rules = new ArrayList<>();
        switch (role) {
            case GATEWAY -> {
                if (mode == GatewayNetworkMode.INTERNAL_INJECTION) {
                    rules.add(NsgRule.allowIn("AllowApimManagement", 100, TCP, "ApiManagement", VNET, List.of("3443"),
                            "API Management control plane (required for VNet injection)"));
                    rules.add(NsgRule.allowIn("AllowAzureLoadBalancer", 110, TCP, "AzureLoadBalancer", VNET, List.of("6390"),
                            "Azure infrastructure load balancer health probe"));
                    rules.add(NsgRule.allowIn("AllowVnetHttps", 120, TCP, VNET, VNET, List.of("443"),
                            "Clients inside the network call the gateway"));
                    rules.add(NsgRule.allowOut("AllowSql", 110, TCP, VNET, "Sql", List.of("1433"),
                            "API Management configuration store"));
                } else {
                    rules.add(NsgRule.allowIn("AllowVnetHttps", 120, TCP, VNET, VNET, List.of("443"),
                            "Private-endpoint traffic to the gateway"));
                }
                rules.add(NsgRule.allowOut("AllowStorage", 100, TCP, VNET, "Storage", List.of("443"),
                        "API Management dependencies on Azure Storage"));
                rules.add(NsgRule.allowOut("AllowKeyVault", 120, TCP, VNET, "AzureKeyVault", List.of("443"),
                        "Named values and certificates from Key Vault"));
                rules.add(NsgRule.allowOut("AllowAzureMonitor", 130, TCP, VNET, "AzureMonitor", List.of("443", "1886"),
                        "Diagnostics, metrics and Application Insights"));
                rules.add(NsgRule.allowOut("AllowEntraId", 140, TCP, VNET, "AzureActiveDirectory", List.of("443"),
                        "Token validation keys (OpenID configuration) and managed identity"));
                rules.add(NsgRule.allowOut("AllowVnetHttps", 150, TCP, VNET, VNET, List.of("443"),
                        "Backends: Azure OpenAI private endpoints"));
                rules.add(NsgRule.deny("Inbound", "DenyAllInbound", "*", "*"));
                rules.add(NsgRule.deny("Outbound", "DenyInternetOutbound", "*", "Internet"));
            }
            case PRIVATE_ENDPOINTS -> {
                rules.add(NsgRule.allowIn("AllowVnetHttps", 100, TCP, VNET, VNET, List.of("443"),
                        "HTTPS to private endpoints from inside the network only"));
                rules.add(NsgRule.deny("Inbound", "DenyAllInbound", "*", "*"));
                rules.add(NsgRule.deny("Outbound", "DenyAllOutbound", "*", "*"));
            }
            case APP, AGENTS -> {
                rules.add(NsgRule.allowIn("AllowVnetHttps", 100, TCP, VNET, VNET, List.of("443"),
                        "HTTPS from inside the network"));
                rules.add(NsgRule.allowOut("AllowVnetHttps", 100, TCP, VNET, VNET, List.of("443"),
                        "Calls to the gateway and private endpoints"));
                rules.add(NsgRule.deny("Inbound", "DenyAllInbound", "*", "*"));
                rules.add(NsgRule.deny("Outbound", "DenyInternetOutbound", "*", "Internet"));
            }
        }
        return List.copyOf(rules);
    }
}
