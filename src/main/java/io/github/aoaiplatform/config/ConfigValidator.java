package io.github.aoaiplatform.config;

import io.github.aoaiplatform.core.AzureRegions;
import io.github.aoaiplatform.core.Guids;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Semantic checks on a bound {@link EnvironmentConfig}; every problem is collected with its field path. */
public final class ConfigValidator {
    private ConfigValidator() {}

    private static final Pattern ENV_NAME = Pattern.compile("[a-z][a-z0-9]{1,7}");
    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9]{3,6}");
    private static final Pattern STORAGE_ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,99}");
    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    /** Validates {@code c}; {@code expectedName} is the stack file's base name (or null to skip that check). */
    public static void validate(EnvironmentConfig c, String expectedName, Problems p) {
        required(p, "environmentName", c.environmentName());
        if (c.environmentName() != null) {
            if (!ENV_NAME.matcher(c.environmentName()).matches())
                p.add("environmentName", "'" + c.environmentName() + "' must be 2-8 lower-case letters/digits starting with a letter, e.g. dev");
            else if (expectedName != null && !expectedName.equals(c.environmentName()))
                p.add("environmentName", "'" + c.environmentName() + "' must equal the file name '" + expectedName + "'; rename one of them");
        }
        region(p, "location", c.location(), true);
        guid(p, "tenantId", c.tenantId(), true);
        guid(p, "subscriptionId", c.subscriptionId(), false);
        if (c.nameSuffix() != null && !SUFFIX.matcher(c.nameSuffix()).matches())
            p.add("nameSuffix", "'" + c.nameSuffix() + "' must be 3-6 lower-case letters/digits, or omitted to derive one");
        c.tags().forEach((k, v) -> {
            if (k.isBlank() || k.length() > 512 || k.matches(".*[<>%&\\\\?/].*"))
                p.add("tags." + k, "tag name must be 1-512 characters without < > % & \\ ? /");
            if (v != null && v.length() > 256) p.add("tags." + k, "tag value must be at most 256 characters");
        });
        backend(c.backend(), p);
        openAi(c.openAi(), p);
        gateway(c.gateway(), p);
        identity(c.identity(), p);
    }

    private static void backend(EnvironmentConfig.BackendConfig b, Problems p) {
        switch (b.type()) {
            case "local" -> {
                for (var f : new String[][]{{"resourceGroupName", b.resourceGroupName()}, {"storageAccountName", b.storageAccountName()}, {"key", b.key()}})
                    if (f[1] != null) p.add("backend." + f[0], "only used with type 'azurerm'; remove it or set backend.type to azurerm");
            }
            case "azurerm" -> {
                required(p, "backend.resourceGroupName", b.resourceGroupName());
                required(p, "backend.storageAccountName", b.storageAccountName());
                if (b.storageAccountName() != null && !STORAGE_ACCOUNT.matcher(b.storageAccountName()).matches())
                    p.add("backend.storageAccountName", "'" + b.storageAccountName() + "' must be 3-24 lower-case letters/digits");
                if (b.path() != null) p.add("backend.path", "only used with type 'local'; remove it");
            }
            default -> p.add("backend.type", "'" + b.type() + "' is not supported; use local or azurerm");
        }
    }

    private static void openAi(EnvironmentConfig.OpenAiConfig o, Problems p) {
        if (o == null) { p.add("openAi", "is required: give at least openAi.regions, e.g. [\"japaneast\", \"eastus\"]"); return; }
        if (o.regions().isEmpty()) p.add("openAi.regions", "must list at least one region, e.g. [\"japaneast\", \"eastus\"]");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < o.regions().size(); i++) {
            String r = o.regions().get(i);
            region(p, "openAi.regions[" + i + "]", r, true);
            if (r != null && !seen.add(r)) p.add("openAi.regions[" + i + "]", "'" + r + "' is listed twice; list each region once");
        }
        if (o.capacityThousandsTpm() <= 0)
            p.add("openAi.capacityThousandsTpm", "must be greater than 0 (thousands of tokens per minute), got " + o.capacityThousandsTpm());
    }

    private static void gateway(EnvironmentConfig.GatewayConfig g, Problems p) {
        List<String> origins = g.corsOrigins();
        for (int i = 0; i < origins.size(); i++) {
            String o = origins.get(i);
            if (o == null || !ORIGIN.matcher(o).matches())
                p.add("gateway.corsOrigins[" + i + "]", "'" + o + "' is not an origin; use * or scheme://host[:port] without a path");
        }
    }

    private static void identity(EnvironmentConfig.IdentityConfig id, Problems p) {
        if (id == null) { p.add("identity", "is required: give identity.audienceAppId (the API app's client id)"); return; }
        guid(p, "identity.audienceAppId", id.audienceAppId(), true);
        if (!SCOPE.matcher(id.scopeName()).matches())
            p.add("identity.scopeName", "'" + id.scopeName() + "' must start with a letter and contain only letters, digits, . _ -");
    }

    static void required(Problems p, String path, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) p.add(path, "is required");
    }

    static void guid(Problems p, String path, String value, boolean required) {
        if (value == null) { if (required) p.add(path, "is required (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47)"); return; }
        if (!Guids.isGuid(value)) p.add(path, "'" + value + "' is not a GUID; expected 8-4-4-4-12 hex digits");
    }

    static void region(Problems p, String path, String value, boolean required) {
        if (value == null) { if (required) p.add(path, "is required (an Azure region such as japaneast)"); return; }
        if (!AzureRegions.isKnown(value))
            p.add(path, "unknown Azure region '" + value + "'; use a lower-case region name such as japaneast, eastus, swedencentral");
    }
}
