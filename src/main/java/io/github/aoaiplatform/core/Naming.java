package io.github.aoaiplatform.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Resource names in the Azure Cloud Adoption Framework style:
 * {@code <abbreviation>-<workload>-<environment>-<region code>-<suffix>}, e.g. {@code oai-aoai-dev-jpe-k3f9}.
 * The suffix keeps globally unique names (custom subdomains, APIM) from colliding between platforms.
 *
 * @param workload    the workload, e.g. {@code aoai}: a lower-case letter and up to 10 letters or digits
 * @param environment the environment, e.g. {@code dev}: same rule
 * @param suffix      3-6 lower-case letters or digits ending every name (see {@link #derivedSuffix(String)})
 */
public record Naming(String workload, String environment, String suffix) {
    private static final Pattern PART = Pattern.compile("[a-z][a-z0-9]{0,10}");
    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9]{3,6}");

    /** CAF abbreviations of the resource kinds the library names. */
    public enum Abbreviation {
        /** Resource group. */
        RESOURCE_GROUP("rg"),
        /** Virtual network. */
        VIRTUAL_NETWORK("vnet"),
        /** Subnet. */
        SUBNET("snet"),
        /** Network security group. */
        NETWORK_SECURITY_GROUP("nsg"),
        /** Azure OpenAI account. */
        OPENAI("oai"),
        /** Azure AI Services account. */
        AI_SERVICES("ais"),
        /** API Management service. */
        API_MANAGEMENT("apim"),
        /** Log Analytics workspace. */
        LOG_ANALYTICS("log"),
        /** Application Insights component. */
        APPLICATION_INSIGHTS("appi"),
        /** User-assigned managed identity. */
        MANAGED_IDENTITY("id"),
        /** Event Hubs namespace. */
        EVENT_HUB_NAMESPACE("evhns"),
        /** Azure Monitor private link scope. */
        MONITOR_PRIVATE_LINK_SCOPE("ampls"),
        /** Monitor action group. */
        ACTION_GROUP("ag"),
        /** Alert rule. */
        ALERT_RULE("alert");

        private final String code;
        Abbreviation(String code) { this.code = code; }

        /** @return the abbreviation, e.g. {@code oai} */
        public String code() { return code; }
    }

    /**
     * Validates the parts.
     *
     * @param workload    see {@link #workload()}
     * @param environment see {@link #environment()}
     * @param suffix      see {@link #suffix()}
     */
    public Naming {
        PropsCheck check = PropsCheck.of("Naming");
        if (check.require("workload", workload)) check.matches("workload", workload, PART, "a lower-case letter and up to 10 lower-case letters or digits");
        if (check.require("environment", environment))
            check.matches("environment", environment, PART, "a lower-case letter and up to 10 lower-case letters or digits");
        if (check.require("suffix", suffix)) check.matches("suffix", suffix, SUFFIX, "3-6 lower-case letters or digits");
        check.throwIfAny();
    }

    /**
     * A deterministic 4-character suffix derived from a seed.
     *
     * @param seed e.g. tenant id + environment name
     * @return 4 lower-case letters or digits
     */
    public static String derivedSuffix(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            String base36 = new java.math.BigInteger(1, hash).toString(36);
            return base36.substring(0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Name of a regional resource, e.g. {@code name(OPENAI, "japaneast") -> oai-aoai-dev-jpe-k3f9}.
     *
     * @param kind   the resource kind
     * @param region its region
     * @return the name
     */
    public String name(Abbreviation kind, String region) {
        return String.join("-", kind.code(), workload, environment, AzureRegions.shortCode(region), suffix);
    }

    /**
     * Name of a resource with a role qualifier, e.g. {@code name(SUBNET, "japaneast", "gateway")}.
     *
     * @param kind      the resource kind
     * @param region    its region
     * @param qualifier what it is for
     * @return the name
     */
    public String name(Abbreviation kind, String region, String qualifier) {
        return String.join("-", kind.code(), workload, environment, qualifier, AzureRegions.shortCode(region), suffix);
    }
}
