package io.github.aoaiplatform.network;

/** What a platform subnet is for, with the smallest prefix that role accepts. */
public enum SubnetRole {
    /** API Management: VNet injection (Developer/Premium) or VNet integration (StandardV2/PremiumV2). At least /27. */
    GATEWAY("gateway", "Gateway", 27),
    /** Private endpoints of every PaaS resource. At least /28. */
    PRIVATE_ENDPOINTS("privateEndpoints", "PrivateEndpoints", 28),
    /** Optional: applications that call the gateway from inside the VNet. At least /27. */
    APP("app", "App", 27),
    /** Optional: agent workloads (e.g. AI agents with VNet injection). At least /27. */
    AGENTS("agents", "Agents", 27);

    private final String configKey;
    private final String constructId;
    private final int maxPrefix;

    SubnetRole(String configKey, String constructId, int maxPrefix) {
        this.configKey = configKey;
        this.constructId = constructId;
        this.maxPrefix = maxPrefix;
    }

    /** @return the role's key in props fields ({@code subnets.gateway}) and under {@code network.subnets} in the stack config */
    public String configKey() { return configKey; }
    /** @return the construct id of the role's subnet (part of Terraform addresses: a public contract) */
    public String constructId() { return constructId; }
    /** @return the largest allowed prefix length (i.e. the smallest subnet), e.g. 27 for /27 */
    public int maxPrefix() { return maxPrefix; }
}
