package io.github.aoaiplatform.app;

import io.github.aoaiplatform.apim.ApiGatewayProps;
import io.github.aoaiplatform.apim.DepartmentPolicyProps;
import io.github.aoaiplatform.apim.DepartmentProps;
import io.github.aoaiplatform.apim.LlmLoggingProps;
import io.github.aoaiplatform.apim.OpenAiApiProps;
import io.github.aoaiplatform.apim.OpenAiBackend;
import io.github.aoaiplatform.chargeback.PriceTable;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.core.Tags;
import io.github.aoaiplatform.dns.PrivateDnsZone;
import io.github.aoaiplatform.dns.PrivateDnsZonesProps;
import io.github.aoaiplatform.identity.EntraApiApplicationProps;
import io.github.aoaiplatform.monitoring.LogAnalyticsProps;
import io.github.aoaiplatform.monitoring.LogAnalyticsTableOptions;
import io.github.aoaiplatform.network.ExistingVirtualNetworkProps;
import io.github.aoaiplatform.network.PlatformNetworkProps;
import io.github.aoaiplatform.patterns.RegionalOpenAiProps;
import io.github.aoaiplatform.openai.ContentFilter;
import io.github.aoaiplatform.openai.CustomerManagedKeyOptions;
import io.github.aoaiplatform.openai.DeploymentOptions;
import io.github.aoaiplatform.openai.ModelCatalogue;
import io.github.aoaiplatform.openai.OpenAiAccount;
import io.github.aoaiplatform.openai.OpenAiAccountProps;
import io.github.aoaiplatform.identity.UserAssignedIdentity;
import software.constructs.RootConstruct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Semantic checks on a bound {@link EnvironmentConfig}; every problem is collected with its stack-file path.
 *
 * <p>The rules of the library live in its props: this class builds the same props as {@link PlatformStack} (through
 * {@link ConfigProps}) and reports their problems at the config's paths ({@link #props} and {@link #rule}). What it checks
 * itself is only what the stack file adds: its name, the state backend, how sections combine (a network created or
 * brought, deployments in listed regions, departments' models), and uniqueness within its lists.
 */
public final class ConfigValidator {
    private ConfigValidator() {}

    private static final Pattern ENV_NAME = Pattern.compile("[a-z][a-z0-9]{1,10}");
    /** A storage account name (the state backend's). */
    static final Pattern STORAGE_ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");

    /**
     * Validates {@code c}.
     *
     * @param c            the bound stack file
     * @param expectedName the stack file's base name, or null to skip that check
     * @param p            where problems go
     */
    public static void validate(EnvironmentConfig c, String expectedName, Problems p) {
        if (c.environmentName() == null) p.add("environmentName", "is required");
        else if (!ENV_NAME.matcher(c.environmentName()).matches())
            p.add("environmentName", "'" + c.environmentName() + "' must be 2-11 lower-case letters/digits starting with a letter, e.g. dev");
        else if (expectedName != null && !expectedName.equals(c.environmentName()))
            p.add("environmentName", "'" + c.environmentName() + "' must equal the file name '" + expectedName + "'; rename one of them");
        rule(p, "", check -> {
            if (check.require("location", c.location())) check.region("location", c.location());
            if (check.require("tenantId", c.tenantId())) check.guid("tenantId", c.tenantId());
            check.guid("subscriptionId", c.subscriptionId());
            c.tags().forEach((k, v) -> Tags.check(check, "tags." + k, "tags." + k, k, v));
        });
        if (c.nameSuffix() != null)
            props(p, "", Map.of("suffix", "nameSuffix"), () -> new Naming(EnvironmentConfig.WORKLOAD, "env", c.nameSuffix()));
        backend(c.backend(), p);
        network(c.network(), c.location(), p);
        dns(c.dns(), p);
        var mon = c.monitoring();
        rule(p, "monitoring.", check -> LogAnalyticsProps.checkLimits(check, mon.retentionDays(), mon.dailyQuotaGb()));
        props(p, "monitoring.", Map.of("maxSizeInBytes", "llmLogMaxBytes"),
                () -> LlmLoggingProps.builder().maxSizeInBytes(mon.llmLogMaxBytes()).build());
        rule(p, "monitoring.", check -> {
            LogAnalyticsTableOptions.checkRetention(check, "promptLogRetentionDays", mon.promptLogRetentionDays());
            for (int i = 0; i < mon.promptLogReaders().size(); i++)
                if (check.require("promptLogReaders[" + i + "]", mon.promptLogReaders().get(i)))
                    check.guid("promptLogReaders[" + i + "]", mon.promptLogReaders().get(i));
        });
        openAi(c.openAi(), p);
        gateway(c, p);
        identity(c, p);
        departments(c, p);
        List<String> emails = c.chargeback().alertEmails();
        rule(p, "chargeback.", check -> {
            for (int i = 0; i < emails.size(); i++)
                if (check.require("alertEmails[" + i + "]", emails.get(i))) check.email("alertEmails[" + i + "]", emails.get(i));
        });
        if (c.chargeback().priceTable().isBlank() || !c.chargeback().priceTable().endsWith(".json"))
            p.add("chargeback.priceTable", "'" + c.chargeback().priceTable() + "' must be a .json file relative to the stacks folder, e.g. "
                    + EnvironmentConfig.ChargebackConfig.DEFAULT_PRICE_TABLE);
    }

    /**
     * Every deployed model must have a price in the environment's price table.
     *
     * @param c      the stack file
     * @param prices its price table
     * @param p      where problems go
     */
    static void prices(EnvironmentConfig c, PriceTable prices, Problems p) {
        if (c.openAi() == null) return;
        for (int i = 0; i < c.openAi().deployments().size(); i++)
            price(c, prices, "openAi.deployments[" + i + "].model", c.openAi().deployments().get(i).model(), p);
        for (int t = 0; t < c.departments().size(); t++)
            for (int i = 0; c.departments().get(t) != null && i < c.departments().get(t).deployments().size(); i++)
                price(c, prices, "departments[" + t + "].deployments[" + i + "].model", c.departments().get(t).deployments().get(i).model(), p);
    }

    private static void price(EnvironmentConfig c, PriceTable prices, String path, String model, Problems p) {
        if (model != null && ModelCatalogue.model(model) != null && prices.price(model) == null)
            p.add(path, "'" + model + "' has no price in " + c.chargeback().priceTable()
                    + " (version " + prices.version() + "); add it under models so its cost can be charged back");
    }

    private static void backend(EnvironmentConfig.BackendConfig b, Problems p) {
        switch (b.type()) {
            case "local" -> {
                for (var f : new String[][]{{"resourceGroupName", b.resourceGroupName()}, {"storageAccountName", b.storageAccountName()}, {"key", b.key()}})
                    if (f[1] != null) p.add("backend." + f[0], "only used with type 'azurerm'; remove it or set backend.type to azurerm");
            }
            case "azurerm" -> {
                if (b.resourceGroupName() == null) p.add("backend.resourceGroupName", "is required");
                if (b.storageAccountName() == null) p.add("backend.storageAccountName", "is required");
                else if (!STORAGE_ACCOUNT.matcher(b.storageAccountName()).matches())
                    p.add("backend.storageAccountName", "'" + b.storageAccountName() + "' must be 3-24 lower-case letters/digits");
                if (b.path() != null) p.add("backend.path", "only used with type 'local'; remove it");
            }
            default -> p.add("backend.type", "'" + b.type() + "' is not supported; use local or azurerm");
        }
    }

    private static void network(EnvironmentConfig.NetworkConfig n, String location, Problems p) {
        if (n == null) { p.add("network", "is required: give addressSpace and subnets, or existing (bring your own VNet)"); return; }
        if (n.existing() != null) {
            if (n.addressSpace() != null || n.subnets() != null || n.ddosProtectionPlanId() != null)
                p.add("network.existing", "cannot be combined with addressSpace, subnets or ddosProtectionPlanId; use one or the other");
            var ids = n.existing().subnetIds();
            // the region is the stack's own location, checked above
            props(p, "network.existing.", Map.of("virtualNetworkId", "virtualNetworkId", "subnetIds", "subnetIds"),
                    () -> new ExistingVirtualNetworkProps(n.existing().virtualNetworkId(), location, ids == null ? Map.of() : ids.byRole()));
        } else {
            if (n.addressSpace() == null) { p.add("network.addressSpace", "is required, e.g. 10.10.0.0/22 (or give network.existing)"); return; }
            rule(p, "network.", check -> PlatformNetworkProps.checkAddressing(check, n.addressSpace(),
                    n.subnets() == null ? Map.of() : n.subnets().byRole(), n.ddosProtectionPlanId()));
        }
    }

    /** The hub zones: the id's type, the zone's name and a known zone, as {@link PrivateDnsZonesProps} checks them. */
    private static void dns(EnvironmentConfig.DnsConfig dns, Problems p) {
        var scratch = new RootConstruct("config-validation");
        Map<String, IPrivateDnsZone> zones = new LinkedHashMap<>();
        dns.existingZoneIds().forEach((zone, id) -> props(p, "dns.existingZoneIds.", Map.of("resourceId", zone),
                () -> zones.put(zone, PrivateDnsZone.fromResourceId(scratch, zone, id))));
        props(p, "dns.", Map.of("existingZones", "existingZoneIds"), () -> PrivateDnsZonesProps.builder().existingZones(zones).build());
    }

    private static void openAi(EnvironmentConfig.OpenAiConfig o, Problems p) {
        if (o == null) { p.add("openAi", "is required: give at least openAi.regions, e.g. [\"japaneast\", \"eastus\"]"); return; }
        if (o.regions().isEmpty()) p.add("openAi.regions", "must list at least one region, e.g. [\"japaneast\", \"eastus\"]");
        Set<String> seen = new HashSet<>();
        rule(p, "openAi.", check -> {
            for (int i = 0; i < o.regions().size(); i++)
                if (check.require("regions[" + i + "]", o.regions().get(i))) check.region("regions[" + i + "]", o.regions().get(i));
        });
        for (int i = 0; i < o.regions().size(); i++)
            if (o.regions().get(i) != null && !seen.add(o.regions().get(i)))
                p.add("openAi.regions[" + i + "]", "'" + o.regions().get(i) + "' is listed twice; list each region once");
        if (o.capacityThousandsTpm() <= 0)
            p.add("openAi.capacityThousandsTpm", "must be greater than 0 (thousands of tokens per minute), got " + o.capacityThousandsTpm());
        props(p, "openAi.", Map.of("kind", "kind", "allowedFqdns", "allowedFqdns"),
                () -> OpenAiAccountProps.builder().kind(o.kind()).allowedFqdns(o.allowedFqdns()).build());
        var cmk = o.customerManagedKey();
        if (cmk != null) {
            props(p, "openAi.customerManagedKey.", Map.of("keyVaultKeyId", "keyVaultKeyId"),
                    () -> CustomerManagedKeyOptions.builder().keyVaultKeyId(cmk.keyVaultKeyId()).build());
            props(p, "openAi.customerManagedKey.", Map.of("resourceId", "identityId", "clientId", "identityClientId"),
                    () -> UserAssignedIdentity.fromAttributes(new RootConstruct("cmk"), "Identity", cmk.identityId(), null, cmk.identityClientId()));
        }
        for (int i = 0; i < o.contentFilters().size(); i++) {
            var f = o.contentFilters().get(i);
            props(p, "openAi.contentFilters[" + i + "].", Map.of("name", "name", "severityThreshold", "severityThreshold", "mode", "mode",
                    "blocklists", "blocklists"), () -> ConfigProps.contentFilter(o, f));
        }
        for (int i = 0; i < o.blocklists().size(); i++) {
            var b = o.blocklists().get(i);
            props(p, "openAi.blocklists[" + i + "].", Map.of("name", "name", "terms", "terms"), () -> ConfigProps.blocklist(b));
        }
        // the accounts' rules for the lists: each name once, every reference defined
        Set<String> filters = new HashSet<>();
        rule(p, "openAi.", check -> {
            filters.addAll(RegionalOpenAiProps.uniqueNames(check, "contentFilters",
                    o.contentFilters().stream().map(EnvironmentConfig.ContentFilterConfig::name).toList()));
            Set<String> lists = RegionalOpenAiProps.uniqueNames(check, "blocklists",
                    o.blocklists().stream().map(EnvironmentConfig.BlocklistConfig::name).toList());
            RegionalOpenAiProps.checkContentSafetyReferences(check, filters, lists,
                    o.contentFilters().stream().map(f -> f.blocklists() == null ? List.<String>of() : f.blocklists()).toList(),
                    o.defaultContentFilter());
        });
        Set<String> names = new HashSet<>();
        for (int i = 0; i < o.deployments().size(); i++) {
            var d = o.deployments().get(i);
            String path = "openAi.deployments[" + i + "].";
            Map<String, String> fields = new HashMap<>(Map.of("name", "name", "model", "model", "version", "version",
                    "sku", "sku", "versionUpgrade", "versionUpgrade"));
            // without its own capacity a deployment takes openAi.capacityThousandsTpm, which is checked above
            if (d.capacityThousandsTpm() != null) fields.put("capacity", "capacityThousandsTpm");
            props(p, path, fields, () -> ConfigProps.deployment(o, d));
            if (d.name() != null && !names.add(d.name())) p.add(path + "name", "'" + d.name() + "' is used by two deployments; names must be unique");
            for (int r = 0; r < d.regions().size(); r++)
                if (!o.regions().contains(d.regions().get(r)))
                    p.add(path + "regions[" + r + "]", "'" + d.regions().get(r) + "' is not in openAi.regions " + o.regions() + "; add it there or remove it here");
            if (d.contentFilter() != null && !filters.contains(d.contentFilter()) && !ContentFilter.isBuiltIn(d.contentFilter()))
                p.add(path + "contentFilter", "'" + d.contentFilter() + "' is not defined; add it to openAi.contentFilters or use Microsoft.DefaultV2");
        }
    }

    private static void gateway(EnvironmentConfig c, Problems p) {
        var g = c.gateway();
        props(p, "gateway.", Map.of("sku", "sku", "units", "units", "publisherName", "publisherName", "publisherEmail", "publisherEmail"),
                () -> ApiGatewayProps.builder().sku(g.sku()).units(g.units()).publisherName(g.publisherName())
                        .publisherEmail(g.publisherEmail()).build());
        props(p, "gateway.", Map.of("corsOrigins", "corsOrigins", "tokensPerMinutePerUser", "tokensPerMinutePerUser",
                        "circuitBreakerTripCount", "circuitBreakerTripCount"),
                () -> OpenAiApiProps.builder().corsOrigins(g.corsOrigins()).tokensPerMinutePerUser(g.tokensPerMinutePerUser())
                        .circuitBreakerTripCount(g.circuitBreakerTripCount()).build());
        var openAi = c.openAi();
        g.backends().forEach((region, b) -> {
            String path = "gateway.backends." + region;
            if (openAi != null && !openAi.regions().contains(region))
                p.add(path, "'" + region + "' is not in openAi.regions " + openAi.regions() + "; add it there or remove it here");
            if (b == null) { p.add(path, "must be an object like {\"priority\": 1, \"weight\": 1}"); return; }
            props(p, path + ".", Map.of("priority", "priority", "weight", "weight"),
                    () -> OpenAiBackend.builder().priority(b.priority()).weight(b.weight()).build());
        });
    }

    private static void identity(EnvironmentConfig c, Problems p) {
        var id = c.identity();
        if (id == null) { p.add("identity", "is required: give identity.audienceAppId (the API app's client id) or identity.application"); return; }
        if (id.acceptedScopes() != null || id.acceptedRoles() != null)
            props(p, "identity.", Map.of("acceptedScopes", "acceptedScopes", "acceptedRoles", "acceptedRoles"),
                    () -> OpenAiApiProps.builder().acceptedScopes(ConfigProps.acceptedScopes(c)).acceptedRoles(ConfigProps.acceptedRoles(c)).build());
        if (id.application() == null) {
            rule(p, "identity.", check -> {
                if (check.require("audienceAppId", id.audienceAppId())) check.guid("audienceAppId", id.audienceAppId());
            });
            if (!EntraApiApplicationProps.isValidValue(id.scopeName()))
                p.add("identity.scopeName", "'" + id.scopeName() + "' must be " + EntraApiApplicationProps.VALUE_RULE);
            return;
        }
        if (id.audienceAppId() != null)
            p.add("identity.audienceAppId", "cannot be combined with identity.application; remove one (application registers the API app itself)");
        props(p, "identity.", Map.of("displayName", "application.displayName", "appRoles", "application.appRoles",
                "spaClients", "application.spaClients", "daemonClients", "application.daemonClients", "scopeName", "scopeName"),
                () -> ConfigProps.apiApplication(c));
    }

    /** The department fields whose rules live in the props, by the config key that holds them. */
    private static final Map<String, String> DEPARTMENT_FIELDS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("groupIds", "groupIds"), Map.entry("clientAppIds", "clientAppIds"),
            Map.entry("tokensPerMinute", "tokensPerMinute"), Map.entry("tokenQuota", "tokenQuota"),
            Map.entry("requestsPerMinute", "requestsPerMinute"), Map.entry("tokensPerMinutePerUser", "tokensPerMinutePerUser"),
            Map.entry("displayName", "displayName"), Map.entry("costCenter", "costCenter"), Map.entry("subscriptions", "subscriptions"));

    /** The department fields only the chargeback props check (the others are the gateway's, reported once above). */
    private static final Map<String, String> CHARGEBACK_FIELDS = Map.of("monthlyBudget", "monthlyBudget", "alertPercent", "alertPercent",
            "monthlyCapacityCharge", "monthlyCapacityCharge");

    private static void departments(EnvironmentConfig c, Problems p) {
        List<EnvironmentConfig.DepartmentConfig> ds = c.departments();
        if (!ds.isEmpty() && Boolean.FALSE.equals(c.gateway().subscriptionRequired()))
            p.add("gateway.subscriptionRequired", "cannot be false when departments are defined: the department's subscription key "
                    + "says who pays and which limits apply; remove it (or remove departments)");
        Set<String> deployedModels = new LinkedHashSet<>();
        if (c.openAi() != null) c.openAi().deployments().forEach(d -> { if (d.model() != null) deployedModels.add(d.model()); });
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ds.size(); i++) {
            var d = ds.get(i);
            String path = "departments[" + i + "]";
            if (d == null) { p.add(path, "must be an object with at least name, costCenter and tokensPerMinute"); continue; }
            if (d.name() != null && !names.add(d.name())) p.add(path + ".name", "'" + d.name() + "' is defined twice; department names must be unique");
            if (ConfigProps.quotaPeriod(d.tokenQuotaPeriod()) == null)
                p.add(path + ".tokenQuotaPeriod", "'" + d.tokenQuotaPeriod() + "' must be one of " + ConfigProps.QUOTA_PERIODS);
            // the API is the gateway's, which the stack builds later: its props problem is not the department's
            props(p, path + ".", DEPARTMENT_FIELDS, () -> ConfigProps.departmentPolicy(c, d));
            props(p, path + ".", DEPARTMENT_FIELDS, () -> DepartmentProps.builder()
                    .displayName(d.displayName()).costCenter(d.costCenter()).subscriptions(d.subscriptions()).build());
            props(p, path + ".", CHARGEBACK_FIELDS, () -> ConfigProps.chargebackDepartment(d));
            if (!EnvironmentConfig.DepartmentConfig.ISOLATIONS.contains(d.isolation())) {
                p.add(path + ".isolation", "'" + d.isolation() + "' must be one of " + EnvironmentConfig.DepartmentConfig.ISOLATIONS);
                continue;
            }
            tenancy(c, d, path, p);
            Set<String> models = new LinkedHashSet<>();
            if (d.shared()) models.addAll(deployedModels);
            else d.deployments().forEach(x -> { if (x.model() != null) models.add(x.model()); });
            String where = d.shared() ? "openAi.deployments" : path + ".deployments";
            Set<String> allowed = new HashSet<>();
            for (int m = 0; m < d.allowedModels().size(); m++) {
                String model = d.allowedModels().get(m);
                if (!models.contains(model))
                    p.add(path + ".allowedModels[" + m + "]", "'" + model + "' is not deployed; deployed models are " + models
                            + " (add a deployment in " + where + " or remove it here)");
                else if (!allowed.add(model)) p.add(path + ".allowedModels[" + m + "]", "'" + model + "' is listed twice");
            }
        }
        deploymentNamesOnce(c, p);
        accountQualifiersOnce(c, p);
        quotas(c, p);
        batchOnSharedAccounts(c, p);
    }

    /**
     * The deployments this stack creates in each region fit {@code openAi.quotas}: the first deployment that goes over is
     * named (shared deployments first, then the departments' in config order, as Azure would create them).
     */
    private static void quotas(EnvironmentConfig c, Problems p) {
        var o = c.openAi();
        if (o == null) return;
        o.quotas().forEach((key, limit) -> {
            String[] parts = key.split("/", 2);
            if (parts.length != 2 || ModelCatalogue.model(parts[0]) == null || !ModelCatalogue.SKUS.contains(parts[1]))
                p.add("openAi.quotas." + key, "must be keyed <model>/<sku> with a known model and one of " + ModelCatalogue.SKUS
                        + ", e.g. gpt-4o/GlobalStandard");
            else if (limit == null || limit <= 0) p.add("openAi.quotas." + key, "must be greater than 0, got " + limit);
        });
        if (o.quotas().isEmpty()) return;
        Map<String, Integer> used = new HashMap<>();
        for (int i = 0; i < o.deployments().size(); i++) {
            var d = o.deployments().get(i);
            useQuota(o, d, d.regions().isEmpty() ? o.regions() : d.regions(), "openAi.deployments[" + i + "]", used, p);
        }
        for (int t = 0; t < c.departments().size(); t++) {
            var tenant = c.departments().get(t);
            if (tenant == null || tenant.shared() || tenant.isolation().equals(EnvironmentConfig.DepartmentConfig.TENANT_PROVIDED)) continue;
            List<String> regions = tenant.regions().isEmpty() ? o.regions() : tenant.regions();
            for (int i = 0; i < tenant.deployments().size(); i++)
                useQuota(o, tenant.deployments().get(i), regions, "departments[" + t + "].deployments[" + i + "]", used, p);
        }
    }

    private static void useQuota(EnvironmentConfig.OpenAiConfig o, EnvironmentConfig.DeploymentConfig d, List<String> regions,
                                 String path, Map<String, Integer> used, Problems p) {
        String sku = d.sku() == null ? "GlobalStandard" : d.sku();
        Integer limit = o.quotas().get(d.model() + "/" + sku);
        if (limit == null || limit <= 0) return;
        int capacity = d.capacityThousandsTpm() != null ? d.capacityThousandsTpm() : o.capacityThousandsTpm();
        for (String region : regions) {
            int total = used.merge(region + "/" + d.model() + "/" + sku, capacity, Integer::sum);
            if (total > limit)
                p.add(path + ".capacityThousandsTpm", capacity + " more " + d.model() + " " + sku + " in " + region + " makes " + total
                        + ", above what the subscription offers there (openAi.quotas." + d.model() + "/" + sku + " = " + limit
                        + "); lower it, deploy in another region or raise the quota in Azure and here");
        }
    }

    /**
     * Files and batch jobs belong to an account, not to a deployment: on the shared accounts any department could list,
     * read or cancel another's through the gateway, so batch deployments there are only allowed with one department.
     */
    private static void batchOnSharedAccounts(EnvironmentConfig c, Problems p) {
        if (c.departments().size() < 2 || c.openAi() == null) return;
        List<String[]> onShared = new ArrayList<>();
        for (int i = 0; i < c.openAi().deployments().size(); i++)
            onShared.add(new String[]{"openAi.deployments[" + i + "].sku", c.openAi().deployments().get(i).sku()});
        for (int t = 0; t < c.departments().size(); t++) {
            var tenant = c.departments().get(t);
            if (tenant == null || !tenant.isolation().equals(EnvironmentConfig.DepartmentConfig.DEDICATED_DEPLOYMENT)) continue;
            for (int i = 0; i < tenant.deployments().size(); i++)
                onShared.add(new String[]{"departments[" + t + "].deployments[" + i + "].sku", tenant.deployments().get(i).sku()});
        }
        for (String[] d : onShared)
            if (d[1] != null && BATCH_SKUS.contains(d[1]))
                p.add(d[0], "'" + d[1] + "' cannot go on the shared accounts while several departments use them: Azure OpenAI files and "
                        + "batch jobs belong to the account, so any department could list, read or cancel another's through the gateway; "
                        + "deploy it for a department with isolation " + EnvironmentConfig.DepartmentConfig.DEDICATED_ACCOUNT);
    }

    /** The batch deployment SKUs, whose capacity is an enqueued-token quota. */
    static final Set<String> BATCH_SKUS = Set.of("GlobalBatch", "DataZoneBatch");

    /** What each isolation needs and what it must not have, and its deployments, regions, filters and account. */
    private static void tenancy(EnvironmentConfig c, EnvironmentConfig.DepartmentConfig d, String path, Problems p) {
        String isolation = d.isolation();
        boolean provided = isolation.equals(EnvironmentConfig.DepartmentConfig.TENANT_PROVIDED);
        boolean ownAccount = isolation.equals(EnvironmentConfig.DepartmentConfig.DEDICATED_ACCOUNT);
        String unused = "is only used with isolation " + EnvironmentConfig.DepartmentConfig.DEDICATED_DEPLOYMENT + ", "
                + EnvironmentConfig.DepartmentConfig.DEDICATED_ACCOUNT + " or " + EnvironmentConfig.DepartmentConfig.TENANT_PROVIDED
                + " (it is " + isolation + "); remove it or change isolation";
        if (d.shared()) {
            if (!d.deployments().isEmpty()) p.add(path + ".deployments", unused);
            if (!d.regions().isEmpty()) p.add(path + ".regions", unused);
            if (!d.contentFilters().isEmpty()) p.add(path + ".contentFilters", unused);
            if (!d.blocklists().isEmpty()) p.add(path + ".blocklists", unused);
        } else if (d.deployments().isEmpty()) {
            p.add(path + ".deployments", "must list at least one deployment: a " + isolation + " department reaches only its own");
        }
        if (!provided && d.account() != null)
            p.add(path + ".account", "is only used with isolation " + EnvironmentConfig.DepartmentConfig.TENANT_PROVIDED + "; remove it");
        if (provided) {
            providedAccount(d, path, p);
            if (!d.regions().isEmpty()) p.add(path + ".regions", "is not used with isolation " + isolation + ": give account.region");
            if (!d.contentFilters().isEmpty())
                p.add(path + ".contentFilters", "cannot be created on an account the tenant owns; the tenant sets its filters");
            if (!d.blocklists().isEmpty())
                p.add(path + ".blocklists", "cannot be created on an account the tenant owns; the tenant sets its blocklists");
            return;
        }
        var o = c.openAi();
        List<String> sharedRegions = o == null ? List.of() : o.regions();
        if (ownAccount && d.regions().isEmpty()) p.add(path + ".regions", "must list at least one region for its own accounts, e.g. [\"eastus\"]");
        Set<String> regions = new HashSet<>();
        rule(p, path + ".", check -> {
            for (int r = 0; r < d.regions().size(); r++)
                if (check.require("regions[" + r + "]", d.regions().get(r))) check.region("regions[" + r + "]", d.regions().get(r));
        });
        for (int r = 0; r < d.regions().size(); r++) {
            String region = d.regions().get(r);
            if (region != null && !regions.add(region)) p.add(path + ".regions[" + r + "]", "'" + region + "' is listed twice");
            else if (!ownAccount && region != null && !sharedRegions.contains(region))
                p.add(path + ".regions[" + r + "]", "'" + region + "' is not in openAi.regions " + sharedRegions
                        + ": dedicated deployments go on the shared accounts; add the region there or remove it here");
        }
        Set<String> filters = new HashSet<>();
        if (!ownAccount && o != null) o.contentFilters().forEach(f -> filters.add(f.name()));
        for (int i = 0; i < d.contentFilters().size(); i++) {
            var f = d.contentFilters().get(i);
            String fp = path + ".contentFilters[" + i + "].";
            props(p, fp, Map.of("name", "name", "severityThreshold", "severityThreshold", "mode", "mode", "blocklists", "blocklists"),
                    () -> ConfigProps.contentFilter(d.blocklists(), f));
            if (f.name() != null && !filters.add(f.name()))
                p.add(fp + "name", "'" + f.name() + "' is already defined" + (ownAccount ? "" : " (names are shared with openAi.contentFilters "
                        + "and the other dedicated deployments' filters, which live on the same accounts)"));
        }
        Set<String> lists = new HashSet<>();
        if (!ownAccount && o != null) o.blocklists().forEach(b -> lists.add(b.name()));
        for (int i = 0; i < d.blocklists().size(); i++) {
            var b = d.blocklists().get(i);
            String bp = path + ".blocklists[" + i + "].";
            props(p, bp, Map.of("name", "name", "terms", "terms"), () -> ConfigProps.blocklist(b));
            if (b.name() != null && !lists.add(b.name()))
                p.add(bp + "name", "'" + b.name() + "' is already defined" + (ownAccount ? "" : " (names are shared with openAi.blocklists "
                        + "and the other dedicated deployments' blocklists, which live on the same accounts)"));
        }
        if (o == null) return;
        for (int i = 0; i < d.deployments().size(); i++) {
            var x = d.deployments().get(i);
            String dp = path + ".deployments[" + i + "].";
            Map<String, String> fields = new HashMap<>(Map.of("name", "name", "model", "model", "version", "version",
                    "sku", "sku", "versionUpgrade", "versionUpgrade"));
            if (x.capacityThousandsTpm() != null) fields.put("capacity", "capacityThousandsTpm");
            props(p, dp, fields, () -> ConfigProps.deployment(o, x));
            if (!x.regions().isEmpty())
                p.add(dp + "regions", "is not used for a department's deployment; set " + path + ".regions (all its deployments go there)");
            if (x.contentFilter() != null && !filters.contains(x.contentFilter()) && !ContentFilter.isBuiltIn(x.contentFilter()))
                p.add(dp + "contentFilter", "'" + x.contentFilter() + "' is not defined; add it to " + path + ".contentFilters"
                        + (ownAccount ? "" : " or openAi.contentFilters") + " or use Microsoft.DefaultV2");
        }
    }

    /** A tenant-provided account: an Azure OpenAI account id, its region and Entra tenant; its deployments by name and model. */
    private static void providedAccount(EnvironmentConfig.DepartmentConfig d, String path, Problems p) {
        var a = d.account();
        if (a == null) {
            p.add(path + ".account", "is required with isolation " + EnvironmentConfig.DepartmentConfig.TENANT_PROVIDED
                    + ": give {\"resourceId\": \"/subscriptions/.../providers/Microsoft.CognitiveServices/accounts/<name>\", \"region\": \"eastus\"}");
        } else {
            props(p, path + ".account.", Map.of("resourceId", "resourceId", "location", "region"),
                    () -> OpenAiAccount.fromResourceId(new RootConstruct("tenant"), "Account", a.resourceId(), a.region(), List.of()));
            rule(p, path + ".account.", check -> check.guid("entraTenantId", a.entraTenantId()));
        }
        for (int i = 0; i < d.deployments().size(); i++) {
            var x = d.deployments().get(i);
            String dp = path + ".deployments[" + i + "].";
            rule(p, dp, check -> {
                if (check.require("name", x.name())) check.matches("name", x.name(), DeploymentOptions.NAME, "1-64 letters, digits, . _ -");
                if (check.require("model", x.model()))
                    check.check(ModelCatalogue.model(x.model()) != null, "model", "unknown model '" + x.model() + "'; use one of " + ModelCatalogue.modelNames());
            });
            if (x.version() != null || x.sku() != null || x.capacityThousandsTpm() != null || !x.regions().isEmpty()
                    || x.versionUpgrade() != null || x.contentFilter() != null)
                p.add(dp.substring(0, dp.length() - 1), "only name and model are used for a tenant-provided account's deployment "
                        + "(the tenant deploys it); remove version, sku, capacityThousandsTpm, regions, versionUpgrade and contentFilter");
        }
    }

    /** One name, one deployment, across the shared deployments and every department's own: the gateway routes by name. */
    private static void deploymentNamesOnce(EnvironmentConfig c, Problems p) {
        Map<String, String> claimedBy = new HashMap<>();
        if (c.openAi() != null)
            for (int i = 0; i < c.openAi().deployments().size(); i++)
                claimedBy.putIfAbsent(c.openAi().deployments().get(i).name(), "openAi.deployments[" + i + "]");
        for (int t = 0; t < c.departments().size(); t++) {
            var d = c.departments().get(t);
            if (d == null) continue;
            for (int i = 0; i < d.deployments().size(); i++) {
                String name = d.deployments().get(i).name(), path = "departments[" + t + "].deployments[" + i + "]";
                if (name == null) continue;
                String other = claimedBy.putIfAbsent(name, path);
                if (other != null)
                    p.add(path + ".name", "'" + name + "' is already claimed by " + other + ": the gateway admits and routes by "
                            + "deployment name, so every deployment needs its own; name it for the department, e.g. " + d.name() + "-" + name);
            }
        }
    }

    /** Two departments' own accounts must not get one name: their qualifier (name without hyphens, 8 characters) differs. */
    private static void accountQualifiersOnce(EnvironmentConfig c, Problems p) {
        Map<String, String> byQualifier = new HashMap<>();
        for (int t = 0; t < c.departments().size(); t++) {
            var d = c.departments().get(t);
            if (d == null || d.name() == null || !d.isolation().equals(EnvironmentConfig.DepartmentConfig.DEDICATED_ACCOUNT)) continue;
            String other = byQualifier.putIfAbsent(ConfigProps.accountQualifier(d.name()), d.name());
            if (other != null)
                p.add("departments[" + t + "].name", "'" + d.name() + "' and '" + other + "' both name their accounts '"
                        + ConfigProps.accountQualifier(d.name()) + "' (the name without hyphens, first 8 characters); make them differ there");
        }
    }

    /**
     * Builds library props from config values and reports their problems at stack-file paths, so every rule lives once,
     * in the props: a problem of field {@code f} (with any {@code .x} or {@code [i]} suffix) is reported at
     * {@code prefix + paths.get(f) + suffix}. Fields not in {@code paths} are not config values (the props' references,
     * which the stack supplies) and are left out.
     */
    static void props(Problems p, String prefix, Map<String, String> paths, Runnable build) {
        try {
            build.run();
        } catch (InvalidPropsException e) {
            Set<String> reported = new HashSet<>();
            for (InvalidPropsException.Problem problem : e.problems()) {
                String field = problem.field().replaceFirst("[.\\[].*", "");
                String configField = paths.get(field);
                if (configField == null) continue;
                String path = prefix + configField + problem.field().substring(field.length());
                if (reported.add(path + problem.message())) p.add(path, problem.message());
            }
        }
    }

    /** Runs a props rule on config values and reports its problems at {@code prefix + field}. */
    static void rule(Problems p, String prefix, Consumer<PropsCheck> rule) {
        PropsCheck check = PropsCheck.of("config");
        rule.accept(check);
        try {
            check.throwIfAny();
        } catch (InvalidPropsException e) {
            e.problems().forEach(x -> p.add(prefix + x.field(), x.message()));
        }
    }
}
