package io.github.aoaiplatform.patterns;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.apim.OpenAiBackend;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.monitoring.IApplicationInsights;
import io.github.aoaiplatform.monitoring.UsageEventHub;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of an {@link AiGateway}. The API Management and API fields are passed on unchanged to
 * {@link io.github.aoaiplatform.apim.ApiGatewayProps} and {@link io.github.aoaiplatform.apim.OpenAiApiProps}, which
 * validate them (their messages name those props).
 *
 * @param name                    the API Management service name. Required.
 * @param resourceGroup           the resource group of everything the pattern creates. Required.
 * @param location                region; Defaults to: the resource group's.
 * @param sku                     API Management tier. Required.
 * @param units                   API Management scale units; Defaults to: 1.
 * @param publisherName           API Management publisher name. Required.
 * @param publisherEmail          API Management publisher e-mail. Required.
 * @param gatewaySubnet           the subnet API Management is injected into or integrated with. Required.
 * @param privateEndpoints        API Management's inbound private endpoints (v2 tiers); Defaults to: none.
 * @param internalDnsZones        the zones of API Management's A records (Internal mode); Defaults to: none.
 * @param diagnostics             where API Management's logs and metrics go; its workspace also stores the Application
 *                                Insights component created here. Required.
 * @param publicNetworkAccess     API Management's public network access; Defaults to: true.
 * @param lock                    a lock on API Management; Defaults to: none.
 * @param tags                    tags of every resource the pattern creates; Defaults to: none.
 * @param identityName            name of the gateway's user-assigned identity (child {@code Identity}). Required.
 * @param appInsights             an existing Application Insights component for request telemetry and token metrics;
 *                                Defaults to: one created here (child {@code AppInsights}).
 * @param appInsightsName         name of the component created here. Required unless {@code appInsights} is given.
 * @param appInsightsPublicAccess the created component accepts ingestion and queries from the Internet; Defaults to:
 *                                true (false when an Azure Monitor Private Link Scope holds it).
 * @param backends                the Azure OpenAI accounts behind the API; the gateway identity is granted invoke on
 *                                each. Required.
 * @param models                  deployment name to model (the Model metric dimension); Defaults to: none.
 * @param subscriptionRequired    the API requires subscription keys (departments need it); Defaults to: false.
 * @param departmentRequired      answer 403 to subscriptions of no department (needed by departments); Defaults to:
 *                                false.
 * @param tenantId                Entra ID tenant whose tokens are accepted. Required.
 * @param audienceAppId           the API app's client id. Required.
 * @param acceptedScopes          delegated scopes accepted in the token's {@code scp}; Defaults to: [chat].
 * @param acceptedRoles           app roles accepted in the token's {@code roles} (one accepted scope or role is
 *                                required); Defaults to: [Chat.Invoke].
 * @param corsOrigins             CORS origins; Defaults to: none.
 * @param tokensPerMinutePerUser  tokens per minute per caller. Required.
 * @param circuitBreakerTripCount failures (429 or 5xx) within a minute that trip a backend's circuit breaker; Defaults
 *                                to: 1.
 * @param llmLogMaxBytes          largest prompt or completion logged per message; Defaults to: 262144.
 * @param usageEventHub           the usage Event Hub; the pattern grants the gateway identity send on it, adds API
 *                                Management's Event Hub logger as the hub's child {@code Logger}, and the API
 *                                writes one usage record per call to it besides Application Insights; Defaults to:
 *                                none (Application Insights only).
 * @param azapi                   the azapi provider. Required.
 */
public record AiGatewayProps(String name, IResourceGroup resourceGroup, String location, String sku, Integer units,
                             String publisherName, String publisherEmail, ISubnet gatewaySubnet,
                             List<PrivateEndpointOptions> privateEndpoints, List<IPrivateDnsZone> internalDnsZones,
                             DiagnosticSettings diagnostics, Boolean publicNetworkAccess, Lock lock,
                             Map<String, String> tags, String identityName, IApplicationInsights appInsights,
                             String appInsightsName, Boolean appInsightsPublicAccess, List<OpenAiBackend> backends,
                             Map<String, String> models, Boolean subscriptionRequired, Boolean departmentRequired,
                             String tenantId, String audienceAppId, List<String> acceptedScopes,
                             List<String> acceptedRoles, List<String> corsOrigins, Integer tokensPerMinutePerUser,
                             Integer circuitBreakerTripCount, Integer llmLogMaxBytes, UsageEventHub usageEventHub,
                             TerraformProvider azapi) {
    /**
     * Checks the pattern's own fields, fills defaults and copies collections; see the record's components.
     *
     * @param name see {@link #name()}
     * @param resourceGroup see {@link #resourceGroup()}
     * @param location see {@link #location()}
     * @param sku see {@link #sku()}
     * @param units see {@link #units()}
     * @param publisherName see {@link #publisherName()}
     * @param publisherEmail see {@link #publisherEmail()}
     * @param gatewaySubnet see {@link #gatewaySubnet()}
     * @param privateEndpoints see {@link #privateEndpoints()}
     * @param internalDnsZones see {@link #internalDnsZones()}
     * @param diagnostics see {@link #diagnostics()}
     * @param publicNetworkAccess see {@link #publicNetworkAccess()}
     * @param lock see {@link #lock()}
     * @param tags see {@link #tags()}
     * @param identityName see {@link #identityName()}
     * @param appInsights see {@link #appInsights()}
     * @param appInsightsName see {@link #appInsightsName()}
     * @param appInsightsPublicAccess see {@link #appInsightsPublicAccess()}
     * @param backends see {@link #backends()}
     * @param models see {@link #models()}
     * @param subscriptionRequired see {@link #subscriptionRequired()}
     * @param departmentRequired see {@link #departmentRequired()}
     * @param tenantId see {@link #tenantId()}
     * @param audienceAppId see {@link #audienceAppId()}
     * @param acceptedScopes see {@link #acceptedScopes()}
     * @param acceptedRoles see {@link #acceptedRoles()}
     * @param corsOrigins see {@link #corsOrigins()}
     * @param tokensPerMinutePerUser see {@link #tokensPerMinutePerUser()}
     * @param circuitBreakerTripCount see {@link #circuitBreakerTripCount()}
     * @param llmLogMaxBytes see {@link #llmLogMaxBytes()}
     * @param usageEventHub see {@link #usageEventHub()}
     * @param azapi see {@link #azapi()}
     */
    public AiGatewayProps {
        PropsCheck check = PropsCheck.of("AiGatewayProps");
        if (check.require("resourceGroup", resourceGroup) && location == null) location = resourceGroup.location();
        check.require("identityName", identityName);
        check.require("diagnostics", diagnostics);
        if (appInsights == null) {
            check.require("appInsightsName", appInsightsName);
            check.check(diagnostics == null || diagnostics.enabled(), "diagnostics",
                    "must name a workspace to store the Application Insights component created here; or pass appInsights");
        }
        appInsightsPublicAccess = appInsightsPublicAccess == null ? Boolean.TRUE : appInsightsPublicAccess;
        privateEndpoints = privateEndpoints == null ? List.of() : List.copyOf(privateEndpoints);
        internalDnsZones = internalDnsZones == null ? List.of() : List.copyOf(internalDnsZones);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        backends = backends == null ? List.of() : List.copyOf(backends);
        models = models == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(models));
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        check.throwIfAny();
    }

    /** @return a builder for {@link AiGatewayProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link AiGatewayProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private IResourceGroup resourceGroup;
        private String location;
        private String sku;
        private Integer units;
        private String publisherName;
        private String publisherEmail;
        private ISubnet gatewaySubnet;
        private List<PrivateEndpointOptions> privateEndpoints;
        private List<IPrivateDnsZone> internalDnsZones;
        private DiagnosticSettings diagnostics;
        private Boolean publicNetworkAccess;
        private Lock lock;
        private Map<String, String> tags;
        private String identityName;
        private IApplicationInsights appInsights;
        private String appInsightsName;
        private Boolean appInsightsPublicAccess;
        private List<OpenAiBackend> backends;
        private Map<String, String> models;
        private Boolean subscriptionRequired;
        private Boolean departmentRequired;
        private String tenantId;
        private String audienceAppId;
        private List<String> acceptedScopes;
        private List<String> acceptedRoles;
        private List<String> corsOrigins;
        private Integer tokensPerMinutePerUser;
        private Integer circuitBreakerTripCount;
        private Integer llmLogMaxBytes;
        private UsageEventHub usageEventHub;
        private TerraformProvider azapi;

        private Builder() {}

        /**
         * Sets {@link AiGatewayProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link AiGatewayProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link AiGatewayProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link AiGatewayProps#sku()}.
         *
         * @param sku the value
         * @return this builder
         */
        public Builder sku(String sku) { this.sku = sku; return this; }

        /**
         * Sets {@link AiGatewayProps#units()}.
         *
         * @param units the value
         * @return this builder
         */
        public Builder units(Integer units) { this.units = units; return this; }

        /**
         * Sets {@link AiGatewayProps#publisherName()}.
         *
         * @param publisherName the value
         * @return this builder
         */
        public Builder publisherName(String publisherName) { this.publisherName = publisherName; return this; }

        /**
         * Sets {@link AiGatewayProps#publisherEmail()}.
         *
         * @param publisherEmail the value
         * @return this builder
         */
        public Builder publisherEmail(String publisherEmail) { this.publisherEmail = publisherEmail; return this; }

        /**
         * Sets {@link AiGatewayProps#gatewaySubnet()}.
         *
         * @param gatewaySubnet the value
         * @return this builder
         */
        public Builder gatewaySubnet(ISubnet gatewaySubnet) { this.gatewaySubnet = gatewaySubnet; return this; }

        /**
         * Sets {@link AiGatewayProps#privateEndpoints()}.
         *
         * @param privateEndpoints the value
         * @return this builder
         */
        public Builder privateEndpoints(List<PrivateEndpointOptions> privateEndpoints) { this.privateEndpoints = privateEndpoints; return this; }

        /**
         * Sets {@link AiGatewayProps#internalDnsZones()}.
         *
         * @param internalDnsZones the value
         * @return this builder
         */
        public Builder internalDnsZones(List<IPrivateDnsZone> internalDnsZones) { this.internalDnsZones = internalDnsZones; return this; }

        /**
         * Sets {@link AiGatewayProps#diagnostics()}.
         *
         * @param diagnostics the value
         * @return this builder
         */
        public Builder diagnostics(DiagnosticSettings diagnostics) { this.diagnostics = diagnostics; return this; }

        /**
         * Sets {@link AiGatewayProps#publicNetworkAccess()}.
         *
         * @param publicNetworkAccess the value
         * @return this builder
         */
        public Builder publicNetworkAccess(Boolean publicNetworkAccess) { this.publicNetworkAccess = publicNetworkAccess; return this; }

        /**
         * Sets {@link AiGatewayProps#lock()}.
         *
         * @param lock the value
         * @return this builder
         */
        public Builder lock(Lock lock) { this.lock = lock; return this; }

        /**
         * Sets {@link AiGatewayProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * Sets {@link AiGatewayProps#identityName()}.
         *
         * @param identityName the value
         * @return this builder
         */
        public Builder identityName(String identityName) { this.identityName = identityName; return this; }

        /**
         * Sets {@link AiGatewayProps#appInsights()}.
         *
         * @param appInsights the value
         * @return this builder
         */
        public Builder appInsights(IApplicationInsights appInsights) { this.appInsights = appInsights; return this; }

        /**
         * Sets {@link AiGatewayProps#appInsightsName()}.
         *
         * @param appInsightsName the value
         * @return this builder
         */
        public Builder appInsightsName(String appInsightsName) { this.appInsightsName = appInsightsName; return this; }

        /**
         * Sets {@link AiGatewayProps#appInsightsPublicAccess()}.
         *
         * @param appInsightsPublicAccess the value
         * @return this builder
         */
        public Builder appInsightsPublicAccess(Boolean appInsightsPublicAccess) { this.appInsightsPublicAccess = appInsightsPublicAccess; return this; }

        /**
         * Sets {@link AiGatewayProps#backends()}.
         *
         * @param backends the value
         * @return this builder
         */
        public Builder backends(List<OpenAiBackend> backends) { this.backends = backends; return this; }

        /**
         * Sets {@link AiGatewayProps#models()}.
         *
         * @param models the value
         * @return this builder
         */
        public Builder models(Map<String, String> models) { this.models = models; return this; }

        /**
         * Sets {@link AiGatewayProps#subscriptionRequired()}.
         *
         * @param subscriptionRequired the value
         * @return this builder
         */
        public Builder subscriptionRequired(Boolean subscriptionRequired) { this.subscriptionRequired = subscriptionRequired; return this; }

        /**
         * Sets {@link AiGatewayProps#departmentRequired()}.
         *
         * @param departmentRequired the value
         * @return this builder
         */
        public Builder departmentRequired(Boolean departmentRequired) { this.departmentRequired = departmentRequired; return this; }

        /**
         * Sets {@link AiGatewayProps#tenantId()}.
         *
         * @param tenantId the value
         * @return this builder
         */
        public Builder tenantId(String tenantId) { this.tenantId = tenantId; return this; }

        /**
         * Sets {@link AiGatewayProps#audienceAppId()}.
         *
         * @param audienceAppId the value
         * @return this builder
         */
        public Builder audienceAppId(String audienceAppId) { this.audienceAppId = audienceAppId; return this; }

        /**
         * Sets {@link AiGatewayProps#acceptedScopes()}.
         *
         * @param acceptedScopes the value
         * @return this builder
         */
        public Builder acceptedScopes(List<String> acceptedScopes) { this.acceptedScopes = acceptedScopes; return this; }

        /**
         * Sets {@link AiGatewayProps#acceptedRoles()}.
         *
         * @param acceptedRoles the value
         * @return this builder
         */
        public Builder acceptedRoles(List<String> acceptedRoles) { this.acceptedRoles = acceptedRoles; return this; }

        /**
         * Sets {@link AiGatewayProps#corsOrigins()}.
         *
         * @param corsOrigins the value
         * @return this builder
         */
        public Builder corsOrigins(List<String> corsOrigins) { this.corsOrigins = corsOrigins; return this; }

        /**
         * Sets {@link AiGatewayProps#tokensPerMinutePerUser()}.
         *
         * @param tokensPerMinutePerUser the value
         * @return this builder
         */
        public Builder tokensPerMinutePerUser(Integer tokensPerMinutePerUser) { this.tokensPerMinutePerUser = tokensPerMinutePerUser; return this; }

        /**
         * Sets {@link AiGatewayProps#circuitBreakerTripCount()}.
         *
         * @param circuitBreakerTripCount the value
         * @return this builder
         */
        public Builder circuitBreakerTripCount(Integer circuitBreakerTripCount) { this.circuitBreakerTripCount = circuitBreakerTripCount; return this; }

        /**
         * Sets {@link AiGatewayProps#llmLogMaxBytes()}.
         *
         * @param llmLogMaxBytes the value
         * @return this builder
         */
        public Builder llmLogMaxBytes(Integer llmLogMaxBytes) { this.llmLogMaxBytes = llmLogMaxBytes; return this; }

        /**
         * Sets {@link AiGatewayProps#usageEventHub()}.
         *
         * @param usageEventHub the value
         * @return this builder
         */
        public Builder usageEventHub(UsageEventHub usageEventHub) { this.usageEventHub = usageEventHub; return this; }

        /**
         * Sets {@link AiGatewayProps#azapi()}.
         *
         * @param azapi the value
         * @return this builder
         */
        public Builder azapi(TerraformProvider azapi) { this.azapi = azapi; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public AiGatewayProps build() { return new AiGatewayProps(name, resourceGroup, location, sku, units, publisherName, publisherEmail, gatewaySubnet, privateEndpoints, internalDnsZones, diagnostics, publicNetworkAccess, lock, tags, identityName, appInsights, appInsightsName, appInsightsPublicAccess, backends, models, subscriptionRequired, departmentRequired, tenantId, audienceAppId, acceptedScopes, acceptedRoles, corsOrigins, tokensPerMinutePerUser, circuitBreakerTripCount, llmLogMaxBytes, usageEventHub, azapi); }
    }
}
