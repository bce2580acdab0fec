package io.github.aoaiplatform.app;

import io.github.aoaiplatform.chargeback.PriceTable;
import io.github.aoaiplatform.core.AzureRegions;
import io.github.aoaiplatform.core.Guids;

import io.github.aoaiplatform.apim.ApiGatewayProps;
import io.github.aoaiplatform.apim.DepartmentPolicyProps;
import io.github.aoaiplatform.apim.LlmLogging;
import io.github.aoaiplatform.core.AzureResourceId;
import io.github.aoaiplatform.dns.PrivateDnsZones;
import io.github.aoaiplatform.identity.EntraApiApplication;
import io.github.aoaiplatform.network.ExistingNetwork;
import io.github.aoaiplatform.network.PlatformNetwork;
import io.github.aoaiplatform.openai.ContentFilter;
import io.github.aoaiplatform.openai.ModelCatalogue;
import io.github.aoaiplatform.openai.OpenAiAccount;

import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Semantic checks on a bound {@link EnvironmentConfig}; every problem is collected with its field path. */
public final class ConfigValidator {
    private ConfigValidator() {}

    private static final Pattern ENV_NAME = Pattern.compile("[a-z][a-z0-9]{1,7}");
    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9]{3,6}");
    private static final Pattern STORAGE_ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
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
        network(c.network(), p);
        p.addAll(PrivateDnsZones.validate(c.dns().existingZoneIds()));
        if (c.monitoring().retentionDays() < 30 || c.monitoring().retentionDays() > 730)
            p.add("monitoring.retentionDays", "must be between 30 and 730 days, got " + c.monitoring().retentionDays());
        if (c.monitoring().dailyQuotaGb() != null && c.monitoring().dailyQuotaGb() <= 0)
            p.add("monitoring.dailyQuotaGb", "must be greater than 0 GB, or omitted for no cap");
        if (c.monitoring().llmLogMaxBytes() < 1 || c.monitoring().llmLogMaxBytes() > LlmLogging.MAX_BYTES)
            p.add("monitoring.llmLogMaxBytes", "must be between 1 and " + LlmLogging.MAX_BYTES + " bytes, got " + c.monitoring().llmLogMaxBytes());
        openAi(c.openAi(), p);
        gateway(c.gateway(), c.openAi(), p);
        identity(c.identity(), p);
        departments(c, p);
        for (int i = 0; i < c.chargeback().alertEmails().size(); i++) {
            String e = c.chargeback().alertEmails().get(i);
            if (e == null || !EMAIL.matcher(e).matches())
                p.add("chargeback.alertEmails[" + i + "]", "'" + e + "' is not an e-mail address, e.g. finops@contoso.com");
        }
        if (c.chargeback().priceTable().isBlank() || !c.chargeback().priceTable().endsWith(".json"))
            p.add("chargeback.priceTable", "'" + c.chargeback().priceTable() + "' must be a .json file relative to the stacks folder, e.g. "
                    + EnvironmentConfig.ChargebackConfig.DEFAULT_PRICE_TABLE);
    }

    private static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    /** Product ids API Management creates on its own in the classic tiers. */
    private static final Pattern SUBSCRIPTION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private static void departments(EnvironmentConfig c, Problems p) {
        List<EnvironmentConfig.DepartmentConfig> ds = c.departments();
        if (!ds.isEmpty() && Boolean.FALSE.equals(c.gateway().subscriptionRequired()))
            p.add("gateway.subscriptionRequired", "cannot be false when departments are defined: the department's subscription key "
                    + "says who pays and which limits apply; remove it (or remove departments)");
        Set<String> deployedModels = new java.util.LinkedHashSet<>();
        if (c.openAi() != null) c.openAi().deployments().forEach(d -> { if (d.model() != null) deployedModels.add(d.model()); });
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ds.size(); i++) {
            var d = ds.get(i);
            String path = "departments[" + i + "]";
            if (d == null) { p.add(path, "must be an object with at least name, costCenter and tokensPerMinute"); continue; }
            if (d.name() == null || !DEPARTMENT.matcher(d.name()).matches())
                p.add(path + ".name", "'" + d.name() + "' must be 2-32 lower-case letters, digits or hyphens starting with a letter, e.g. finance");
            else if (DepartmentPolicyProps.RESERVED_NAMES.contains(d.name()))
                p.add(path + ".name", "'" + d.name() + "' is a product API Management creates itself; choose another name");
            else if (!names.add(d.name())) p.add(path + ".name", "'" + d.name() + "' is defined twice; department names must be unique");
            if (d.displayName() != null && (d.displayName().isBlank() || d.displayName().length() > 300))
                p.add(path + ".displayName", "must be 1-300 characters");
            if (d.costCenter() == null || d.costCenter().isBlank() || d.costCenter().length() > 64)
                p.add(path + ".costCenter", "is required (1-64 characters): every report names the cost center that pays");
            for (int g = 0; g < d.groupIds().size(); g++) guid(p, path + ".groupIds[" + g + "]", d.groupIds().get(g), true);
            for (int a = 0; a < d.clientAppIds().size(); a++) guid(p, path + ".clientAppIds[" + a + "]", d.clientAppIds().get(a), true);
            if (d.tokensPerMinute() == null) p.add(path + ".tokensPerMinute", "is required: tokens per minute for the whole department, e.g. 50000");
            else if (d.tokensPerMinute() < 1) p.add(path + ".tokensPerMinute", "must be greater than 0, got " + d.tokensPerMinute());
            if (d.tokenQuota() != null && d.tokenQuota() < 1) p.add(path + ".tokenQuota", "must be greater than 0, or omitted for no quota");
            if (!QUOTA_PERIODS.contains(d.tokenQuotaPeriod()))
                p.add(path + ".tokenQuotaPeriod", "'" + d.tokenQuotaPeriod() + "' must be one of " + QUOTA_PERIODS);
            if (d.requestsPerMinute() != null && d.requestsPerMinute() < 1)
                p.add(path + ".requestsPerMinute", "must be greater than 0, or omitted for no request rate limit");
            if (d.tokensPerMinutePerUser() != null) {
                if (d.tokensPerMinutePerUser() < 1) p.add(path + ".tokensPerMinutePerUser", "must be greater than 0, or omitted");
                else if (d.tokensPerMinute() != null && d.tokensPerMinutePerUser() > d.tokensPerMinute())
                    p.add(path + ".tokensPerMinutePerUser", d.tokensPerMinutePerUser() + " is more than the department's tokensPerMinute "
                            + d.tokensPerMinute() + "; lower it or raise tokensPerMinute");
            }
            Set<String> allowed = new HashSet<>();
            for (int m = 0; m < d.allowedModels().size(); m++) {
                String model = d.allowedModels().get(m);
                if (!deployedModels.contains(model))
                    p.add(path + ".allowedModels[" + m + "]", "'" + model + "' is not deployed; deployed models are " + deployedModels
                            + " (add a deployment in openAi.deployments or remove it here)");
                else if (!allowed.add(model)) p.add(path + ".allowedModels[" + m + "]", "'" + model + "' is listed twice");
            }
            if (d.subscriptions().isEmpty()) p.add(path + ".subscriptions", "must list at least one subscription name, e.g. [\"default\"]");
            Set<String> subs = new HashSet<>();
            for (int s = 0; s < d.subscriptions().size(); s++) {
                String sub = d.subscriptions().get(s);
                if (sub == null || !SUBSCRIPTION.matcher(sub).matches())
                    p.add(path + ".subscriptions[" + s + "]", "'" + sub + "' must be 1-32 lower-case letters, digits or hyphens");
                else if (!subs.add(sub)) p.add(path + ".subscriptions[" + s + "]", "'" + sub + "' is listed twice");
            }
            if (d.monthlyBudget() != null && !(d.monthlyBudget() > 0))
                p.add(path + ".monthlyBudget", "must be greater than 0 (in the price table's currency), or omitted for no cost alert");
            if (d.alertPercent() < 1 || d.alertPercent() > 100)
                p.add(path + ".alertPercent", "must be between 1 and 100 (% of budget or quota), got " + d.alertPercent());
        }
    }

    private static final List<String> QUOTA_PERIODS = java.util.Arrays.stream(io.github.aoaiplatform.apim.policy.TokenQuotaPeriod.values())
            .map(io.github.aoaiplatform.apim.policy.TokenQuotaPeriod::xmlValue).toList();

    /** Every deployed model must have a price in the environment's price table. */
    static void prices(EnvironmentConfig c, PriceTable prices, Problems p) {
        if (c.openAi() == null) return;
        for (int i = 0; i < c.openAi().deployments().size(); i++) {
            String model = c.openAi().deployments().get(i).model();
            if (model != null && ModelCatalogue.model(model) != null && prices.price(model) == null)
                p.add("openAi.deployments[" + i + "].model", "'" + model + "' has no price in " + c.chargeback().priceTable()
                        + " (version " + prices.version() + "); add it under models so its cost can be charged back");
        }
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

    private static void network(EnvironmentConfig.NetworkConfig n, Problems p) {
        if (n == null) { p.add("network", "is required: give addressSpace and subnets, or existing (bring your own VNet)"); return; }
        if (n.existing() != null) {
            if (n.addressSpace() != null || n.subnets() != null || n.ddosProtectionPlanId() != null)
                p.add("network.existing", "cannot be combined with addressSpace, subnets or ddosProtectionPlanId; use one or the other");
            var ids = n.existing().subnetIds();
            p.addAll(ExistingNetwork.validate(n.existing().virtualNetworkId(), ids == null ? Map.of() : ids.byRole()));
        } else {
            if (n.addressSpace() == null) { p.add("network.addressSpace", "is required, e.g. 10.10.0.0/22 (or give network.existing)"); return; }
            p.addAll(PlatformNetwork.validate(n.addressSpace(), n.subnets() == null ? Map.of() : n.subnets().byRole(), n.ddosProtectionPlanId()));
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
        if (!o.kind().equals("OpenAI") && !o.kind().equals("AIServices"))
            p.add("openAi.kind", "'" + o.kind() + "' must be OpenAI or AIServices");
        var cmk = o.customerManagedKey();
        if (cmk != null) {
            if (cmk.keyVaultKeyId() == null || !cmk.keyVaultKeyId().matches("https://[a-z0-9-]+\\.vault\\.azure\\.net/keys/[A-Za-z0-9-]+(/[0-9a-f]{32})?"))
                p.add("openAi.customerManagedKey.keyVaultKeyId", "'" + cmk.keyVaultKeyId() + "' must be a key id like https://<vault>.vault.azure.net/keys/<name>");
            try {
                AzureResourceId.parse(cmk.identityId(), "Microsoft.ManagedIdentity/userAssignedIdentities");
            } catch (IllegalArgumentException e) {
                p.add("openAi.customerManagedKey.identityId", e.getMessage());
            }
            guid(p, "openAi.customerManagedKey.identityClientId", cmk.identityClientId(), true);
        }
        Set<String> filters = new HashSet<>();
        for (int i = 0; i < o.contentFilters().size(); i++) {
            var f = o.contentFilters().get(i);
            String path = "openAi.contentFilters[" + i + "]";
            required(p, path + ".name", f.name());
            if (f.name() != null && !filters.add(f.name())) p.add(path + ".name", "'" + f.name() + "' is defined twice");
            if (f.severityThreshold() != null && !ContentFilter.SEVERITIES.contains(f.severityThreshold()))
                p.add(path + ".severityThreshold", "'" + f.severityThreshold() + "' must be one of " + ContentFilter.SEVERITIES);
            if (f.mode() != null && !ContentFilter.MODES.contains(f.mode()))
                p.add(path + ".mode", "'" + f.mode() + "' must be one of " + ContentFilter.MODES);
        }
        Set<String> lists = new HashSet<>();
        for (int i = 0; i < o.blocklists().size(); i++) {
            var b = o.blocklists().get(i);
            String path = "openAi.blocklists[" + i + "]";
            required(p, path + ".name", b.name());
            if (b.name() != null && !lists.add(b.name())) p.add(path + ".name", "'" + b.name() + "' is defined twice");
            if (b.terms().isEmpty()) p.add(path + ".terms", "must list at least one term");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < o.deployments().size(); i++) {
            var d = o.deployments().get(i);
            String path = "openAi.deployments[" + i + "]";
            required(p, path + ".name", d.name());
            required(p, path + ".model", d.model());
            required(p, path + ".version", d.version());
            if (d.name() != null && !names.add(d.name())) p.add(path + ".name", "'" + d.name() + "' is used by two deployments; names must be unique");
            if (d.name() != null && !d.name().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"))
                p.add(path + ".name", "'" + d.name() + "' must be 1-64 letters, digits, . _ -");
            if (d.model() != null && d.version() != null) {
                String sku = d.sku() == null ? "GlobalStandard" : d.sku();
                String problem = ModelCatalogue.check(d.model(), d.version(), sku);
                if (problem != null) p.add(path + (problem.contains("SKU") || problem.contains("cannot be deployed") ? ".sku" : problem.contains("version") ? ".version" : ".model"), problem);
            }
            if (d.capacityThousandsTpm() != null && d.capacityThousandsTpm() <= 0)
                p.add(path + ".capacityThousandsTpm", "must be greater than 0, got " + d.capacityThousandsTpm());
            for (int r = 0; r < d.regions().size(); r++)
                if (!o.regions().contains(d.regions().get(r)))
                    p.add(path + ".regions[" + r + "]", "'" + d.regions().get(r) + "' is not in openAi.regions " + o.regions() + "; add it there or remove it here");
            if (d.versionUpgrade() != null && !OpenAiAccount.DeploymentOptions.UPGRADE_OPTIONS.contains(d.versionUpgrade()))
                p.add(path + ".versionUpgrade", "'" + d.versionUpgrade() + "' must be one of " + OpenAiAccount.DeploymentOptions.UPGRADE_OPTIONS);
            if (d.contentFilter() != null && !filters.contains(d.contentFilter()) && !d.contentFilter().startsWith("Microsoft."))
                p.add(path + ".contentFilter", "'" + d.contentFilter() + "' is not defined; add it to openAi.contentFilters or use Microsoft.DefaultV2");
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private static void gateway(EnvironmentConfig.GatewayConfig g, EnvironmentConfig.OpenAiConfig openAi, Problems p) {
        if (!ApiGatewayProps.SKUS.contains(g.sku()))
            p.add("gateway.sku", "'" + g.sku() + "' cannot be private; use one of " + ApiGatewayProps.SKUS);
        if (g.units() < 1 || g.units() > 12) p.add("gateway.units", "must be between 1 and 12, got " + g.units());
        if (g.sku().equals("Developer") && g.units() != 1) p.add("gateway.units", "the Developer tier has exactly 1 unit");
        List<String> origins = g.corsOrigins();
        for (int i = 0; i < origins.size(); i++) {
            String o = origins.get(i);
            if (o == null || !ORIGIN.matcher(o).matches())
                p.add("gateway.corsOrigins[" + i + "]", "'" + o + "' is not an origin; use * or scheme://host[:port] without a path");
        }
        if (g.publisherName().isBlank() || g.publisherName().length() > 100)
            p.add("gateway.publisherName", "must be 1-100 characters");
        if (!EMAIL.matcher(g.publisherEmail()).matches() || g.publisherEmail().length() > 100)
            p.add("gateway.publisherEmail", "'" + g.publisherEmail() + "' is not an e-mail address, e.g. platform@contoso.com");
        if (g.tokensPerMinutePerUser() < 1)
            p.add("gateway.tokensPerMinutePerUser", "must be greater than 0, got " + g.tokensPerMinutePerUser());
        g.backends().forEach((region, b) -> {
            String path = "gateway.backends." + region;
            if (openAi != null && !openAi.regions().contains(region))
                p.add(path, "'" + region + "' is not in openAi.regions " + openAi.regions() + "; add it there or remove it here");
            if (b == null) { p.add(path, "must be an object like {\"priority\": 1, \"weight\": 1}"); return; }
            if (b.priority() < 0 || b.priority() > 100)
                p.add(path + ".priority", "must be between 0 and 100 (lower is preferred), got " + b.priority());
            if (b.weight() < 1 || b.weight() > 100)
                p.add(path + ".weight", "must be between 1 and 100, got " + b.weight());
        });
    }

    private static void identity(EnvironmentConfig.IdentityConfig id, Problems p) {
        if (id == null) { p.add("identity", "is required: give identity.audienceAppId (the API app's client id) or identity.application"); return; }
        var app = id.application();
        if (app == null) {
            guid(p, "identity.audienceAppId", id.audienceAppId(), true);
        } else {
            if (id.audienceAppId() != null)
                p.add("identity.audienceAppId", "cannot be combined with identity.application; remove one (application registers the API app itself)");
            Set<String> roles = new HashSet<>();
            for (int i = 0; i < app.appRoles().size(); i++) {
                var r = app.appRoles().get(i);
                String path = "identity.application.appRoles[" + i + "]";
                if (!EntraApiApplication.isValidValue(r.value()))
                    p.add(path + ".value", "'" + r.value() + "' must start with a letter and contain only letters, digits, . _ - (at most 120 characters)");
                else if (!roles.add(r.value())) p.add(path + ".value", "'" + r.value() + "' is defined twice");
                if (r.allowedMemberTypes() != null)
                    for (String t : r.allowedMemberTypes())
                        if (!t.equals("User") && !t.equals("Application"))
                            p.add(path + ".allowedMemberTypes", "'" + t + "' must be User or Application");
            }
            if (app.appRoles().isEmpty()) roles.add("Chat.Invoke");
            for (int i = 0; i < app.spaClients().size(); i++) {
                var c = app.spaClients().get(i);
                String path = "identity.application.spaClients[" + i + "]";
                required(p, path + ".name", c.name());
                if (c.redirectUris().isEmpty()) p.add(path + ".redirectUris", "must list at least one redirect URI");
                for (String u : c.redirectUris())
                    if (!EntraApiApplication.isAllowedRedirectUri(u))
                        p.add(path + ".redirectUris", "'" + u + "' must use https (or http://localhost)");
            }
            for (int i = 0; i < app.daemonClients().size(); i++) {
                var c = app.daemonClients().get(i);
                String path = "identity.application.daemonClients[" + i + "]";
                required(p, path + ".name", c.name());
                if (c.role() == null || !roles.contains(c.role()))
                    p.add(path + ".role", "'" + c.role() + "' is not one of the app roles " + roles);
            }
        }
        if (!EntraApiApplication.isValidValue(id.scopeName()))
            p.add("identity.scopeName", "'" + id.scopeName() + "' must start with a letter and contain only letters, digits, . _ - (at most 120 characters)");
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
