package io.github.aoaiplatform.network;

/** How API Management attaches to the VNet; decides the gateway subnet's NSG rules and delegation. */
public enum GatewayNetworkMode {
    /** Developer/Premium (classic tiers): injected into the subnet in Internal mode (private VIP only). */
    INTERNAL_INJECTION,
    /** StandardV2/PremiumV2: outbound VNet integration (subnet delegated to Microsoft.Web/serverFarms) + inbound private endpoint. */
    INTEGRATION
}
