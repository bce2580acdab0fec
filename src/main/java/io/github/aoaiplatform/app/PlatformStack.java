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
import io.github.aoaiplatform.apim.OpenAiBackend;
import io.github.aoaiplatform.azapi.AzapiProvider;
import io.github.aoaiplatform.chargeback.Chargeback;
import io.github.aoaiplatform.chargeback.ChargebackProps;
import io.github.aoaiplatform.chargeback.PriceTable;
import io.github.aoaiplatform.apim.LlmLogging;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.PrincipalType;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.PrivateEndpointProps;
import io.github.aoaiplatform.core.ResourceGroup;
import io.github.aoaiplatform.core.ResourceGroupProps;
import io.github.aoaiplatform.core.Tags;
import io.github.aoaiplatform.dns.DnsZoneCatalogue;
import io.github.aoaiplatform.dns.PrivateDnsZone;
import io.github.aoaiplatform.dns.PrivateDnsZones;
import io.github.aoaiplatform.dns.PrivateDnsZonesProps;
import io.github.aoaiplatform.apim.FederatedTokenOptions;
import io.github.aoaiplatform.identity.EntraApiApplication;
import io.github.aoaiplatform.identity.FederatedApplication;
import io.github.aoaiplatform.identity.FederatedApplicationProps;
import io.github.aoaiplatform.monitoring.LogAnalytics;
import io.github.aoaiplatform.monitoring.LogAnalyticsProps;
import io.github.aoaiplatform.monitoring.LogAnalyticsTableOptions;
import io.github.aoaiplatform.monitoring.MonitorPrivateLinkScope;
import io.github.aoaiplatform.monitoring.MonitorPrivateLinkScopeProps;
import io.github.aoaiplatform.monitoring.UsageEventHub;
import io.github.aoaiplatform.monitoring.UsageEventHubProps;
import io.github.aoaiplatform.network.GatewayNetworkMode;
import io.github.aoaiplatform.openai.IOpenAiAccount;
import io.github.aoaiplatform.openai.OpenAiAccount;
import io.github.aoaiplatform.network.IVirtualNetwork;
import io.github.aoaiplatform.network.PlatformNetwork;
import io.github.aoaiplatform.network.PlatformNetworkProps;
import io.github.aoaiplatform.network.SubnetNaming;
import io.github.aoaiplatform.network.SubnetRole;
import io.github.aoaiplatform.openai.OpenAiAccount;
import io.github.aoaiplatform.network.VirtualNetwork;
import io.github.aoaiplatform.patterns.AiGateway;
import io.github.aoaiplatform.patterns.AiGatewayProps;
import io.github.aoaiplatform.patterns.RegionalOpenAi;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One environment of the platform (dev, test, prod...), composed from the library's constructs and patterns with the
 * values of its {@link EnvironmentConfig} ({@link ConfigProps} translates them) and the {@link PriceTable} it names:
 * providers and state backend, resource group, workspace, network, DNS, the regional Azure OpenAI accounts, the AI
 * gateway with its departments, chargeback, and the optional usage Event Hub and Azure Monitor Private Link Scope.
 * Environments differ by config only; platform-wide tags reach every resource through {@link Tags}.
 *
 * <p>Construct ids are a public contract: they become Terraform resource addresses, and changing one destroys and
 * recreates the resource in Azure (moves go through {@link LegacyAddresses}).
 */
public final class PlatformStack extends TerraformStack {
    private final EnvironmentConfig config;
    private final Naming naming;
    private final Map<String, String> globalNames = new LinkedHashMap<>();
    private final ResourceGroup resourceGroup;
    private final LogAnalytics logs;
    private final IVirtualNetwork network;
    private final PrivateDnsZones dns;
    private final RegionalOpenAi openAi;
    private final Map<String, List<IOpenAiAccount>> tenantAccounts = new LinkedHashMap<>();
    private FederatedApplication tenantApplication;
    private final EntraApiApplication apiApplication;
    private final UsageEventHub usageEventHub;
    private final AiGateway gateway;
    private final MonitorPrivateLinkScope monitorPrivateLinkScope;
    private final Chargeback chargeback;
    private AzapiProvider azapiProvider;

    /**
     * Builds the environment.
     *
     * @param scope  the app
     * @param id     the stack name (the environment name)
     * @param config the environment. Required.
     * @param prices the price table of its chargeback reports; must price every deployed model. Required.
     */
    public PlatformStack(Construct scope, String id, EnvironmentConfig config, PriceTable prices) {
        super(scope, id);
        this.config = Objects.requireNonNull(config, "config is required");
        Objects.requireNonNull(prices, "prices is required: the chargeback reports price tokens with it");
        this.naming = new Naming(EnvironmentConfig.WORKLOAD, config.environmentName(), config.effectiveNameSuffix());
        String location = config.location();
        var mon = config.monitoring();
        Lock lock = config.locks() ? Lock.canNotDelete() : null;

        providers();
        backend();
        Tags.of(this).addAll(ConfigProps.platformTags(config.environmentName(), config.tags()));

        resourceGroup = new ResourceGroup(this, "ResourceGroup", ResourceGroupProps.builder()
                .name(naming.name(Naming.Abbreviation.RESOURCE_GROUP, location)).location(location).build());
        logs = new LogAnalytics(this, "Logs", LogAnalyticsProps.builder()
                .name(workspaceName(config)).resourceGroup(resourceGroup)
                .retentionDays(mon.retentionDays()).dailyQuotaGb(mon.dailyQuotaGb()).publicAccess(!mon.privateLinkScope())
                .tables(List.of(LogAnalyticsTableOptions.builder().name(LlmLogging.TABLE).retentionDays(mon.promptLogRetentionDays()).build()))
                .lock(lock).build());
        mon.promptLogReaders().forEach(group -> logs.grantTableRead(LlmLogging.TABLE, IPrincipal.of(group, PrincipalType.GROUP)));
        DiagnosticSettings diagnostics = DiagnosticSettings.toWorkspace(logs);

        GatewayNetworkMode mode = config.gateway().internalVnetMode() ? GatewayNetworkMode.INTERNAL_INJECTION : GatewayNetworkMode.INTEGRATION;
        network = createNetwork(mode, diagnostics);
        dns = createDns(mode);
        List<PrivateEndpointOptions> openAiEndpoints = privateEndpoint(DnsZoneCatalogue.forOpenAi(config.openAi().kind().equals("AIServices")));
        openAi = new RegionalOpenAi(this, "OpenAi", ConfigProps.regionalOpenAi(config, naming, resourceGroup,
                openAiEndpoints, diagnostics, lock, azapiProvider, this));
        openAi.accounts().stream().filter(OpenAiAccount.class::isInstance)
                .forEach(account -> globallyUnique(((OpenAiAccount) account).customSubdomainName(), "Azure OpenAI custom subdomain"));
        LegacyAddresses.moveContentFiltersToAzapi(openAi);
        for (var tenant : ConfigProps.tenants(config, EnvironmentConfig.DepartmentConfig.DEDICATED_ACCOUNT))
        {
            tenantAccounts.put(tenant.name(), new RegionalOpenAi(this, "Tenant-" + tenant.name(), ConfigProps.tenantOpenAi(config,
                    tenant, naming, resourceGroup, openAiEndpoints, diagnostics, lock, azapiProvider, this)).accounts());
            tenantAccounts.get(tenant.name()).stream().filter(OpenAiAccount.class::isInstance)
                    .forEach(account -> globallyUnique(((OpenAiAccount) account).customSubdomainName(), "Azure OpenAI custom subdomain"));
        }
        for (var tenant : ConfigProps.tenants(config, EnvironmentConfig.DepartmentConfig.TENANT_PROVIDED)) {
            IOpenAiAccount account = OpenAiAccount.fromResourceId(this, "TenantAccount-" + tenant.name(),
                    tenant.account().resourceId(), tenant.account().region(),
                    tenant.deployments().stream().map(EnvironmentConfig.DeploymentConfig::name).toList());
            tenantAccounts.put(tenant.name(), List.of(account));
            // the gateway subnet denies Internet egress: the tenant's account is reached through an endpoint the tenant approves
            new PrivateEndpoint(this, "TenantAccount-" + tenant.name() + "-PrivateEndpoint", PrivateEndpointProps.builder()
                    .name("pep-" + account.name()).resourceGroupName(resourceGroup.name())
                    .subnet(network.requireSubnet(SubnetRole.PRIVATE_ENDPOINTS)).targetResourceId(account.resourceId())
                    .subresource(OpenAiAccount.PRIVATE_LINK_SUBRESOURCE)
                    .dnsZones(dns.zones(DnsZoneCatalogue.forOpenAi(config.openAi().kind().equals("AIServices"))))
                    .approvalRequest(ConfigProps.approvalRequest(config, tenant))
                    .build());
        }
        apiApplication = config.identity().application() == null ? null
                : new EntraApiApplication(this, "ApiApplication", ConfigProps.apiApplication(config));
        usageEventHub = !mon.usageEventHub() ? null : new UsageEventHub(this, "UsageEventHub", UsageEventHubProps.builder()
                .namespaceName(globallyUnique(naming.name(Naming.Abbreviation.EVENT_HUB_NAMESPACE, location), "Event Hubs namespace name")).resourceGroup(resourceGroup)
                .privateEndpoints(privateEndpoint(DnsZoneCatalogue.forEventHub())).diagnostics(diagnostics).lock(lock).build());
        gateway = createGateway(mode, diagnostics, lock);
        monitorPrivateLinkScope = !mon.privateLinkScope() ? null
                : new MonitorPrivateLinkScope(this, "MonitorPrivateLinkScope", MonitorPrivateLinkScopeProps.builder()
                        .name(naming.name(Naming.Abbreviation.MONITOR_PRIVATE_LINK_SCOPE, location)).resourceGroup(resourceGroup)
                        .workspaces(Map.of("Workspace", logs)).applicationInsights(Map.of("AppInsights", gateway.appInsights()))
                        .privateEndpoint(privateEndpoint(DnsZoneCatalogue.forMonitor()).get(0)).build());
        chargeback = new Chargeback(this, "Chargeback", ChargebackProps.builder().workspace(logs).resourceGroup(resourceGroup)
                .naming(naming).prices(prices).departments(config.departments().stream().map(ConfigProps::chargebackDepartment).toList())
                .alertEmails(config.chargeback().alertEmails()).build());
        outputs();
    }

    /**
     * The platform workspace's name, which the state bootstrap also needs (the id of its query-only role derives from it).
     *
     * @param config the stack file
     * @return the Log Analytics workspace name
     */
    static String workspaceName(EnvironmentConfig config) {
        return new Naming(EnvironmentConfig.WORKLOAD, config.environmentName(), config.effectiveNameSuffix())
                .name(Naming.Abbreviation.LOG_ANALYTICS, config.location());
    }

    private void providers() {
        AzurermProvider.Builder.create(this, "Azurerm")
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
        azapiProvider = new AzapiProvider(this, "Azapi");
    }

    /** The platform's own network, or the landing zone's ({@code network.existing}). */
    private IVirtualNetwork createNetwork(GatewayNetworkMode mode, DiagnosticSettings diagnostics) {
        var net = config.network();
        String location = config.location();
        if (net.existing() != null)
            return VirtualNetwork.fromResourceId(this, "Network", net.existing().virtualNetworkId(), location,
                    net.existing().subnetIds().byRole());
        return new PlatformNetwork(this, "Network", PlatformNetworkProps.builder()
                .name(naming.name(Naming.Abbreviation.VIRTUAL_NETWORK, location))
                .resourceGroup(resourceGroup)
                .addressSpace(net.addressSpace())
                .subnets(net.subnets().byRole())
                .gatewayMode(mode)
                .ddosProtectionPlanId(net.ddosProtectionPlanId())
                .subnetNaming((role, kind) -> naming.name(kind == SubnetNaming.Kind.NETWORK_SECURITY_GROUP
                        ? Naming.Abbreviation.NETWORK_SECURITY_GROUP : Naming.Abbreviation.SUBNET, location, role.configKey().toLowerCase()))
                .diagnostics(diagnostics)
                .build());
    }

    /** Every zone the environment's features need: the hub's where {@code dns.existingZoneIds} names one, else created. */
    private PrivateDnsZones createDns(GatewayNetworkMode mode) {
        var mon = config.monitoring();
        Set<String> zones = new LinkedHashSet<>(DnsZoneCatalogue.forOpenAi(config.openAi().kind().equals("AIServices")));
        zones.addAll(DnsZoneCatalogue.forApiManagement(mode == GatewayNetworkMode.INTERNAL_INJECTION));
        if (mon.privateLinkScope()) zones.addAll(DnsZoneCatalogue.forMonitor());
        if (mon.usageEventHub()) zones.addAll(DnsZoneCatalogue.forEventHub());
        Construct hub = new Construct(this, "HubDnsZones");
        Map<String, IPrivateDnsZone> existing = new LinkedHashMap<>();
        config.dns().existingZoneIds().forEach((zone, id) -> existing.put(zone, PrivateDnsZone.fromResourceId(hub, zone, id)));
        return new PrivateDnsZones(this, "Dns", PrivateDnsZonesProps.builder()
                .zones(List.copyOf(zones)).existingZones(existing).virtualNetwork(network).resourceGroup(resourceGroup)
                .linkName("link-" + naming.name(Naming.Abbreviation.VIRTUAL_NETWORK, config.location()))
                .build());
    }

    /** The API Management zones created here, which get the gateway's A records (the hub fills its own zones). */
    private List<IPrivateDnsZone> recordZones() {
        return DnsZoneCatalogue.forApiManagement(true).stream().map(dns.createdZones()::get).filter(Objects::nonNull).toList();
    }

    /** One private endpoint in the private-endpoint subnet, registered in {@code zones}. */
    private List<PrivateEndpointOptions> privateEndpoint(List<String> zones) {
        return List.of(PrivateEndpointOptions.in(network.requireSubnet(SubnetRole.PRIVATE_ENDPOINTS), dns.zones(zones)));
    }

    /**
     * The AI gateway over every regional account, then one department per {@code departments} entry. The gateway
     * identity's invoke grants moved under the accounts: {@link LegacyAddresses} keeps older states in step.
     */
    private AiGateway createGateway(GatewayNetworkMode mode, DiagnosticSettings diagnostics, Lock lock) {
        var g = config.gateway();
        var identity = config.identity();
        boolean internal = mode == GatewayNetworkMode.INTERNAL_INJECTION;
        List<OpenAiBackend> backends = new ArrayList<>(openAi.accounts().stream().map(account -> OpenAiBackend.builder().account(account)
                .priority(g.backend(account.location()).priority()).weight(g.backend(account.location()).weight()).build()).toList());
        // a tenant's own accounts: backend key <tenant>-<region code>; the owner of a tenant-provided account grants the role
        List<String> provided = ConfigProps.tenants(config, EnvironmentConfig.DepartmentConfig.TENANT_PROVIDED).stream()
                .map(EnvironmentConfig.DepartmentConfig::name).toList();
        List<String> foreign = config.departments().stream().filter(d -> ConfigProps.foreignEntraTenant(config, d) != null)
                .map(EnvironmentConfig.DepartmentConfig::name).toList();
        tenantAccounts.forEach((tenant, accounts) -> accounts.forEach(account -> backends.add(OpenAiBackend.builder()
                .account(account).key(ConfigProps.tenantBackendKey(tenant, account.location()))
                .grantInvoke(!provided.contains(tenant)).tokenFromProduct(foreign.contains(tenant)).tenant(tenant).build())));
        AiGateway gw = new AiGateway(this, "Gateway", AiGatewayProps.builder()
                .name(globallyUnique(naming.name(Naming.Abbreviation.API_MANAGEMENT, config.location()), "API Management service name"))
                .resourceGroup(resourceGroup)
                .sku(g.sku())
                .units(g.units())
                .publisherName(g.publisherName())
                .publisherEmail(g.publisherEmail())
                .gatewaySubnet(network.requireSubnet(SubnetRole.GATEWAY))
                .privateEndpoints(internal ? List.of() : privateEndpoint(DnsZoneCatalogue.forApiManagement(false)))
                .internalDnsZones(internal ? recordZones() : List.of())
                .diagnostics(diagnostics)
                .publicNetworkAccess(g.publicNetworkAccess())
                .lock(lock)
                .identityName(naming.name(Naming.Abbreviation.MANAGED_IDENTITY, config.location(), "apim"))
                .appInsightsName(naming.name(Naming.Abbreviation.APPLICATION_INSIGHTS, config.location()))
                .appInsightsPublicAccess(!config.monitoring().privateLinkScope())
                .backends(backends)
                .models(ConfigProps.modelByDeployment(config))
                .subscriptionRequired(config.apiSubscriptionRequired())
                .tenantId(config.tenantId())
                .audienceAppId(apiApplication != null ? apiApplication.clientId() : identity.audienceAppId())
                .acceptedScopes(ConfigProps.acceptedScopes(config))
                .acceptedRoles(ConfigProps.acceptedRoles(config))
                .departmentRequired(!config.departments().isEmpty())
                .corsOrigins(g.corsOrigins())
                .tokensPerMinutePerUser(g.tokensPerMinutePerUser())
                .circuitBreakerTripCount(g.circuitBreakerTripCount())
                .llmLogMaxBytes(config.monitoring().llmLogMaxBytes())
                .usageEventHub(usageEventHub)
                .azapi(azapiProvider)
                .build());
        LegacyAddresses.moveGatewayRoleAssignments(gw);
        LegacyAddresses.moveGatewayLoggerToAzapi(gw);
        if (usageEventHub != null) LegacyAddresses.moveUsageEventHubSender(usageEventHub, gw.identity());
        tenantApplication = foreign.isEmpty() ? null : new FederatedApplication(this, "TenantApplication", FederatedApplicationProps.builder()
                .displayName("AOAI Platform tenant access (" + config.environmentName() + ")")
                .trustedIdentity(gw.identity()).tenantId(config.tenantId()).build());
        config.departments().forEach(d -> {
            String foreignTenant = ConfigProps.foreignEntraTenant(config, d);
            gw.addDepartment(ConfigProps.department(config, d, gw.openAiApi(), foreignTenant == null ? null : FederatedTokenOptions.builder()
                    .tenantId(foreignTenant).clientId(tenantApplication.clientId())
                    .identityClientId(gw.apiManagement().identityClientIdReference()).build()));
        });
        return gw;
    }

    private void backend() {
        var b = config.backend();
        if ("azurerm".equals(b.type())) {
            new AzurermBackend(this, AzurermBackendConfig.builder()
                    .resourceGroupName(b.resourceGroupName())
                    .storageAccountName(b.storageAccountName())
                    .containerName(b.containerName())
                    .key(b.effectiveKey(config.environmentName()))
                    .useAzureadAuth(b.useAzureadAuth())
                    .build());
        } else {
            new LocalBackend(this, LocalBackendConfig.builder()
                    .path(b.effectivePath(config.environmentName()))
                    .build());
        }
    }

    private void outputs() {
        TerraformOutput.Builder.create(this, "resource_group_name").value(resourceGroup.name())
                .description("Resource group holding the platform's resources").build();
        TerraformOutput.Builder.create(this, "gateway_url").value(gateway.apiManagement().gatewayUrl())
                .description("The AI gateway's URL; Azure OpenAI clients use it as their endpoint").build();
        TerraformOutput.Builder.create(this, "openai_api_path").value(gateway.openAiApi().path())
                .description("Path of the Azure OpenAI API under gateway_url").build();
        TerraformOutput.Builder.create(this, "gateway_identity_client_id").value(gateway.identity().clientId())
                .description("Client id of the gateway's managed identity (the only identity calling Azure OpenAI)").build();
        TerraformOutput.Builder.create(this, "gateway_identity_principal_id").value(gateway.identity().principalId())
                .description("Principal (object) id of the gateway's managed identity").build();
        if (tenantApplication != null)
            TerraformOutput.Builder.create(this, "tenant_application_client_id").value(tenantApplication.clientId())
                    .description("Client id of the multi-tenant application the gateway signs in as for tenant-provided accounts in "
                            + "other Entra tenants; each tenant's admin consents to it and grants its service principal "
                            + "Cognitive Services OpenAI User on their account").build();
        if (usageEventHub != null)
            TerraformOutput.Builder.create(this, "usage_event_hub_id").value(usageEventHub.eventHubId())
                    .description("The usage Event Hub (one JSON record per gateway call); grant readers Azure Event Hubs Data Receiver on it").build();
    }

    /**
     * The names this stack creates that must be unique across Azure (they become DNS names), for
     * {@link CrossStackRules#sharedGlobalNames}.
     *
     * @return each name and what it names
     */
    Map<String, String> globallyUniqueNames() { return Collections.unmodifiableMap(globalNames); }

    private String globallyUnique(String name, String what) {
        globalNames.put(name, what);
        return name;
    }

    /** @return the environment's config */
    public EnvironmentConfig config() { return config; }
    /** @return the environment's naming */
    public Naming naming() { return naming; }
    /** @return the platform's resource group */
    public ResourceGroup resourceGroup() { return resourceGroup; }
    /** @return the platform's Log Analytics workspace */
    public LogAnalytics logs() { return logs; }
    /** @return the network the platform lives in, created here or the landing zone's */
    public IVirtualNetwork network() { return network; }
    /** @return the private DNS zones, created here or the hub's */
    public PrivateDnsZones dns() { return dns; }
    /** @return the regional Azure OpenAI accounts */
    public RegionalOpenAi openAi() { return openAi; }
    /** @return the multi-tenant application the gateway signs in as for accounts in other Entra tenants, or null without them */
    public FederatedApplication tenantApplication() { return tenantApplication; }
    /** @return the accounts of each department with its own (dedicatedAccount or tenantProvided), by department name */
    public Map<String, List<IOpenAiAccount>> tenantAccounts() { return java.util.Collections.unmodifiableMap(tenantAccounts); }
    /** @return the API app registration created here, or null when the environment brings its own app id */
    public EntraApiApplication apiApplication() { return apiApplication; }
    /** @return the AI gateway */
    public AiGateway gateway() { return gateway; }
    /** @return the chargeback reports and alerts */
    public Chargeback chargeback() { return chargeback; }
    /** @return the usage Event Hub, or null unless {@code monitoring.usageEventHub} */
    public UsageEventHub usageEventHub() { return usageEventHub; }
    /** @return the Azure Monitor Private Link Scope, or null unless {@code monitoring.privateLinkScope} */
    public MonitorPrivateLinkScope monitorPrivateLinkScope() { return monitorPrivateLinkScope; }
}
