package io.github.aoaiplatform.app;

import com.hashicorp.cdktf.AzurermBackend;
import com.hashicorp.cdktf.AzurermBackendConfig;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.azuread.provider.AzureadProvider;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProvider;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeatures;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeaturesCognitiveAccount;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeaturesKeyVault;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeaturesResourceGroup;
import com.hashicorp.cdktf.providers.azurerm.resource_group.ResourceGroup;
import io.github.aoaiplatform.apim.ApiGateway;
import io.github.aoaiplatform.apim.Department;
import io.github.aoaiplatform.apim.EventHubLogger;
import io.github.aoaiplatform.apim.DepartmentPolicy;
import io.github.aoaiplatform.apim.LlmLogging;
import io.github.aoaiplatform.apim.OpenAiApi;
import io.github.aoaiplatform.azapi.AzapiProvider;
import io.github.aoaiplatform.app.EnvironmentConfig;
import io.github.aoaiplatform.chargeback.PriceTable;
import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import io.github.aoaiplatform.chargeback.Chargeback;
import io.github.aoaiplatform.chargeback.ChargebackQueries;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.core.PlatformTags;
import io.github.aoaiplatform.dns.DnsZoneCatalogue;
import io.github.aoaiplatform.dns.PrivateDnsZones;
import io.github.aoaiplatform.identity.EntraApiApplication;
import io.github.aoaiplatform.monitoring.LogAnalytics;
import io.github.aoaiplatform.monitoring.MonitorPrivateLinkScope;
import io.github.aoaiplatform.monitoring.UsageEventHub;
import io.github.aoaiplatform.network.ExistingNetwork;
import io.github.aoaiplatform.network.GatewayNetworkMode;
import io.github.aoaiplatform.network.INetwork;
import io.github.aoaiplatform.network.PlatformNetwork;
import io.github.aoaiplatform.network.SubnetRole;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.openai.BlocklistOptions;
import io.github.aoaiplatform.openai.ContentFilterOptions;
import io.github.aoaiplatform.openai.CustomerManagedKeyOptions;
import io.github.aoaiplatform.openai.DeploymentOptions;
import io.github.aoaiplatform.openai.IOpenAiAccount;
import io.github.aoaiplatform.patterns.RegionalAccountOptions;
import io.github.aoaiplatform.patterns.RegionalDeploymentOptions;
import io.github.aoaiplatform.patterns.RegionalOpenAi;
import io.github.aoaiplatform.patterns.RegionalOpenAiProps;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One environment of the platform (dev, test, prod...), built entirely from its {@link EnvironmentConfig} and the
 * {@link PriceTable} it names: providers, state backend, resource group, naming and tags, network, DNS, Azure OpenAI,
 * the gateway with its departments, logs and chargeback, and the optional Azure Monitor Private Link Scope and usage
 * Event Hub. Environments differ by config only.
 *
 * <p>Construct ids are a public contract: they become Terraform resource addresses, and changing one
 * destroys and recreates the resource in Azure.
 */
public final class PlatformStack extends TerraformStack {
    private final EnvironmentConfig config;
    private final Naming naming;
    private final Map<String, String> tags;
    private final AzurermProvider azurerm;
    private final AzapiProvider azapi;
    private final ResourceGroup resourceGroup;
    private final LogAnalytics logs;
    private final INetwork network;
    private final PrivateDnsZones dns;
    private final RegionalOpenAi openAi;
    private final ApiGateway gateway;
    private final EntraApiApplication apiApplication;
    private OpenAiApi openAiApi;
    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final Chargeback chargeback;
    private UsageEventHub usageEventHub;
    private final MonitorPrivateLinkScope monitorPrivateLinkScope;

    /**
     * @param config the environment. Required.
     * @param prices the price table of its chargeback reports; must price every deployed model. Required.
     */
    public PlatformStack(Construct scope, String id, EnvironmentConfig config, PriceTable prices) {
        super(scope, id);
        this.config = config;
        java.util.Objects.requireNonNull(prices, "prices is required: the chargeback reports price tokens with it");
        prices.requirePrices(config.openAi().deployments().stream().map(EnvironmentConfig.DeploymentConfig::model).toList());
        this.naming = new Naming(EnvironmentConfig.WORKLOAD, config.environmentName(), config.effectiveNameSuffix());
        this.tags = PlatformTags.of(config.environmentName(), config.tags());

        this.azurerm = AzurermProvider.Builder.create(this, "Azurerm")
                .features(List.of(AzurermProviderFeatures.builder()
                        .cognitiveAccount(List.of(AzurermProviderFeaturesCognitiveAccount.builder()
                                .purgeSoftDeleteOnDestroy(config.openAi().purgeOnDestroy()).build()))
                        .keyVault(List.of(AzurermProviderFeaturesKeyVault.builder()
                                .purgeSoftDeleteOnDestroy(false)
                                .recoverSoftDeletedKeyVaults(true).build()))
                        .resourceGroup(List.of(AzurermProviderFeaturesResourceGroup.builder()
                                .preventDeletionIfContainsResources(true).build()))
                        .build()))
                .subscriptionId(config.subscriptionId())
                .tenantId(config.tenantId())
                .storageUseAzuread(true)
                .build();
        AzureadProvider.Builder.create(this, "Azuread").tenantId(config.tenantId()).build();
        this.azapi = new AzapiProvider(this, "Azapi");
        configureBackend();

        this.resourceGroup = ResourceGroup.Builder.create(this, "ResourceGroup")
                .name(naming.name(Naming.Abbreviation.RESOURCE_GROUP, config.location()))
                .location(config.location())
                .tags(tags)
                .build();

        String rg = resourceGroup.getName();
        var mon = config.monitoring();
        this.logs = new LogAnalytics(this, "Logs", new LogAnalytics.Props(
                naming.name(Naming.Abbreviation.LOG_ANALYTICS, config.location()), config.location(), rg,
                mon.retentionDays(), mon.dailyQuotaGb(), !mon.privateLinkScope(), tags));

        var net = config.network();
        GatewayNetworkMode mode = config.gateway().internalVnetMode() ? GatewayNetworkMode.INTERNAL_INJECTION : GatewayNetworkMode.INTEGRATION;
        if (net.existing() != null) {
            this.network = new ExistingNetwork(net.existing().virtualNetworkId(), net.existing().subnetIds().byRole(), config.location());
        } else {
            this.network = new PlatformNetwork(this, "Network", new PlatformNetwork.Props(
                    naming.name(Naming.Abbreviation.VIRTUAL_NETWORK, config.location()), config.location(), rg,
                    net.addressSpace(), net.subnets().byRole(), mode, net.ddosProtectionPlanId(),
                    (role, kind) -> naming.name(kind.equals("nsg") ? Naming.Abbreviation.NETWORK_SECURITY_GROUP : Naming.Abbreviation.SUBNET,
                            config.location(), role.configKey().toLowerCase()),
                    logs.workspaceId(), tags));
        }

        List<String> openAiZones = DnsZoneCatalogue.forOpenAi(config.openAi().kind().equals("AIServices"));
        Set<String> zones = new LinkedHashSet<>(openAiZones);
        zones.addAll(DnsZoneCatalogue.forApiManagement(mode == GatewayNetworkMode.INTERNAL_INJECTION));
        if (mon.privateLinkScope()) zones.addAll(DnsZoneCatalogue.forMonitor());
        if (mon.usageEventHub()) zones.addAll(DnsZoneCatalogue.forEventHub());
        this.dns = new PrivateDnsZones(this, "Dns", new PrivateDnsZones.Props(zones, config.dns().existingZoneIds(),
                network.virtualNetworkId(), rg, "link-" + naming.name(Naming.Abbreviation.VIRTUAL_NETWORK, config.location()), tags));

        this.openAi = new RegionalOpenAi(this, "OpenAi", regionalOpenAiProps(openAiZones, rg));

        this.apiApplication = createApiApplication();
        this.gateway = createGateway(rg, mode);
        this.monitorPrivateLinkScope = mon.privateLinkScope() ? createMonitorPrivateLinkScope(rg) : null;
        this.chargeback = new Chargeback(this, "Chargeback", new Chargeback.Props(logs.workspaceId(), config.location(), rg,
                naming, prices,
                config.departments().stream().map(d -> new ChargebackQueries.DepartmentRow(d.name(), d.displayName(), d.costCenter(),
                        d.monthlyBudget(), d.tokenQuota(), TokenQuotaPeriod.fromXmlValue(d.tokenQuotaPeriod()), d.alertPercent())).toList(),
                config.chargeback().alertEmails(), tags));

        TerraformOutput.Builder.create(this, "resource_group_name").value(resourceGroup.getName())
                .description("Resource group holding the platform's resources").build();
        TerraformOutput.Builder.create(this, "gateway_url").value(gateway.gatewayUrl())
                .description("The AI gateway's URL; Azure OpenAI clients use it as their endpoint").build();
        TerraformOutput.Builder.create(this, "openai_api_path").value(openAiApi.path())
                .description("Path of the Azure OpenAI API under gateway_url").build();
        TerraformOutput.Builder.create(this, "gateway_identity_client_id").value(gateway.identityClientId())
                .description("Client id of the gateway's managed identity (the only identity calling Azure OpenAI)").build();
        TerraformOutput.Builder.create(this, "gateway_identity_principal_id").value(gateway.identityPrincipalId())
                .description("Principal (object) id of the gateway's managed identity").build();
        if (usageEventHub != null)
            TerraformOutput.Builder.create(this, "usage_event_hub_id").value(usageEventHub.eventHubId())
                    .description("The usage Event Hub (one JSON record per gateway call); grant readers Azure Event Hubs Data Receiver on it").build();
    }

    /**
     * The Azure Monitor Private Link Scope holding the workspace and the gateway's Application Insights, with its private
     * endpoint in the private-endpoint subnet and the Azure Monitor zones (both refuse Internet ingestion and queries).
     */
    private MonitorPrivateLinkScope createMonitorPrivateLinkScope(String rg) {
        Map<String, String> linked = new LinkedHashMap<>();
        linked.put("Workspace", logs.workspaceId());
        linked.put("AppInsights", gateway.appInsights().resourceId());
        return new MonitorPrivateLinkScope(this, "MonitorPrivateLinkScope", new MonitorPrivateLinkScope.Props(
                naming.name(Naming.Abbreviation.MONITOR_PRIVATE_LINK_SCOPE, config.location()), rg, linked,
                network.requireSubnetId(SubnetRole.PRIVATE_ENDPOINTS), network.location(),
                dns.zoneIds(DnsZoneCatalogue.forMonitor()), tags));
    }

    /** The Entra API app registration, when the environment asks the library to create it (else null: bring your own). */
    private EntraApiApplication createApiApplication() {
        var app = config.identity().application();
        if (app == null) return null;
        return new EntraApiApplication(this, "ApiApplication", new EntraApiApplication.Props(
                app.displayName() != null ? app.displayName() : "AOAI Platform (" + config.environmentName() + ")",
                config.identity().scopeName(),
                app.appRoles().stream().map(r -> new EntraApiApplication.AppRole(r.value(), r.displayName(), r.description(), r.allowedMemberTypes())).toList(),
                app.spaClients().stream().map(c -> new EntraApiApplication.SpaClient(c.name(), c.redirectUris())).toList(),
                app.daemonClients().stream().map(c -> new EntraApiApplication.DaemonClient(c.name(), c.role())).toList(),
                config.departments().stream().anyMatch(d -> !d.groupIds().isEmpty())));
    }

    /** The accounts of {@code openAi}: one per region with every configured filter, blocklist and deployment. */
    private RegionalOpenAiProps regionalOpenAiProps(List<String> openAiZones, String rg) {
        var o = config.openAi();
        var cmk = o.customerManagedKey();
        Construct refs = new Construct(this, "OpenAiReferences");
        List<IPrivateDnsZone> zoneRefs = openAiZones.stream()
                .map(zone -> ConfigReferences.dnsZone(refs, zone, dns.zoneId(zone), zone, rg)).toList();
        return RegionalOpenAiProps.builder()
                .accounts(o.regions().stream().map(RegionalAccountOptions::in).toList())
                .kind(o.kind())
                .customerManagedKey(cmk == null ? null : CustomerManagedKeyOptions.builder().keyVaultKeyId(cmk.keyVaultKeyId())
                        .identity(ConfigReferences.keyIdentity(refs, "KeyIdentity", cmk.identityId(), cmk.identityClientId())).build())
                .contentFilters(o.contentFilters().stream().map(f -> ContentFilterOptions.builder().name(f.name())
                        .severityThreshold(f.severityThreshold()).promptShields(f.promptShields()).mode(f.mode()).build()).toList())
                .blocklists(o.blocklists().stream().map(b -> BlocklistOptions.builder().name(b.name())
                        .description(b.description()).terms(b.terms()).build()).toList())
                .deployments(o.deployments().stream().map(d -> RegionalDeploymentOptions.builder().deployment(deploymentOptions(o, d))
                        .regions(d.regions()).build()).toList())
                .naming(naming)
                .resourceGroup(io.github.aoaiplatform.core.ResourceGroup.fromName(refs, "ResourceGroup", rg, config.location()))
                .privateEndpoints(List.of(PrivateEndpointOptions.in(ConfigReferences.subnet(refs, "PrivateEndpointSubnet",
                        network.requireSubnetId(SubnetRole.PRIVATE_ENDPOINTS), network.location()), zoneRefs)))
                .diagnostics(DiagnosticSettings.toWorkspace(logs))
                .azapi(azapi)
                .tags(tags)
                .build();
    }

    /** A configured deployment as the library's options; its capacity defaults to {@code openAi.capacityThousandsTpm}. */
    static DeploymentOptions deploymentOptions(EnvironmentConfig.OpenAiConfig o, EnvironmentConfig.DeploymentConfig d) {
        return DeploymentOptions.builder().name(d.name()).model(d.model()).version(d.version()).sku(d.sku())
                .capacity(d.capacityThousandsTpm() != null ? d.capacityThousandsTpm() : o.capacityThousandsTpm())
                .versionUpgrade(d.versionUpgrade()).contentFilter(d.contentFilter()).build();
    }

    /** Each deployment's model, by deployment name, in config order. */
    private Map<String, String> modelByDeployment() {
        Map<String, String> models = new LinkedHashMap<>();
        config.openAi().deployments().forEach(d -> models.put(d.name(), d.model()));
        return models;
    }

    /** The departments: one API Management product each, with subscriptions and the department's limits. */
    private void createDepartments(ApiGateway gw) {
        Map<String, String> modelByDeployment = modelByDeployment();
        for (var d : config.departments()) {
            List<String> allowed = d.allowedModels().isEmpty() ? List.of()
                    : modelByDeployment.entrySet().stream().filter(e -> d.allowedModels().contains(e.getValue())).map(Map.Entry::getKey).toList();
            departments.put(d.name(), new Department(gw, "Department-" + d.name(), new Department.Props(gw, openAiApi.api().getName(),
                    d.displayName(), d.costCenter(), d.subscriptions(), new DepartmentPolicy.Props(d.name(), d.groupIds(),
                    d.clientAppIds(), allowed, d.tokensPerMinute(), d.tokenQuota(), TokenQuotaPeriod.fromXmlValue(d.tokenQuotaPeriod()),
                    d.requestsPerMinute(), d.tokensPerMinutePerUser()))));
        }
    }

    /**
     * The gateway: API Management with its identity, networking and monitoring, the usage Event Hub when
     * {@code monitoring.usageEventHub} (before the API, whose policy names its logger), and the Azure OpenAI API.
     */
    private ApiGateway createGateway(String rg, GatewayNetworkMode mode) {
        var g = config.gateway();
        boolean internal = mode == GatewayNetworkMode.INTERNAL_INJECTION;
        Map<String, String> accountIds = new LinkedHashMap<>();
        Map<String, OpenAiApi.Account> accounts = new LinkedHashMap<>();
        for (IOpenAiAccount account : openAi.accounts()) {
            String region = account.location();
            var member = g.backend(region);
            accountIds.put(region, account.resourceId());
            accounts.put(region, new OpenAiApi.Account(account.endpoint(), account.deploymentNames(),
                    member.priority(), member.weight()));
        }
        Map<String, String> recordZones = new LinkedHashMap<>();
        if (internal)
            for (String zone : DnsZoneCatalogue.forApiManagement(true)) {
                var created = dns.createdZones().get(zone);
                if (created != null) recordZones.put(zone, created.getName());
            }
        ApiGateway gw = new ApiGateway(this, "Gateway", new ApiGateway.Props(
                naming.name(Naming.Abbreviation.API_MANAGEMENT, config.location()), config.location(), rg,
                g.sku(), g.units(), g.publisherName(), g.publisherEmail(), network.requireSubnetId(SubnetRole.GATEWAY),
                internal ? null : network.requireSubnetId(SubnetRole.PRIVATE_ENDPOINTS), network.location(),
                internal ? List.of() : dns.zoneIds(DnsZoneCatalogue.forApiManagement(false)), recordZones,
                g.publicNetworkAccess(), naming.name(Naming.Abbreviation.MANAGED_IDENTITY, config.location(), "apim"),
                accountIds, logs.workspaceId(), naming.name(Naming.Abbreviation.APPLICATION_INSIGHTS, config.location()), tags,
                !config.monitoring().privateLinkScope()));
        String usageLoggerName = null;
        if (config.monitoring().usageEventHub()) {
            this.usageEventHub = new UsageEventHub(this, "UsageEventHub", new UsageEventHub.Props(
                    naming.name(Naming.Abbreviation.EVENT_HUB_NAMESPACE, config.location()), config.location(), rg,
                    network.requireSubnetId(SubnetRole.PRIVATE_ENDPOINTS), network.location(),
                    dns.zoneIds(DnsZoneCatalogue.forEventHub()), logs.workspaceId(), gw.identityPrincipalId(), tags));
            usageLoggerName = EventHubLogger.create(usageEventHub, "Logger", new EventHubLogger.Props(gw.name(), rg,
                    usageEventHub, gw.identityClientId())).getName();
        }
        var identity = config.identity();
        String audienceAppId = identity.application() != null ? apiApplication.clientId() : identity.audienceAppId();
        this.openAiApi = new OpenAiApi(gw, "OpenAiApi", new OpenAiApi.Props(gw, accounts, config.apiSubscriptionRequired(),
                new OpenAiApi.PolicySettings(config.tenantId(), audienceAppId, identity.scopeName(), g.requireScope(),
                        g.corsOrigins(), g.tokensPerMinutePerUser(), usageLoggerName),
                azapi, modelByDeployment()));
        new LlmLogging(openAiApi, "LlmLogging", azapi, new LlmLogging.Props(gw.resourceId(), OpenAiApi.API_NAME,
                config.monitoring().llmLogMaxBytes(), List.of(openAiApi.api())));
        createDepartments(gw);
        return gw;
    }

    private void configureBackend() {
        var b = config.backend();
        if ("azurerm".equals(b.type())) {
            new AzurermBackend(this, AzurermBackendConfig.builder()
                    .resourceGroupName(b.resourceGroupName())
                    .storageAccountName(b.storageAccountName())
                    .containerName(b.containerName())
                    .key(b.key() != null ? b.key() : "aoai-platform/" + config.environmentName() + ".tfstate")
                    .useAzureadAuth(b.useAzureadAuth())
                    .build());
        } else {
            new LocalBackend(this, LocalBackendConfig.builder()
                    .path(b.path() != null ? b.path() : "terraform." + config.environmentName() + ".tfstate")
                    .build());
        }
    }

    public EnvironmentConfig config() { return config; }
    public Naming naming() { return naming; }
    public Map<String, String> tags() { return tags; }
    public ResourceGroup resourceGroup() { return resourceGroup; }
    public AzurermProvider azurerm() { return azurerm; }
    public AzapiProvider azapi() { return azapi; }
    public LogAnalytics logs() { return logs; }
    public INetwork network() { return network; }
    public PrivateDnsZones dns() { return dns; }
    public RegionalOpenAi openAi() { return openAi; }
    /** The API app registration created by the library, or null when the environment brings its own app id. */
    public EntraApiApplication apiApplication() { return apiApplication; }
    public ApiGateway gateway() { return gateway; }
    public OpenAiApi openAiApi() { return openAiApi; }
    /** Departments by name. */
    public Map<String, Department> departments() { return Map.copyOf(departments); }
    public Chargeback chargeback() { return chargeback; }
    /** The usage Event Hub, or null unless {@code monitoring.usageEventHub}. */
    public UsageEventHub usageEventHub() { return usageEventHub; }
    /** The Azure Monitor Private Link Scope, or null unless {@code monitoring.privateLinkScope}. */
    public MonitorPrivateLinkScope monitorPrivateLinkScope() { return monitorPrivateLinkScope; }
}
