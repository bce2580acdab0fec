package io.github.aoaiplatform.app;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.apim.DepartmentPolicyProps;
import io.github.aoaiplatform.apim.DepartmentProps;
import io.github.aoaiplatform.apim.OpenAiApi;
import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import io.github.aoaiplatform.chargeback.ChargebackDepartmentOptions;
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
        return RegionalOpenAiProps.builder()
                .accounts(o.regions().stream().map(RegionalAccountOptions::in).toList())
                .kind(o.kind())
                .customerManagedKey(customerManagedKey(o.customerManagedKey(), scope))
                .contentFilters(o.contentFilters().stream().map(f -> contentFilter(o, f)).toList())
                .blocklists(o.blocklists().stream().map(ConfigProps::blocklist).toList())
                .deployments(o.deployments().stream().map(d -> RegionalDeploymentOptions.builder()
                        .deployment(deployment(o, d)).regions(d.regions()).build()).toList())
                .naming(naming)
                .resourceGroup(resourceGroup)
                .privateEndpoints(privateEndpoints)
                .diagnostics(diagnostics)
                .lock(lock)
                .azapi(azapi)
                .defaultContentFilter(o.defaultContentFilter())
                .allowedFqdns(o.allowedFqdns())
                .build();
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
        return ContentFilterOptions.builder().name(f.name()).severityThreshold(f.severityThreshold())
                .promptShields(f.promptShields()).mode(f.mode())
                .blocklists(f.blocklists() != null ? f.blocklists() : o.blocklists().stream().map(EnvironmentConfig.BlocklistConfig::name).toList())
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

    /** Each deployment's model, by deployment name, in config order. */
    static Map<String, String> modelByDeployment(EnvironmentConfig c) {
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
                .alertPercent(d.alertPercent()).build();
    }

    /** A department on the gateway's API; {@code allowedModels} become the deployments that serve them. */
    static DepartmentProps department(EnvironmentConfig c, EnvironmentConfig.DepartmentConfig d, OpenAiApi api) {
        return DepartmentProps.builder()
                .api(api)
                .displayName(d.displayName())
                .costCenter(d.costCenter())
                .subscriptions(d.subscriptions())
                .policy(departmentPolicy(c, d))
                .build();
    }

    /** A department's product policy: its members, deployments and limits. */
    static DepartmentPolicyProps departmentPolicy(EnvironmentConfig c, EnvironmentConfig.DepartmentConfig d) {
        List<String> allowed = d.allowedModels().isEmpty() ? List.of() : modelByDeployment(c).entrySet().stream()
                .filter(e -> d.allowedModels().contains(e.getValue())).map(Map.Entry::getKey).toList();
        return DepartmentPolicyProps.builder()
                .name(d.name()).groupIds(d.groupIds()).clientAppIds(d.clientAppIds()).allowedDeployments(allowed)
                .tokensPerMinute(d.tokensPerMinute()).tokenQuota(d.tokenQuota()).tokenQuotaPeriod(quotaPeriod(d.tokenQuotaPeriod()))
                .requestsPerMinute(d.requestsPerMinute()).tokensPerMinutePerUser(d.tokensPerMinutePerUser())
                .build();
    }
}
