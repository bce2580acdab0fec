package io.github.aoaiplatform.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Resource names in the Azure Cloud Adoption Framework style:
 * {@code <abbreviation>-<workload>-<environment>-<region code>-<suffix>}, e.g. {@code oai-aoai-dev-jpe-k3f9}.
 * The suffix keeps globally unique names (custom subdomains, APIM) from colliding between platforms.
 */
public record Naming(String workload, String environment, String suffix) {
    private static final Pattern PART = Pattern.compile("[a-z][a-z0-9]{0,9}");
    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9]{3,6}");

    /** CAF abbreviations of the resource kinds the library creates. */
    public enum Abbreviation {
        RESOURCE_GROUP("rg"), VIRTUAL_NETWORK("vnet"), SUBNET("snet"), NETWORK_SECURITY_GROUP("nsg"),
        PRIVATE_ENDPOINT("pep"), NETWORK_INTERFACE("nic"), OPENAI("oai"), AI_SERVICES("ais"), API_MANAGEMENT("apim"),
        LOG_ANALYTICS("log"), APPLICATION_INSIGHTS("appi"), MANAGED_IDENTITY("id"), KEY_VAULT("kv"),
        EVENT_HUB_NAMESPACE("evhns"), PUBLIC_IP("pip"), MONITOR_PRIVATE_LINK_SCOPE("ampls"), ACTION_GROUP("ag"),
        WORKBOOK("wb"), DIAGNOSTIC_SETTING("diag"), ALERT_RULE("alert");

        private final String code;
        Abbreviation(String code) { this.code = code; }
        public String code() { return code; }
    }

    public Naming {
        if (!PART.matcher(workload).matches()) throw new IllegalArgumentException("workload '" + workload + "' must match " + PART);
        if (!PART.matcher(environment).matches()) throw new IllegalArgumentException("environment '" + environment + "' must match " + PART);
        if (!SUFFIX.matcher(suffix).matches()) throw new IllegalArgumentException("suffix '" + suffix + "' must match " + SUFFIX);
    }

    /** A deterministic 4-character suffix derived from the given seed (e.g. tenant + environment). */
    public static String derivedSuffix(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            String base36 = new java.math.BigInteger(1, hash).toString(36);
            return base36.substring(0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Name of a regional resource, e.g. {@code name(OPENAI, "japaneast") -> oai-aoai-dev-jpe-k3f9}. */
    public String name(Abbreviation kind, String region) {
        return String.join("-", kind.code(), workload, environment, AzureRegions.shortCode(region), suffix);
    }

    /** Name of a resource with a role qualifier, e.g. {@code name(SUBNET, "japaneast", "gateway")}. */
    public String name(Abbreviation kind, String region, String qualifier) {
        return String.join("-", kind.code(), workload, environment, qualifier, AzureRegions.shortCode(region), suffix);
    }

    /** Alphanumeric form for resources that forbid hyphens (storage accounts), at most 24 characters. */
    public String compactName(Abbreviation kind, String region) {
        String n = (kind.code() + workload + environment + AzureRegions.shortCode(region) + suffix).replaceAll("[^a-z0-9]", "");
        return n.length() > 24 ? n.substring(0, 24) : n;
    }

}
