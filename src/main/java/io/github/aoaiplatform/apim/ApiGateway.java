package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.azurerm.api_management.ApiManagement;
import com.hashicorp.cdktf.providers.azurerm.api_management.ApiManagementIdentity;
import com.hashicorp.cdktf.providers.azurerm.api_management.ApiManagementSecurity;
import com.hashicorp.cdktf.providers.azurerm.api_management.ApiManagementVirtualNetworkConfiguration;
import com.hashicorp.cdktf.providers.azurerm.api_management_logger.ApiManagementLogger;
import com.hashicorp.cdktf.providers.azurerm.api_management_logger.ApiManagementLoggerApplicationInsights;
import com.hashicorp.cdktf.providers.azurerm.api_management_named_value.ApiManagementNamedValue;
import com.hashicorp.cdktf.providers.azurerm.private_dns_a_record.PrivateDnsARecord;
import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import com.hashicorp.cdktf.providers.azurerm.user_assigned_identity.UserAssignedIdentity;
import io.github.aoaiplatform.core.Diagnostics;
import io.github.aoaiplatform.core.IdReferences;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.PrivateEndpointProps;
import io.github.aoaiplatform.core.ResourceGroup;
import io.github.aoaiplatform.monitoring.AppInsights;
import io.github.aoaiplatform.monitoring.AppInsightsProps;
import io.github.aoaiplatform.monitoring.LogAnalytics;
import io.github.aoaiplatform.network.GatewayNetworkMode;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AI gateway's API Management service, private and Entra-only towards Azure OpenAI:
 * <ul>
 *   <li>a user-assigned managed identity, attached to the service, granted exactly one role
 *       ({@value #OPENAI_ROLE}) on each Azure OpenAI account and nothing else; its client id is published as the
 *       named value {@code {{}}{@value #CLIENT_ID_NAMED_VALUE}{@code }}} for {@code authentication-managed-identity};</li>
 *   <li>TLS 1.2+ only: SSL 3.0, TLS 1.0 and TLS 1.1 off on the frontend and the backend, triple DES and every
 *       configurable CBC and non-forward-secret (TLS_RSA_*) cipher off;</li>
 *   <li>networking by tier ({@link GatewayNetworkMode}): Developer and Premium are injected into the gateway subnet in
 *       {@code Internal} mode (private VIP only) with A records for the gateway, portal, developer portal, management
 *       and SCM host names in the {@code *.azure-api.net} private zones this platform created (hub zones are the hub's
 *       to fill); StandardV2 and PremiumV2 use outbound VNet integration ({@code virtual_network_type = "External"}
 *       with the delegated gateway subnet, which is how azurerm and ARM model v2 integration) and an inbound private
 *       endpoint (group {@code Gateway}) registered in {@code privatelink.azure-api.net};</li>
 *   <li>diagnostics (all logs, all metrics) to the platform workspace in resource-specific tables, and a
 *       workspace-based Application Insights with an API Management logger for request telemetry and token metrics
 *       (closed to Internet ingestion and queries when {@link Props#appInsightsPublicAccess()} is false, for an Azure
 *       Monitor Private Link Scope).</li>
 * </ul>
 *
 * <p>Limitations: Azure rejects {@code public_network_access_enabled = false} while creating the service (classic and
 * v2 tiers alike), so it is left enabled by default and can be switched off on a later apply
 * ({@link Props#publicNetworkAccess()}). A private endpoint is not supported in Internal mode, so the classic tiers
 * get none. The azurerm logger can only send with the Application Insights connection string, so local
 * authentication stays enabled on that component (a managed-identity logger needs azapi).
 *
 * <p>Child ids: {@code Identity}, {@code Resource}, {@code OpenAiUser-<region>}, {@code Diagnostics},
 * {@code AppInsights}, {@code Logger}, {@code IdentityClientId}, {@code PrivateEndpoint} (v2 tiers),
 * {@code DnsRecord-<zone>} (classic tiers).
 */
public final class ApiGateway extends Construct {
    /** The only role the gateway identity holds, on each Azure OpenAI account. */
    public static final String OPENAI_ROLE = "Cognitive Services OpenAI User";
    /** The named value holding the gateway identity's client id. */
    public static final String CLIENT_ID_NAMED_VALUE = "uami-client-id";
    /** The API Management logger's name. */
    public static final String LOGGER_NAME = "appinsights";
    public static final Set<String> SKUS = Set.of("Developer", "Premium", "StandardV2", "PremiumV2");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z](?:[a-zA-Z0-9-]{0,48}[a-zA-Z0-9])?");

    /**
     * @param name                       service name (also the {@code <name>.azure-api.net} host name); 1-50 characters.
     * @param location                   region.
     * @param resourceGroupName          resource group.
     * @param sku                        Developer, Premium, StandardV2 or PremiumV2. Required.
     * @param units                      scale units; Defaults to: 1.
     * @param publisherName              publisher name. Required.
     * @param publisherEmail             publisher e-mail. Required.
     * @param gatewaySubnetId            the gateway subnet (injection or integration). Required.
     * @param privateEndpointSubnetId    subnet of the private endpoint (v2 tiers); Defaults to: none (required for v2).
     * @param privateEndpointLocation    region of that subnet's VNet; Defaults to: {@code location}.
     * @param privateEndpointDnsZoneIds  zone ids for the private endpoint's zone group (v2 tiers); Defaults to: none.
     * @param internalDnsZoneNames       zone (catalogue name) to the created zone's name reference, for the A records in
     *                                   Internal mode; zones missing here get no records; Defaults to: none.
     * @param publicNetworkAccess        public network access; Defaults to: true (see the class comment).
     * @param identityName               name of the user-assigned identity. Required.
     * @param openAiAccountIds           region to Azure OpenAI account id: the identity gets {@value #OPENAI_ROLE} on each.
     * @param workspaceId                Log Analytics workspace for diagnostics and Application Insights. Required.
     * @param appInsightsName            Application Insights name. Required.
     * @param tags                       tags.
     * @param appInsightsPublicAccess    Application Insights accepts ingestion and queries from the Internet; Defaults to:
     *                                   true (false when an Azure Monitor Private Link Scope holds it: the gateway then
     *                                   reaches it through the VNet).
     */
    public record Props(String name, String location, String resourceGroupName, String sku, Integer units,
                        String publisherName, String publisherEmail, String gatewaySubnetId,
                        String privateEndpointSubnetId, String privateEndpointLocation, List<String> privateEndpointDnsZoneIds,
                        Map<String, String> internalDnsZoneNames, Boolean publicNetworkAccess, String identityName,
                        Map<String, String> openAiAccountIds, String workspaceId, String appInsightsName,
                        Map<String, String> tags, Boolean appInsightsPublicAccess) {
        public Props {
            Objects.requireNonNull(name, "name is required");
            if (!NAME.matcher(name).matches())
                throw new IllegalArgumentException("API Management name '" + name + "' must be 1-50 letters, digits or hyphens, start with a letter and end with a letter or digit");
            Objects.requireNonNull(sku, "sku is required");
            if (!SKUS.contains(sku)) throw new IllegalArgumentException("sku '" + sku + "' cannot be private; use one of " + SKUS);
            units = Objects.requireNonNullElse(units, 1);
            if (units < 1 || units > 12) throw new IllegalArgumentException("units must be between 1 and 12, got " + units);
            if (sku.equals("Developer") && units != 1) throw new IllegalArgumentException("the Developer tier has exactly 1 unit, got " + units);
            Objects.requireNonNull(publisherName, "publisherName is required");
            Objects.requireNonNull(publisherEmail, "publisherEmail is required");
            Objects.requireNonNull(gatewaySubnetId, "gatewaySubnetId is required: the gateway is always attached to the VNet");
            if (!isInternal(sku) && privateEndpointSubnetId == null)
                throw new IllegalArgumentException("privateEndpointSubnetId is required for " + sku + ": inbound traffic arrives through a private endpoint");
            privateEndpointLocation = Objects.requireNonNullElse(privateEndpointLocation, location);
            privateEndpointDnsZoneIds = privateEndpointDnsZoneIds == null ? List.of() : List.copyOf(privateEndpointDnsZoneIds);
            internalDnsZoneNames = internalDnsZoneNames == null ? Map.of() : new LinkedHashMap<>(internalDnsZoneNames);
            publicNetworkAccess = Objects.requireNonNullElse(publicNetworkAccess, true);
            Objects.requireNonNull(identityName, "identityName is required");
            openAiAccountIds = openAiAccountIds == null ? Map.of() : new LinkedHashMap<>(openAiAccountIds);
            Objects.requireNonNull(workspaceId, "workspaceId is required: diagnostics go to the platform workspace");
            Objects.requireNonNull(appInsightsName, "appInsightsName is required");
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            appInsightsPublicAccess = Objects.requireNonNullElse(appInsightsPublicAccess, true);
        }

        /** Props with Application Insights open to Internet ingestion and queries (the default). */
        public Props(String name, String location, String resourceGroupName, String sku, Integer units,
                     String publisherName, String publisherEmail, String gatewaySubnetId,
                     String privateEndpointSubnetId, String privateEndpointLocation, List<String> privateEndpointDnsZoneIds,
                     Map<String, String> internalDnsZoneNames, Boolean publicNetworkAccess, String identityName,
                     Map<String, String> openAiAccountIds, String workspaceId, String appInsightsName,
                     Map<String, String> tags) {
            this(name, location, resourceGroupName, sku, units, publisherName, publisherEmail, gatewaySubnetId,
                    privateEndpointSubnetId, privateEndpointLocation, privateEndpointDnsZoneIds, internalDnsZoneNames,
                    publicNetworkAccess, identityName, openAiAccountIds, workspaceId, appInsightsName, tags, null);
        }

        /** How the service attaches to the VNet. */
        public GatewayNetworkMode networkMode() {
            return isInternal(sku) ? GatewayNetworkMode.INTERNAL_INJECTION : GatewayNetworkMode.INTEGRATION;
        }

        private static boolean isInternal(String sku) { return sku.equals("Developer") || sku.equals("Premium"); }
    }

    private final Props props;
    private final UserAssignedIdentity identity;
    private final ApiManagement resource;
    private final AppInsights appInsights;
    private final ApiManagementLogger logger;
    private final ApiManagementNamedValue clientIdNamedValue;
    private final List<RoleAssignment> roleAssignments = new ArrayList<>();

    public ApiGateway(Construct scope, String id, Props props) {
        super(scope, id);
        this.props = props;
        boolean internal = props.networkMode() == GatewayNetworkMode.INTERNAL_INJECTION;

        identity = UserAssignedIdentity.Builder.create(this, "Identity")
                .name(props.identityName())
                .location(props.location())
                .resourceGroupName(props.resourceGroupName())
                .tags(props.tags())
                .build();
        props.openAiAccountIds().forEach((region, accountId) -> roleAssignments.add(RoleAssignment.Builder.create(this, "OpenAiUser-" + region)
                .scope(accountId)
                .roleDefinitionName(OPENAI_ROLE)
                .principalId(identity.getPrincipalId())
                .principalType("ServicePrincipal")
                .description("API gateway calls Azure OpenAI with its managed identity")
                .build()));

        resource = ApiManagement.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroupName())
                .skuName(props.sku() + "_" + props.units())
                .publisherName(props.publisherName())
                .publisherEmail(props.publisherEmail())
                .identity(ApiManagementIdentity.builder().type("UserAssigned").identityIds(List.of(identity.getId())).build())
                .virtualNetworkType(internal ? "Internal" : "External")
                .virtualNetworkConfiguration(ApiManagementVirtualNetworkConfiguration.builder().subnetId(props.gatewaySubnetId()).build())
                .publicNetworkAccessEnabled(props.publicNetworkAccess())
                .minApiVersion("2021-08-01")
                .security(strongTlsOnly())
                .tags(props.tags())
                .build();

        if (internal) {
            props.internalDnsZoneNames().forEach((zone, zoneName) -> PrivateDnsARecord.Builder.create(this, "DnsRecord-" + zone)
                    .name(props.name())
                    .zoneName(zoneName)
                    .resourceGroupName(props.resourceGroupName())
                    .ttl(300)
                    .records(List.of(Token.asString(Fn.element(resource.getPrivateIpAddresses(), 0))))
                    .tags(props.tags())
                    .build());
        } else {
            new PrivateEndpoint(this, "PrivateEndpoint", PrivateEndpointProps.builder()
                    .name("pep-" + props.name()).location(props.privateEndpointLocation()).resourceGroupName(props.resourceGroupName())
                    .subnet(IdReferences.subnet(this, "PrivateEndpointSubnet", props.privateEndpointSubnetId(), props.privateEndpointLocation()))
                    .targetResourceId(resource.getId()).subresource("Gateway")
                    .dnsZones(IdReferences.privateDnsZones(this, "PrivateEndpointZone", props.privateEndpointDnsZoneIds()))
                    .tags(props.tags()).build());
        }

        Diagnostics.toWorkspace(this, resource.getId(), props.workspaceId(), true);
        var workspace = LogAnalytics.fromResourceId(this, "WorkspaceRef", props.workspaceId());
        appInsights = new AppInsights(this, "AppInsights", AppInsightsProps.builder().name(props.appInsightsName())
                .resourceGroup(ResourceGroup.fromName(this, "ResourceGroupRef", props.resourceGroupName(), props.location()))
                .workspace(workspace).diagnostics(DiagnosticSettings.toWorkspace(workspace)).localAuthDisabled(false)
                .publicAccess(props.appInsightsPublicAccess()).tags(props.tags()).build());
        logger = ApiManagementLogger.Builder.create(this, "Logger")
                .name(LOGGER_NAME)
                .apiManagementName(resource.getName())
                .resourceGroupName(props.resourceGroupName())
                .resourceId(appInsights.resourceId())
                .applicationInsights(ApiManagementLoggerApplicationInsights.builder()
                        .connectionString(appInsights.connectionString()).build())
                .build();

        clientIdNamedValue = ApiManagementNamedValue.Builder.create(this, "IdentityClientId")
                .name(CLIENT_ID_NAMED_VALUE)
                .displayName(CLIENT_ID_NAMED_VALUE)
                .apiManagementName(resource.getName())
                .resourceGroupName(props.resourceGroupName())
                .value(identity.getClientId())
                .build();
    }

    /** Frontend and backend TLS 1.2+, no triple DES, no CBC or non-forward-secret ciphers. */
    private static ApiManagementSecurity strongTlsOnly() {
        return ApiManagementSecurity.builder()
                .frontendSsl30Enabled(false).frontendTls10Enabled(false).frontendTls11Enabled(false)
                .backendSsl30Enabled(false).backendTls10Enabled(false).backendTls11Enabled(false)
                .tripleDesCiphersEnabled(false)
                .tlsEcdheEcdsaWithAes128CbcShaCiphersEnabled(false)
                .tlsEcdheEcdsaWithAes256CbcShaCiphersEnabled(false)
                .tlsEcdheRsaWithAes128CbcShaCiphersEnabled(false)
                .tlsEcdheRsaWithAes256CbcShaCiphersEnabled(false)
                .tlsRsaWithAes128CbcSha256CiphersEnabled(false)
                .tlsRsaWithAes128CbcShaCiphersEnabled(false)
                .tlsRsaWithAes128GcmSha256CiphersEnabled(false)
                .tlsRsaWithAes256CbcSha256CiphersEnabled(false)
                .tlsRsaWithAes256CbcShaCiphersEnabled(false)
                .tlsRsaWithAes256GcmSha384CiphersEnabled(false)
                .build();
    }

    public String resourceId() { return resource.getId(); }
    /** The service name (a Terraform reference). */
    public String name() { return resource.getName(); }
    public String resourceGroupName() { return props.resourceGroupName(); }
    /** The gateway URL, e.g. {@code https://<name>.azure-api.net}. */
    public String gatewayUrl() { return resource.getGatewayUrl(); }
    public String identityClientId() { return identity.getClientId(); }
    public String identityPrincipalId() { return identity.getPrincipalId(); }
    /** The named value reference for the identity's client id, {@code {{uami-client-id}}}. */
    public String identityClientIdNamedValue() { return "{{" + CLIENT_ID_NAMED_VALUE + "}}"; }
    public ApiManagementNamedValue clientIdNamedValue() { return clientIdNamedValue; }
    public ApiManagementLogger logger() { return logger; }
    /** The gateway's Application Insights component (request telemetry and token metrics). */
    public AppInsights appInsights() { return appInsights; }
    public ApiManagement resource() { return resource; }
    public List<RoleAssignment> roleAssignments() { return List.copyOf(roleAssignments); }
}
