package io.github.aoaiplatform.app;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.apim.DepartmentPolicyProps;
import io.github.aoaiplatform.apim.DepartmentProps;
import io.github.aoaiplatform.apim.FederatedTokenOptions;
import io.github.aoaiplatform.apim.OpenAiApi;
import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import io.github.aoaiplatform.chargeback.ChargebackDepartmentOptions;
import io.github.aoaiplatform.core.AzureRegions;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.apim.DefaultPolicy;
import io.github.aoaiplatform.identity.AppRoleOptions;
import io.github.aoaiplatform.identity.DaemonClientOptions;
import io.github.aoaiplatform.identity.EntraApiApplicationProps;
import io.github.aoaiplatform.identity.SpaClientOptions;
import io.github.aoaiplatform.identity.UserAssignedIdentity;
import io.github.aoaiplatform.openai.BlocklistOptions;
import io.github.aoaiplatform.openai.ContentFilterOptions;
import io.github.aoaiplatform.openai.CustomerManagedKeyOptions;
import io.github.aoaiplatform.openai.DeploymentOptions;
import io.github.aoaiplatform.patterns.RegionalAccountOptions;
import io.github.aoaiplatform.patterns.RegionalDeploymentOptions;
import io.github.aoaiplatform.patterns.RegionalOpenAiProps;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one translation from a stack file's values to the library's props. {@link PlatformStack} builds its constructs
 * with it and {@link ConfigValidator} builds the same props to report their rules at stack-file paths, so every rule
 * lives once, in the props.
 */
final class ConfigProps {
    private ConfigProps() {}

    /**
     * The tags every resource of a stack carries: environment, workload and managed-by, plus the stack file's own.
     */
    static Map<String, String> platformTags(String environment, Map<String, String> extra) {
        Map<String, String> tags = new TreeMap<>();
        tags.put("environment", environment);
        tags.put("workload", "aoai-platform");
        tags.put("managed-by", "cdktf");
        tags.putAll(extra);
        return tags;
    }

    /** One account per region of {@code openAi.regions}, each with every filter, blocklist and (its regions') deployment. */
    static RegionalOpenAiProps regionalOpenAi(EnvironmentConfig c, Naming naming, IResourceGroup resourceGroup,
                                              List<PrivateEndpointOptions> privateEndpoints, DiagnosticSettings diagnostics,
                                              Lock lock, TerraformProvider azapi, Construct scope) {
        var o = c.openAi();
        List<ContentFilterOptions> filters = new ArrayList<>(o.contentFilters().stream().map(f -> contentFilter(o, f)).toList());
        List<EnvironmentConfig.BlocklistConfig> blocklists = new ArrayList<>(o.blocklists());
        List<RegionalDeploymentOptions> deployments = new ArrayList<>(o.deployments().stream().map(d -> RegionalDeploymentOptions.builder()
                .deployment(deployment(o, d)).regions(d.regions()).build()).toList());
        for (var tenant : tenants(c, EnvironmentConfig.DepartmentConfig.DEDICATED_DEPLOYMENT)) {
            tenant.contentFilters().forEach(f -> filters.add(contentFilter(tenant.blocklists(), f)));
            blocklists.addAll(tenant.blocklists());
            tenant.deployments().forEach(d -> deployments.add(RegionalDeploymentOptions.builder()
                    .deployment(deployment(o, d)).regions(tenant.regions()).build()));
        }
        return platformAccounts(c, naming, resourceGroup, privateEndpoints, diagnostics, lock, azapi, scope)
                .accounts(o.regions().stream().map(RegionalAccountOptions::in).toList())
                .contentFilters(filters)
                .blocklists(blocklists.stream().map(ConfigProps::blocklist).toList())
                // a dedicated-deployment tenant's blocklists are its own filters' only: shared deployments never block its terms
                .defaultFilterBlocklists(o.blocklists().stream().map(EnvironmentConfig.BlocklistConfig::name).toList())
                .deployments(deployments)
                .defaultContentFilter(o.defaultContentFilter())
                .allowedFqdns(o.allowedFqdns())
                .build();
    }

    /**
     * A {@code dedicatedAccount} department's own accounts: one per region of its {@code regions}, named with
     * {@link #accountQualifier its qualifier}, with its filters and deployments and the platform's endpoints, diagnostics,
     * key and lock.
     */
    static RegionalOpenAiProps tenantOpenAi(EnvironmentConfig c, EnvironmentConfig.DepartmentConfig tenant, Naming naming,
                                            IResourceGroup resourceGroup, List<PrivateEndpointOptions> privateEndpoints,
                                            DiagnosticSettings diagnostics, Lock lock, TerraformProvider azapi, Construct scope) {
        var o = c.openAi();
        return platformAccounts(c, naming, resourceGroup, privateEndpoints, diagnostics, lock, azapi, scope)
                .accounts(tenant.regions().stream().map(r -> RegionalAccountOptions.builder().region(r)
                        .qualifier(accountQualifier(tenant.name())).build()).toList())
                .contentFilters(tenant.contentFilters().stream().map(f -> contentFilter(tenant.blocklists(), f)).toList())
                .blocklists(tenant.blocklists().stream().map(ConfigProps::blocklist).toList())
                .deployments(tenant.deployments().stream().map(d -> RegionalDeploymentOptions.builder()
                        .deployment(deployment(o, d)).build()).toList())
                .tags(Map.of("tenant", tenant.name()))
                .build();
    }

    /** What the platform's and the tenants' own accounts share: kind, key, naming, group, endpoints, diagnostics, lock. */
    private static RegionalOpenAiProps.Builder platformAccounts(EnvironmentConfig c, Naming naming, IResourceGroup resourceGroup,
                                                                List<PrivateEndpointOptions> privateEndpoints, DiagnosticSettings diagnostics,
                                                                Lock lock, TerraformProvider azapi, Construct scope) {
        return RegionalOpenAiProps.builder()
                .kind(c.openAi().kind())
                .customerManagedKey(customerManagedKey(c.openAi().customerManagedKey(), scope))
                .naming(naming)
                .resourceGroup(resourceGroup)
                .privateEndpoints(privateEndpoints)
                .diagnostics(diagnostics)
                .lock(lock)
                .azapi(azapi);
    }

    /** The name qualifier of a department's own accounts: its name without hyphens, at most 8 characters. */
    static String accountQualifier(String department) {
        String plain = department.replace("-", "");
        return plain.length() <= 8 ? plain : plain.substring(0, 8);
    }

    /**
     * The key of the backend of a department's own account in a region: {@code <department>-<region code>}.
     */
    static String tenantBackendKey(String department, String region) {
        return department + "-" + AzureRegions.shortCode(region);
    }

    /**
     * The backend a department's files and batches go to: its own account in its first region (files live in one
     * account, so they all go to the same one), or null without an account of its own.
     */
    static String homeBackend(EnvironmentConfig.DepartmentConfig d) {
        if (!d.ownAccount()) return null;
        String region = d.isolation().equals(EnvironmentConfig.DepartmentConfig.TENANT_PROVIDED)
                ? (d.account() == null ? null : d.account().region()) : d.regions().stream().findFirst().orElse(null);
        return region == null || !AzureRegions.isKnown(region) ? null : OpenAiApi.backendName(tenantBackendKey(d.name(), region));
    }

    /** What the owner of a tenant-provided account reads when asked to approve the gateway's private endpoint. */
    static String approvalRequest(EnvironmentConfig c, EnvironmentConfig.DepartmentConfig d) {
        return "AI gateway of aoai-platform (" + c.environmentName() + ") for department " + d.name() + ": please approve";
    }

    /** The departments of one isolation, in config order. */
    static List<EnvironmentConfig.DepartmentConfig> tenants(EnvironmentConfig c, String isolation) {
        return c.departments().stream().filter(d -> d != null && d.isolation().equals(isolation)).toList();
    }

    /** {@code openAi.customerManagedKey}, its identity brought in by id; null when absent. */
    static CustomerManagedKeyOptions customerManagedKey(EnvironmentConfig.CustomerManagedKeyConfig k, Construct scope) {
        if (k == null) return null;
        return CustomerManagedKeyOptions.builder().keyVaultKeyId(k.keyVaultKeyId())
                .identity(UserAssignedIdentity.fromAttributes(scope, "CustomerManagedKeyIdentity", k.identityId(), null, k.identityClientId()))
                .build();
    }

    /** A filter of {@code openAi.contentFilters}; without its own blocklists it attaches every one of {@code openAi.blocklists}. */
    static ContentFilterOptions contentFilter(EnvironmentConfig.OpenAiConfig o, EnvironmentConfig.ContentFilterConfig f) {
        return contentFilter(o.blocklists(), f);
    }

    /** A content filter; without its own blocklists it attaches every one of {@code blocklists} (those defined beside it). */
    static ContentFilterOptions contentFilter(List<EnvironmentConfig.BlocklistConfig> blocklists, EnvironmentConfig.ContentFilterConfig f) {
        return ContentFilterOptions.builder().name(f.name()).severityThreshold(f.severityThreshold())
                .promptShields(f.promptShields()).mode(f.mode())
                .blocklists(f.blocklists() != null ? f.blocklists() : blocklists.stream().map(EnvironmentConfig.BlocklistConfig::name).toList())
                .build();
    }

    static BlocklistOptions blocklist(EnvironmentConfig.BlocklistConfig b) {
        return BlocklistOptions.builder().name(b.name()).description(b.description()).terms(b.terms()).build();
    }

    /** A deployment of {@code openAi.deployments}; its capacity defaults to {@code openAi.capacityThousandsTpm}. */
    static DeploymentOptions deployment(EnvironmentConfig.OpenAiConfig o, EnvironmentConfig.DeploymentConfig d) {
        return DeploymentOptions.builder().name(d.name()).model(d.model()).version(d.version()).sku(d.sku())
                .capacity(d.capacityThousandsTpm() != null ? d.capacityThousandsTpm() : o.capacityThousandsTpm())
                .versionUpgrade(d.versionUpgrade()).contentFilter(d.contentFilter()).build();
    }

    /** Each deployment's model, by deployment name, in config order: the shared ones, then the departments' own. */
    static Map<String, String> modelByDeployment(EnvironmentConfig c) {
        Map<String, String> models = sharedModelByDeployment(c);
        c.departments().forEach(t -> t.deployments().forEach(d -> models.put(d.name(), d.model())));
        return models;
    }

    /** Each deployment of {@code openAi.deployments}'s model, by deployment name, in config order. */
    private static Map<String, String> sharedModelByDeployment(EnvironmentConfig c) {
        Map<String, String> models = new LinkedHashMap<>();
        c.openAi().deployments().forEach(d -> models.put(d.name(), d.model()));
        return models;
    }

    /** The scopes the gateway accepts: {@code identity.acceptedScopes}, else {@code identity.scopeName}. */
    static List<String> acceptedScopes(EnvironmentConfig c) {
        var id = c.identity();
        return id.acceptedScopes() != null ? id.acceptedScopes() : List.of(id.scopeName());
    }

    /**
     * The app roles the gateway accepts: {@code identity.acceptedRoles}, else the roles of the app registered here, else
     * the default role a brought-your-own app is expected to define.
     */
    static List<String> acceptedRoles(EnvironmentConfig c) {
        var id = c.identity();
        if (id.acceptedRoles() != null) return id.acceptedRoles();
        if (id.application() != null) return apiApplication(c).appRoles().stream().map(AppRoleOptions::value).toList();
        return DefaultPolicy.DEFAULT_ACCEPTED_ROLES;
    }

    /** The API app registration of {@code identity.application}; group claims on when a department uses groups. */
    static EntraApiApplicationProps apiApplication(EnvironmentConfig c) {
        var app = c.identity().application();
        return EntraApiApplicationProps.builder()
                .displayName(app.displayName() != null ? app.displayName() : "AOAI Platform (" + c.environmentName() + ")")
                .scopeName(c.identity().scopeName())
                .appRoles(app.appRoles().stream().map(r -> new AppRoleOptions(r.value(), r.displayName(), r.description(), r.allowedMemberTypes())).toList())
                .spaClients(app.spaClients().stream().map(x -> new SpaClientOptions(x.name(), x.redirectUris())).toList())
                .daemonClients(app.daemonClients().stream().map(x -> new DaemonClientOptions(x.name(), x.role())).toList())
                .groupClaims(c.departments().stream().anyMatch(d -> !d.groupIds().isEmpty()))
                .build();
    }

    /** The values {@code tokenQuotaPeriod} accepts. */
    static final List<String> QUOTA_PERIODS = Arrays.stream(TokenQuotaPeriod.values()).map(TokenQuotaPeriod::xmlValue).toList();

    /** The period of {@code tokenQuotaPeriod}, or null when it names none (the config check reports that). */
    static TokenQuotaPeriod quotaPeriod(String value) {
        return QUOTA_PERIODS.contains(value) ? TokenQuotaPeriod.fromXmlValue(value) : null;
    }

    /** A department's row in the chargeback reports and alerts. */
    static ChargebackDepartmentOptions chargebackDepartment(EnvironmentConfig.DepartmentConfig d) {
        return ChargebackDepartmentOptions.builder().name(d.name()).displayName(d.displayName()).costCenter(d.costCenter())
                .monthlyBudget(d.monthlyBudget()).tokenQuota(d.tokenQuota()).tokenQuotaPeriod(quotaPeriod(d.tokenQuotaPeriod()))
                .alertPercent(d.alertPercent()).monthlyCapacityCharge(d.monthlyCapacityCharge()).build();
    }

    /**
     * A department on the gateway's API; {@code allowedModels} become the deployments that serve them.
     * {@code backendToken}: how its product gets the token for its account in another Entra tenant, or null.
     */
    static DepartmentProps department(EnvironmentConfig c, EnvironmentConfig.DepartmentConfig d, OpenAiApi api,
                                      FederatedTokenOptions backendToken) {
        return DepartmentProps.builder()
                .api(api)
                .displayName(d.displayName())
                .costCenter(d.costCenter())
                .subscriptions(d.subscriptions())
                .policy(departmentPolicy(c, d, backendToken))
                .build();
    }

    /**
     * The Entra tenant of a tenant-provided department's account when it is not the platform's (the gateway then signs
     * in as the platform's federated multi-tenant application), else null (the gateway identity calls it directly).
     */
    static String foreignEntraTenant(EnvironmentConfig c, EnvironmentConfig.DepartmentConfig d) {
        if (!d.isolation().equals(EnvironmentConfig.DepartmentConfig.TENANT_PROVIDED) || d.account() == null) return null;
        String tenant = d.account().entraTenantId();
        return tenant == null || tenant.equalsIgnoreCase(c.tenantId()) ? null : tenant;
    }

    /** A department's product policy: its members, deployments and limits. */
    static DepartmentPolicyProps departmentPolicy(EnvironmentConfig c, EnvironmentConfig.DepartmentConfig d) {
        return departmentPolicy(c, d, null);
    }

    private static DepartmentPolicyProps departmentPolicy(EnvironmentConfig c, EnvironmentConfig.DepartmentConfig d,
                                                          FederatedTokenOptions backendToken) {
        return DepartmentPolicyProps.builder().backendToken(backendToken)
                .accountOperations(d.ownAccount() || c.departments().size() < 2)
                .accountBackendId(homeBackend(d))
                .name(d.name()).groupIds(d.groupIds()).clientAppIds(d.clientAppIds()).allowedDeployments(allowedDeployments(c, d))
                .tokensPerMinute(d.tokensPerMinute()).tokenQuota(d.tokenQuota()).tokenQuotaPeriod(quotaPeriod(d.tokenQuotaPeriod()))
                .requestsPerMinute(d.requestsPerMinute()).tokensPerMinutePerUser(d.tokensPerMinutePerUser())
                .build();
    }

    /**
     * The deployments a department's product admits: a shared department the shared deployments of its
     * {@code allowedModels} (all of them when it lists none: as an empty list while no department has deployments of its
     * own, so the policy is as before, else spelled out so it cannot reach another's), any other department its own
     * deployments of its {@code allowedModels}.
     */
    static List<String> allowedDeployments(EnvironmentConfig c, EnvironmentConfig.DepartmentConfig d) {
        Map<String, String> models = new LinkedHashMap<>();
        if (d.shared()) {
            if (d.allowedModels().isEmpty() && c.departments().stream().allMatch(t -> t == null || t.shared())) return List.of();
            models.putAll(sharedModelByDeployment(c));
        } else {
            d.deployments().forEach(x -> models.put(x.name(), x.model()));
        }
        return models.entrySet().stream().filter(e -> d.allowedModels().isEmpty() || d.allowedModels().contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }
}
