package io.github.aoaiplatform.app;

import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import io.github.aoaiplatform.chargeback.ChargebackDepartmentOptions;
import io.github.aoaiplatform.chargeback.PriceTable;
import io.github.aoaiplatform.core.AzureRegions;
import io.github.aoaiplatform.core.Guids;

import io.github.aoaiplatform.apim.ApiGatewayProps;
import io.github.aoaiplatform.apim.DepartmentPolicyProps;
import io.github.aoaiplatform.apim.LlmLogging;
import io.github.aoaiplatform.core.AzureResourceId;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.dns.PrivateDnsZone;
import io.github.aoaiplatform.dns.PrivateDnsZonesProps;
import io.github.aoaiplatform.identity.AppRoleOptions;
import io.github.aoaiplatform.identity.DaemonClientOptions;
import io.github.aoaiplatform.identity.EntraApiApplication;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.identity.EntraApiApplicationProps;
import io.github.aoaiplatform.identity.SpaClientOptions;
import io.github.aoaiplatform.monitoring.LogAnalyticsProps;
import io.github.aoaiplatform.network.ExistingVirtualNetworkProps;
import io.github.aoaiplatform.network.PlatformNetworkProps;
import io.github.aoaiplatform.openai.BlocklistOptions;
import io.github.aoaiplatform.openai.ContentFilter;
import io.github.aoaiplatform.openai.ContentFilterOptions;
import io.github.aoaiplatform.openai.CustomerManagedKeyOptions;
import io.github.aoaiplatform.openai.ModelCatalogue;
import io.github.aoaiplatform.openai.OpenAiAccountProps;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import software.constructs.RootConstruct;

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
        network(c.network(), c.location(), p);
        dns(c.dns(), p);
        checkWith(p, "monitoring.", check -> LogAnalyticsProps.checkLimits(check, c.monitoring().retentionDays(), c.monitoring().dailyQuotaGb()));
        if (c.monitoring().llmLogMaxBytes() < 1 || c.monitoring().llmLogMaxBytes() > LlmLogging.MAX_BYTES)
            p.add("monitoring.llmLogMaxBytes", "must be between 1 and " + LlmLogging.MAX_BYTES + " bytes, got " + c.monitoring().llmLogMaxBytes());
        openAi(c.openAi(), p);
        gateway(c.gateway(), c.openAi(), p);
        identity(c, p);
        departments(c, p);
        List<String> emails = c.chargeback().alertEmails();
        checkWith(p, "chargeback.", check -> {
            for (int i = 0; i < emails.size(); i++)
                if (check.require("alertEmails[" + i + "]", emails.get(i))) check.email("alertEmails[" + i + "]", emails.get(i));
        });
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
            try {
                ConfigProps.chargebackDepartment(d);
            } catch (InvalidPropsException e) {      // name and costCenter are checked above, with the gateway's stricter rules
                mapOnto(p, new InvalidPropsException(e.propsType(), e.problems().stream()
                        .filter(x -> CHARGEBACK_DEPARTMENT_FIELDS.contains(x.field())).toList()), path + ".", Map.of());
            }
        }
    }

    /** The department fields whose rules live in {@link ChargebackDepartmentOptions}. */
    private static final Set<String> CHARGEBACK_DEPARTMENT_FIELDS = Set.of("monthlyBudget", "tokenQuota", "alertPercent");

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

    /** The network rules live in the network package's props; this maps their fields onto stack-file paths. */
    private static void network(EnvironmentConfig.NetworkConfig n, String location, Problems p) {
        if (n == null) { p.add("network", "is required: give addressSpace and subnets, or existing (bring your own VNet)"); return; }
        if (n.existing() != null) {
            if (n.addressSpace() != null || n.subnets() != null || n.ddosProtectionPlanId() != null)
                p.add("network.existing", "cannot be combined with addressSpace, subnets or ddosProtectionPlanId; use one or the other");
            var ids = n.existing().subnetIds();
            try {
                new ExistingVirtualNetworkProps(n.existing().virtualNetworkId(), location, ids == null ? Map.of() : ids.byRole());
            } catch (InvalidPropsException e) {
                // the region is the stack's own location, checked above
                e.problems().stream().filter(problem -> !problem.field().equals("location"))
                        .forEach(problem -> p.add("network.existing." + problem.field(), problem.message()));
            }
        } else {
            if (n.addressSpace() == null) { p.add("network.addressSpace", "is required, e.g. 10.10.0.0/22 (or give network.existing)"); return; }
            PropsCheck check = PropsCheck.of("PlatformNetworkProps");
            PlatformNetworkProps.checkAddressing(check, n.addressSpace(), n.subnets() == null ? Map.of() : n.subnets().byRole(),
                    n.ddosProtectionPlanId());
            addProblems(p, "network.", check);
        }
    }

    /** The hub-zone rules live in the dns package (the id's type, the zone's name); this maps them onto stack-file paths. */
    private static void dns(EnvironmentConfig.DnsConfig dns, Problems p) {
        var scratch = new RootConstruct("config-validation");
        Map<String, IPrivateDnsZone> zones = new LinkedHashMap<>();
        dns.existingZoneIds().forEach((zone, id) -> {
            try {
                zones.put(zone, PrivateDnsZone.fromResourceId(scratch, zone, id));
            } catch (InvalidPropsException e) {
                e.problems().forEach(problem -> p.add("dns.existingZoneIds." + zone, problem.message()));
            }
        });
        try {     // no zones are requested, so every problem is about an existingZones.<zone> entry
            PrivateDnsZonesProps.builder().existingZones(zones).build();
        } catch (InvalidPropsException e) {
            e.problems().forEach(problem -> p.add("dns.existingZoneIds." + problem.field().substring("existingZones.".length()),
                    problem.message()));
        }
    }

    /** Adds a props check's problems, each field under {@code pathPrefix}. */
    private static void addProblems(Problems p, String pathPrefix, PropsCheck check) {
        try {
            check.throwIfAny();
        } catch (InvalidPropsException e) {
            e.problems().forEach(problem -> p.add(pathPrefix + problem.field(), problem.message()));
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
        if (!OpenAiAccountProps.KINDS.contains(o.kind()))
            p.add("openAi.kind", "'" + o.kind() + "' must be one of " + OpenAiAccountProps.KINDS);
        var cmk = o.customerManagedKey();
        if (cmk != null) {
            // the identity is checked here by its id; the props check the key id
            fromProps(p, "openAi.customerManagedKey", Map.of("keyVaultKeyId", "keyVaultKeyId"),
                    () -> CustomerManagedKeyOptions.builder().keyVaultKeyId(cmk.keyVaultKeyId()).build());
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
            fromProps(p, path, Map.of("name", "name", "severityThreshold", "severityThreshold", "mode", "mode"),
                    () -> ContentFilterOptions.builder().name(f.name()).severityThreshold(f.severityThreshold())
                            .promptShields(f.promptShields()).mode(f.mode()).build());
            if (f.name() != null && !filters.add(f.name())) p.add(path + ".name", "'" + f.name() + "' is defined twice");
        }
        Set<String> lists = new HashSet<>();
        for (int i = 0; i < o.blocklists().size(); i++) {
            var b = o.blocklists().get(i);
            String path = "openAi.blocklists[" + i + "]";
            fromProps(p, path, Map.of("name", "name", "terms", "terms"),
                    () -> BlocklistOptions.builder().name(b.name()).description(b.description()).terms(b.terms()).build());
            if (b.name() != null && !lists.add(b.name())) p.add(path + ".name", "'" + b.name() + "' is defined twice");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < o.deployments().size(); i++) {
            var d = o.deployments().get(i);
            String path = "openAi.deployments[" + i + "]";
            Map<String, String> fields = new HashMap<>(Map.of("name", "name", "model", "model", "version", "version",
                    "sku", "sku", "versionUpgrade", "versionUpgrade"));
            // without its own capacity a deployment takes openAi.capacityThousandsTpm, which is checked above
            if (d.capacityThousandsTpm() != null) fields.put("capacity", "capacityThousandsTpm");
            fromProps(p, path, fields, () -> ConfigProps.deployment(o, d));
            if (d.name() != null && !names.add(d.name())) p.add(path + ".name", "'" + d.name() + "' is used by two deployments; names must be unique");
            for (int r = 0; r < d.regions().size(); r++)
                if (!o.regions().contains(d.regions().get(r)))
                    p.add(path + ".regions[" + r + "]", "'" + d.regions().get(r) + "' is not in openAi.regions " + o.regions() + "; add it there or remove it here");
            if (d.contentFilter() != null && !filters.contains(d.contentFilter()) && !ContentFilter.isBuiltIn(d.contentFilter()))
                p.add(path + ".contentFilter", "'" + d.contentFilter() + "' is not defined; add it to openAi.contentFilters or use Microsoft.DefaultV2");
        }
    }

    /**
     * Builds library props from config values so that their rules (which live once, in the props) report under config
     * paths: each problem of a field in {@code configFields} is added at {@code path.<config field>}, keeping any index
     * suffix ({@code terms[2]}). Fields not listed are checked in config terms elsewhere.
     */
    private static void fromProps(Problems p, String path, Map<String, String> configFields, Supplier<?> build) {
        try {
            build.get();
        } catch (InvalidPropsException e) {
            for (InvalidPropsException.Problem problem : e.problems()) {
                String field = problem.field().replaceFirst("[.\\[].*", "");
                String configField = configFields.get(field);
                if (configField != null)
                    p.add(path + "." + configField + problem.field().substring(field.length()), problem.message());
            }
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
        checkWith(p, "gateway.", check -> check.email("publisherEmail", g.publisherEmail()));
        if (g.publisherEmail().length() > 100) p.add("gateway.publisherEmail", "must be at most 100 characters");
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

    /**
     * Reports a props exception's problems at stack-file paths: {@code prefix + field}, or the path given for a field
     * in {@code paths}.
     */
    static void mapOnto(Problems p, InvalidPropsException e, String prefix, Map<String, String> paths) {
        e.problems().forEach(x -> p.add(paths.getOrDefault(x.field(), prefix + x.field()), x.message()));
    }

    private static void identity(EnvironmentConfig c, Problems p) {
        var id = c.identity();
        if (id == null) { p.add("identity", "is required: give identity.audienceAppId (the API app's client id) or identity.application"); return; }
        if (id.application() == null) {
            guid(p, "identity.audienceAppId", id.audienceAppId(), true);
            if (!EntraApiApplicationProps.isValidValue(id.scopeName()))
                p.add("identity.scopeName", "'" + id.scopeName() + "' must be " + EntraApiApplicationProps.VALUE_RULE);
            return;
        }
        if (id.audienceAppId() != null)
            p.add("identity.audienceAppId", "cannot be combined with identity.application; remove one (application registers the API app itself)");
        try {
            ConfigProps.apiApplication(c);
        } catch (InvalidPropsException e) {
            mapOnto(p, e, "identity.application.", Map.of("scopeName", "identity.scopeName"));
        }
    }

    /** Runs a props rule on config values and reports its problems at {@code prefix + field}: each rule lives once. */
    static void checkWith(Problems p, String prefix, java.util.function.Consumer<PropsCheck> rule) {
        PropsCheck check = PropsCheck.of("config");
        rule.accept(check);
        try {
            check.throwIfAny();
        } catch (InvalidPropsException e) {
            mapOnto(p, e, prefix, Map.of());
        }
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
