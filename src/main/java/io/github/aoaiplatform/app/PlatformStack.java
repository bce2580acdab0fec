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
import io.github.aoaiplatform.apim.Department;
import io.github.aoaiplatform.apim.DepartmentPolicyProps;
import io.github.aoaiplatform.apim.DepartmentProps;
import io.github.aoaiplatform.apim.OpenAiApi;
import io.github.aoaiplatform.apim.OpenAiBackend;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.patterns.AiGateway;
import io.github.aoaiplatform.patterns.AiGatewayProps;
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
import io.github.aoaiplatform.openai.OpenAiAccount;
import io.github.aoaiplatform.patterns.RegionalOpenAi;
import software.constructs.Construct;

import java.util.ArrayList;
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
    private final AiGateway gateway;
    private final EntraApiApplication apiApplication;
    private final Chargeback chargeback;
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
        TerraformOutput.Builder.create(this, "gateway_url").value(gateway.apiManagement().gatewayUrl())
                .description("The AI gateway's URL; Azure OpenAI clients use it as their endpoint").build();
        TerraformOutput.Builder.create(this, "openai_api_path").value(gateway.openAiApi().path())
                .description("Path of the Azure OpenAI API under gateway_url").build();
        TerraformOutput.Builder.create(this, "gateway_identity_client_id").value(gateway.identity().clientId())
                .description("Client id of the gateway's managed identity (the only identity calling Azure OpenAI)").build();
        TerraformOutput.Builder.create(this, "gateway_identity_principal_id").value(gateway.identity().principalId())
                .description("Principal (object) id of the gateway's managed identity").build();
        if (gateway.usageEventHub() != null)
            TerraformOutput.Builder.create(this, "usage_event_hub_id").value(gateway.usageEventHub().eventHubId())
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
                logs.workspaceId(), azapi, tags);
    }

    /** Each deployment's model, by deployment name, in config order. */
    private Map<String, String> modelByDeployment() {
        Map<String, String> models = new LinkedHashMap<>();
        config.openAi().deployments().forEach(d -> models.put(d.name(), d.model()));
        return models;
    }

    /**
     * The gateway ({@link AiGateway}): API Management with its identity, networking and monitoring, the usage Event Hub
     * when {@code monitoring.usageEventHub}, the Azure OpenAI API over every regional account, and the departments.
     */
    private AiGateway createGateway(String rg, GatewayNetworkMode mode) {
        var g = config.gateway();
        boolean internal = mode == GatewayNetworkMode.INTERNAL_INJECTION;
        IResourceGroup group = io.github.aoaiplatform.core.ResourceGroup.fromName(this, "ResourceGroupRef", rg, config.location());
        List<OpenAiBackend> backends = new ArrayList<>();
        for (String region : openAi.regions()) {
            var member = g.backend(region);
            backends.add(OpenAiBackend.builder().account(openAi.accounts().get(region))
                    .priority(member.priority()).weight(member.weight()).build());
        }
        List<IPrivateDnsZone> recordZones = new ArrayList<>();
        if (internal)
            for (String zone : DnsZoneCatalogue.forApiManagement(true)) {
                var created = dns.createdZones().get(zone);
                if (created != null) recordZones.add(new StackZone(this, "Zone-" + zone, zone, created.getId(), created.getName(), rg));
            }
        List<PrivateEndpointOptions> endpoints = internal ? List.of() : List.of(PrivateEndpointOptions.in(
                new StackSubnet(this, "PrivateEndpointSubnet", network.requireSubnetId(SubnetRole.PRIVATE_ENDPOINTS), network.location()),
                DnsZoneCatalogue.forApiManagement(false).stream().<IPrivateDnsZone>map(zone ->
                        new StackZone(this, "GatewayPeZone-" + zone, zone, dns.zoneId(zone), zone, rg)).toList()));
        var identity = config.identity();
        AiGateway gw = new AiGateway(this, "Gateway", AiGatewayProps.builder()
                .name(naming.name(Naming.Abbreviation.API_MANAGEMENT, config.location()))
                .resourceGroup(group)
                .sku(g.sku())
                .units(g.units())
                .publisherName(g.publisherName())
                .publisherEmail(g.publisherEmail())
                .gatewaySubnet(new StackSubnet(this, "GatewaySubnet", network.requireSubnetId(SubnetRole.GATEWAY), network.location()))
                .privateEndpoints(endpoints)
                .internalDnsZones(recordZones)
                .diagnostics(DiagnosticSettings.toWorkspace(logs))
                .publicNetworkAccess(g.publicNetworkAccess())
                .tags(tags)
                .identityName(naming.name(Naming.Abbreviation.MANAGED_IDENTITY, config.location(), "apim"))
                .appInsightsName(naming.name(Naming.Abbreviation.APPLICATION_INSIGHTS, config.location()))
                .appInsightsPublicAccess(!config.monitoring().privateLinkScope())
                .backends(backends)
                .models(modelByDeployment())
                .subscriptionRequired(config.apiSubscriptionRequired())
                .tenantId(config.tenantId())
                .audienceAppId(identity.application() != null ? apiApplication.clientId() : identity.audienceAppId())
                .scopeName(identity.scopeName())
                .requireScope(g.requireScope())
                .corsOrigins(g.corsOrigins())
                .tokensPerMinutePerUser(g.tokensPerMinutePerUser())
                .llmLogMaxBytes(config.monitoring().llmLogMaxBytes())
                .usageEventHub(config.monitoring().usageEventHub() ? gatewayIdentity -> new UsageEventHub(this, "UsageEventHub", new UsageEventHub.Props(
                        naming.name(Naming.Abbreviation.EVENT_HUB_NAMESPACE, config.location()), config.location(), rg,
                        network.requireSubnetId(SubnetRole.PRIVATE_ENDPOINTS), network.location(),
                        dns.zoneIds(DnsZoneCatalogue.forEventHub()), logs.workspaceId(), gatewayIdentity.principalId(), tags)) : null)
                .azapi(azapi)
                .build());
        LegacyAddresses.moveGatewayRoleAssignments(gw);
        Map<String, String> modelByDeployment = modelByDeployment();
        for (var d : config.departments()) {
            List<String> allowed = d.allowedModels().isEmpty() ? List.of()
                    : modelByDeployment.entrySet().stream().filter(e -> d.allowedModels().contains(e.getValue())).map(Map.Entry::getKey).toList();
            gw.addDepartment(DepartmentProps.builder()
                    .api(gw.openAiApi())
                    .displayName(d.displayName())
                    .costCenter(d.costCenter())
                    .subscriptions(d.subscriptions())
                    .policy(DepartmentPolicyProps.builder()
                            .name(d.name()).groupIds(d.groupIds()).clientAppIds(d.clientAppIds()).allowedDeployments(allowed)
                            .tokensPerMinute(d.tokensPerMinute()).tokenQuota(d.tokenQuota())
                            .tokenQuotaPeriod(TokenQuotaPeriod.fromXmlValue(d.tokenQuotaPeriod()))
                            .requestsPerMinute(d.requestsPerMinute()).tokensPerMinutePerUser(d.tokensPerMinutePerUser())
                            .build())
                    .build());
        }
        return gw;
    }

    /** A subnet of {@link #network} (the network package does not hand out {@link ISubnet}s yet). */
    private static final class StackSubnet extends Construct implements ISubnet {
        private final String resourceId;
        private final String location;

        StackSubnet(Construct scope, String id, String resourceId, String location) {
            super(scope, id);
            this.resourceId = resourceId;
            this.location = location;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String location() { return location; }
    }

    /** A zone of {@link #dns}, created here or the hub's (the dns package does not hand out zone objects yet). */
    private static final class StackZone extends Construct implements IPrivateDnsZone {
        private final String zoneName;
        private final String resourceId;
        private final String zoneNameReference;
        private final String resourceGroupName;

        StackZone(Construct scope, String id, String zoneName, String resourceId, String zoneNameReference, String resourceGroupName) {
            super(scope, id);
            this.zoneName = zoneName;
            this.resourceId = resourceId;
            this.zoneNameReference = zoneNameReference;
            this.resourceGroupName = resourceGroupName;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String zoneName() { return zoneName; }
        @Override public String zoneNameReference() { return zoneNameReference; }
        @Override public String resourceGroupName() { return resourceGroupName; }
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
    public AiGateway gateway() { return gateway; }
    public OpenAiApi openAiApi() { return gateway.openAiApi(); }
    /** Departments by name. */
    public Map<String, Department> departments() { return gateway.departments(); }
    public Chargeback chargeback() { return chargeback; }
    /** The usage Event Hub, or null unless {@code monitoring.usageEventHub}. */
    public UsageEventHub usageEventHub() { return gateway.usageEventHub(); }
    /** The Azure Monitor Private Link Scope, or null unless {@code monitoring.privateLinkScope}. */
    public MonitorPrivateLinkScope monitorPrivateLinkScope() { return monitorPrivateLinkScope; }
}
