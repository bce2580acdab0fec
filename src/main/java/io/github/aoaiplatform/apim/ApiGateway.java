package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.azurerm.api_management.ApiManagement;
import com.hashicorp.cdktf.providers.azurerm.api_management.ApiManagementIdentity;
import com.hashicorp.cdktf.providers.azurerm.api_management.ApiManagementSecurity;
import com.hashicorp.cdktf.providers.azurerm.api_management.ApiManagementVirtualNetworkConfiguration;
import com.hashicorp.cdktf.providers.azurerm.api_management_named_value.ApiManagementNamedValue;
import com.hashicorp.cdktf.providers.azurerm.private_dns_a_record.PrivateDnsARecord;
import io.github.aoaiplatform.azapi.AzapiResource;
import io.github.aoaiplatform.azapi.AzapiResourceProps;
import io.github.aoaiplatform.core.AzureResourceId;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.IUserAssignedIdentity;
import io.github.aoaiplatform.core.ImportedResources;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.core.ResourceInterfaces;
import io.github.aoaiplatform.monitoring.IApplicationInsights;
import io.github.aoaiplatform.network.GatewayNetworkMode;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * An API Management service, private and Entra-only towards its backends (an L2: the identity, the subnets, the DNS
 * zones, the workspace and Application Insights come in; nothing else is created for it):
 * <ul>
 *   <li>runs as the given user-assigned identity, whose client id is published as the named value
 *       {@code {{}}{@value #CLIENT_ID_NAMED_VALUE}{@code }}} for {@code authentication-managed-identity}; backends grant
 *       that identity access themselves (e.g. {@code account.grantInvoke(gateway.identity())});</li>
 *   <li>TLS 1.2+ only: SSL 3.0, TLS 1.0 and TLS 1.1 off on the frontend and the backend, triple DES and every
 *       configurable CBC and non-forward-secret (TLS_RSA_*) cipher off;</li>
 *   <li>networking by tier ({@link GatewayNetworkMode}): Developer and Premium are injected into the gateway subnet in
 *       {@code Internal} mode (private VIP only) with A records for the gateway, portal, developer portal, management
 *       and SCM host names in the given {@code *.azure-api.net} zones; StandardV2 and PremiumV2 use outbound VNet
 *       integration ({@code virtual_network_type = "External"} with the delegated gateway subnet, which is how azurerm
 *       and ARM model v2 integration) and inbound private endpoints (group {@code Gateway});</li>
 *   <li>diagnostics in resource-specific tables, and an Application Insights logger once
 *       {@link #addApplicationInsightsLogger} is called.</li>
 * </ul>
 *
 * <p>Limitations: Azure rejects {@code public_network_access_enabled = false} while creating the service (classic and
 * v2 tiers alike), so it is left enabled by default and can be switched off on a later apply
 * ({@link ApiGatewayProps#publicNetworkAccess()}). A private endpoint is not supported in Internal mode.
 *
 * <p>Child ids: {@code Resource}, {@code Diagnostics}, {@code IdentityClientId}, {@code PrivateEndpoint} (v2 tiers),
 * {@code DnsRecord-<zone name>} (classic tiers), {@code Lock}, {@code Logger}.
 */
public final class ApiGateway extends Construct implements IApiManagement {
    /** The Azure resource type of an API Management id. */
    public static final String RESOURCE_TYPE = "Microsoft.ApiManagement/service";
    /** The named value holding the gateway identity's client id. */
    public static final String CLIENT_ID_NAMED_VALUE = "uami-client-id";
    /** The Application Insights logger's name. */
    public static final String LOGGER_NAME = "appinsights";
    /** The ARM type (with API version) of the Application Insights logger; its body follows that version's {@code LoggerContractProperties}. */
    public static final String LOGGER_TYPE = "Microsoft.ApiManagement/service/loggers@2024-05-01";

    /**
     * An API Management service the app does not create, e.g. the landing zone's. APIs, backends and products can be
     * added to it; its Application Insights logger, if any, is not known here.
     *
     * @param scope      the parent construct
     * @param id         the construct id
     * @param resourceId the service's resource id
     * @param identity   the user-assigned identity attached to the service that its policies authenticate as
     * @return the service
     * @throws io.github.aoaiplatform.core.InvalidPropsException when the id is not an API Management id or the
     *                                                          identity is missing
     */
    public static IApiManagement fromResourceId(Construct scope, String id, String resourceId, IUserAssignedIdentity identity) {
        AzureResourceId parsed = ImportedResources.parse("ApiGateway.fromResourceId", resourceId, RESOURCE_TYPE);
        PropsCheck check = PropsCheck.of("ApiGateway.fromResourceId");
        check.require("identity", identity);
        check.throwIfAny();
        return new ImportedApiManagement(scope, id, resourceId, parsed.name(), parsed.resourceGroup(), identity);
    }

    private final ApiGatewayProps props;
    private final ApiManagement resource;
    // Taken once: every API, product, department and logger on the service asks for them, and each get is a round
    // trip to the JavaScript core (a reference resolves to the same expression however often it is taken).
    private final String name;
    private final String resourceId;
    private final ApiManagementNamedValue clientIdNamedValue;
    private AzapiResource logger;

    /**
     * Creates the service.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the service's inputs
     */
    public ApiGateway(Construct scope, String id, ApiGatewayProps props) {
        super(scope, id);
        this.props = props;
        String rg = props.resourceGroup().name();
        boolean internal = props.networkMode() == GatewayNetworkMode.INTERNAL_INJECTION;

        resource = ApiManagement.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(rg)
                .skuName(props.sku() + "_" + props.units())
                .publisherName(props.publisherName())
                .publisherEmail(props.publisherEmail())
                .identity(ApiManagementIdentity.builder().type("UserAssigned").identityIds(List.of(props.identity().resourceId())).build())
                .virtualNetworkType(internal ? "Internal" : "External")
                .virtualNetworkConfiguration(ApiManagementVirtualNetworkConfiguration.builder().subnetId(props.gatewaySubnet().resourceId()).build())
                .publicNetworkAccessEnabled(props.publicNetworkAccess())
                .minApiVersion("2021-08-01")
                .security(strongTlsOnly())
                .tags(props.tags())
                .build();
        name = resource.getName();
        resourceId = resource.getId();

        for (IPrivateDnsZone zone : props.internalDnsZones())
            PrivateDnsARecord.Builder.create(this, "DnsRecord-" + zone.zoneName())
                    .name(props.name())
                    .zoneName(zone.zoneNameReference())
                    .resourceGroupName(zone.resourceGroupName())
                    .ttl(300)
                    .records(List.of(Token.asString(Fn.element(resource.getPrivateIpAddresses(), 0))))
                    .tags(props.tags())
                    .build();
        ResourceInterfaces.privateEndpoints(this, resourceId, props.name(), "Gateway", rg,
                props.privateEndpoints(), props.lock(), props.tags(), null);

        ResourceInterfaces.diagnostics(this, resourceId, props.diagnostics().withDedicatedTables(), true);
        ResourceInterfaces.lock(this, resourceId, props.name(), props.lock());
        ResourceInterfaces.roleAssignments(this, resourceId, props.roleAssignments());

        clientIdNamedValue = ApiManagementNamedValue.Builder.create(this, "IdentityClientId")
                .name(CLIENT_ID_NAMED_VALUE)
                .displayName(CLIENT_ID_NAMED_VALUE)
                .apiManagementName(name)
                .resourceGroupName(rg)
                .value(props.identity().clientId())
                .build();
    }

    /**
     * Sends the service's request telemetry and token metrics to Application Insights: an API Management logger (child
     * {@code Logger}, named {@value #LOGGER_NAME}) that {@link OpenAiApi} diagnostics write through. It authenticates
     * with the service's managed identity ({@code credentials.identityClientId}), which gets
     * {@link IApplicationInsights#METRICS_PUBLISHER_ROLE} on the component, so the component can turn local
     * (instrumentation-key) authentication off. azurerm 4.55's logger has no identity credential, hence a typed azapi
     * resource of {@link #LOGGER_TYPE}.
     *
     * @param appInsights the component
     * @param azapi       the azapi provider
     * @return the logger's resource id
     * @throws IllegalStateException when a logger was added already
     */
    public String addApplicationInsightsLogger(IApplicationInsights appInsights, TerraformProvider azapi) {
        if (logger != null) throw new IllegalStateException("ApiGateway " + getNode().getPath() + " already has an Application Insights logger");
        var publisher = appInsights.grantMetricsPublish(props.identity());
        logger = new AzapiResource(this, "Logger", AzapiResourceProps.builder().provider(azapi).type(LOGGER_TYPE)
                .name(LOGGER_NAME).parentId(resourceId)
                .body(loggerBody(appInsights, props.identity()))
                .dependsOn(List.of(publisher)).build());
        return logger.resourceId();
    }

    /** The {@code applicationInsights} logger body of {@link #LOGGER_TYPE}, sending as the identity. */
    static Map<String, Object> loggerBody(IApplicationInsights appInsights, IUserAssignedIdentity identity) {
        return Map.of("properties", Map.of(
                "loggerType", "applicationInsights",
                "resourceId", appInsights.resourceId(),
                "isBuffered", true,
                "credentials", Map.of("connectionString", appInsights.connectionString(), "identityClientId", identity.clientId())));
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

    @Override public String resourceId() { return resourceId; }
    @Override public String name() { return name; }
    @Override public String resourceGroupName() { return props.resourceGroup().name(); }
    @Override public IUserAssignedIdentity identity() { return props.identity(); }
    @Override public String identityClientIdReference() { return "{{" + CLIENT_ID_NAMED_VALUE + "}}"; }
    @Override public String applicationInsightsLoggerId() { return logger == null ? null : logger.resourceId(); }

    /** @return the gateway URL, e.g. {@code https://<name>.azure-api.net} (a Terraform reference) */
    public String gatewayUrl() { return resource.getGatewayUrl(); }

    /** @return the Application Insights logger, or null before {@link #addApplicationInsightsLogger} */
    public AzapiResource applicationInsightsLogger() { return logger; }

    /** @return the named value holding the identity's client id, which policies using it must wait for */
    public ApiManagementNamedValue clientIdNamedValue() { return clientIdNamedValue; }

    /** @return the azurerm resource, for attributes this class does not expose */
    public ApiManagement resource() { return resource; }

    /** A service brought in with {@link ApiGateway#fromResourceId}. */
    private static final class ImportedApiManagement extends Construct implements IApiManagement {
        private final String resourceId;
        private final String name;
        private final String resourceGroupName;
        private final IUserAssignedIdentity identity;
    
        ImportedApiManagement(Construct scope, String id, String resourceId, String name, String resourceGroupName,
                              IUserAssignedIdentity identity) {
            super(scope, id);
            this.resourceId = resourceId;
            this.name = name;
            this.resourceGroupName = resourceGroupName;
            this.identity = identity;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String name() { return name; }
        @Override public String resourceGroupName() { return resourceGroupName; }
        @Override public IUserAssignedIdentity identity() { return identity; }
        // The landing zone's service need not have the named value, so policies name the client id itself.
        @Override public String identityClientIdReference() { return identity.clientId(); }
        @Override public String applicationInsightsLoggerId() { return null; }
        }
}
