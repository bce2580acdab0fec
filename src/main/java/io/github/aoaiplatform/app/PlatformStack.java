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
import io.github.aoaiplatform.chargeback.ChargebackProps;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.core.PrincipalType;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.PlatformTags;
import io.github.aoaiplatform.dns.DnsZoneCatalogue;
import io.github.aoaiplatform.dns.PrivateDnsZones;
import io.github.aoaiplatform.identity.EntraApiApplication;
import io.github.aoaiplatform.monitoring.LogAnalytics;
import io.github.aoaiplatform.monitoring.LogAnalyticsProps;
import io.github.aoaiplatform.monitoring.MonitorPrivateLinkScope;
import io.github.aoaiplatform.monitoring.MonitorPrivateLinkScopeProps;
import io.github.aoaiplatform.monitoring.UsageEventHub;
import io.github.aoaiplatform.monitoring.UsageEventHubProps;
import io.github.aoaiplatform.network.ExistingNetwork;
import io.github.aoaiplatform.network.GatewayNetworkMode;
import io.github.aoaiplatform.network.INetwork;
import io.github.aoaiplatform.network.PlatformNetwork;
import io.github.aoaiplatform.network.SubnetRole;
import io.github.aoaiplatform.openai.OpenAiAccount;
import io.github.aoaiplatform.patterns.RegionalOpenAi;
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
    private final IResourceGroup resourceGroupRef;
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
        this.resourceGroupRef = io.github.aoaiplatform.core.ResourceGroup.fromName(this, "ResourceGroupRef", rg, config.location());
        this.logs = new LogAnalytics(this, "Logs", LogAnalyticsProps.builder()
                .name(naming.name(Naming.Abbreviation.LOG_ANALYTICS, config.location())).resourceGroup(resourceGroupRef)
                .retentionDays(mon.retentionDays()).dailyQuotaGb(mon.dailyQuotaGb()).publicAccess(!mon.privateLinkScope()).tags(tags)
                .build());

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
                    logs.resourceId(), tags));
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
        this.chargeback = new Chargeback(this, "Chargeback", ChargebackProps.builder().workspace(logs).resourceGroup(resourceGroupRef)
                .naming(naming).prices(prices)
                .departments(config.departments().stream().map(ConfigValidator::chargebackDepartment).toList())
                .alertEmails(config.chargeback().alertEmails()).tags(tags).build());

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
        return new MonitorPrivateLinkScope(this, "MonitorPrivateLinkScope", MonitorPrivateLinkScopeProps.builder()
                .name(naming.name(Naming.Abbreviation.MONITOR_PRIVATE_LINK_SCOPE, config.location())).resourceGroup(resourceGroupRef)
                .workspaces(Map.of("Workspace", logs)).applicationInsights(Map.of("AppInsights", gateway.appInsights()))
                .privateEndpoint(privateEndpoint("Monitor", DnsZoneCatalogue.forMonitor())).tags(tags).build());
    }

    /** The Entra API app registration, when the environment asks the library to create it (else null: bring your own). */
    private EntraApiApplication createApiApplication() {
        var app = config.identity().application();
        if (app == null) return null;
        return new EntraApiApplication(this, "ApiApplication", ConfigValidator.apiApplicationProps(config));
    }

    /** The accounts of {@code openAi}: one per region with every configured filter, blocklist and deployment. */
    private RegionalOpenAi.Props regionalOpenAiProps(List<String> openAiZones, String rg) {
        var o = config.openAi();
        var cmk = o.customerManagedKey();
        return new RegionalOpenAi.Props(o.regions(), o.kind(),
                cmk == null ? null : new OpenAiAccount.CustomerManagedKey(cmk.keyVaultKeyId(), cmk.identityId(), cmk.identityClientId()),
                o.contentFilters().stream().map(f -> new RegionalOpenAi.ContentFilterSpec(f.name(), f.severityThreshold(), f.promptShields(), f.mode())).toList(),
                o.blocklists().stream().map(b -> new RegionalOpenAi.BlocklistSpec(b.name(), b.description(), b.terms())).toList(),
                o.deployments().stream().map(d -> new RegionalOpenAi.DeploymentSpec(new OpenAiAccount.DeploymentOptions(d.name(), d.model(),
                        d.version(), d.sku(), d.capacityThousandsTpm() != null ? d.capacityThousandsTpm() : o.capacityThousandsTpm(),
                        d.versionUpgrade(), d.contentFilter()), d.regions())).toList(),
                naming, rg, network.requireSubnetId(SubnetRole.PRIVATE_ENDPOINTS), network.location(), dns.zoneIds(openAiZones),
                logs.resourceId(), azapi, tags);
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
        for (String region : openAi.regions()) {
            var account = openAi.accounts().get(region);
            var member = g.backend(region);
            accountIds.put(region, account.resourceId());
            accounts.put(region, new OpenAiApi.Account(account.endpoint(), openAi.deploymentsByRegion().get(region),
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
                accountIds, logs.resourceId(), naming.name(Naming.Abbreviation.APPLICATION_INSIGHTS, config.location()), tags,
                !config.monitoring().privateLinkScope()));
        String usageLoggerName = null;
        if (config.monitoring().usageEventHub()) {
            this.usageEventHub = new UsageEventHub(this, "UsageEventHub", UsageEventHubProps.builder()
                    .namespaceName(naming.name(Naming.Abbreviation.EVENT_HUB_NAMESPACE, config.location())).resourceGroup(resourceGroupRef)
                    .privateEndpoints(List.of(privateEndpoint("EventHub", DnsZoneCatalogue.forEventHub())))
                    .diagnostics(DiagnosticSettings.toWorkspace(logs)).tags(tags).build());
            var sendPermission = usageEventHub.grantSend(new GatewayIdentity(gw));
            usageLoggerName = EventHubLogger.create(usageEventHub, "Logger", new EventHubLogger.Props(gw.name(), rg,
                    usageEventHub, gw.identityClientId(), sendPermission)).getName();
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

    /**
     * A private endpoint in the private-endpoint subnet, registered in {@code zones}. Adapters until the network and dns
     * packages hand out ISubnet and IPrivateDnsZone objects; {@code key} names their (resource-less) constructs.
     */
    private PrivateEndpointOptions privateEndpoint(String key, List<String> zones) {
        ISubnet subnet = new SubnetRef(this, key + "SubnetRef", network.requireSubnetId(SubnetRole.PRIVATE_ENDPOINTS), network.location());
        List<String> ids = dns.zoneIds(zones);
        List<IPrivateDnsZone> zoneRefs = new java.util.ArrayList<>();
        for (int i = 0; i < zones.size(); i++) zoneRefs.add(new ZoneRef(this, key + "ZoneRef" + i, ids.get(i), zones.get(i)));
        return PrivateEndpointOptions.in(subnet, zoneRefs);
    }

    private static final class SubnetRef extends Construct implements ISubnet {
        private final String resourceId;
        private final String location;
        SubnetRef(Construct scope, String id, String resourceId, String location) {
            super(scope, id);
            this.resourceId = resourceId;
            this.location = location;
        }
        @Override public String resourceId() { return resourceId; }
        @Override public String location() { return location; }
    }

    private static final class ZoneRef extends Construct implements IPrivateDnsZone {
        private final String resourceId;
        private final String zoneName;
        ZoneRef(Construct scope, String id, String resourceId, String zoneName) {
            super(scope, id);
            this.resourceId = resourceId;
            this.zoneName = zoneName;
        }
        @Override public String resourceId() { return resourceId; }
        @Override public String zoneName() { return zoneName; }
        @Override public String resourceGroupName() { throw new UnsupportedOperationException("not needed by private endpoints"); }
    }

    /** The gateway's managed identity as a principal, until ApiGateway exposes one. */
    private record GatewayIdentity(ApiGateway gateway) implements IPrincipal {
        @Override public String principalId() { return gateway.identityPrincipalId(); }
        @Override public PrincipalType principalType() { return PrincipalType.SERVICE_PRINCIPAL; }
        @Override public String grantKey() { return "Gateway-Identity"; }
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
