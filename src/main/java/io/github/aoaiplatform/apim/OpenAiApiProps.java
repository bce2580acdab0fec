package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of an {@link OpenAiApi}.
 *
 * @param apiManagement          the API Management service the API goes on (created here or imported). Required.
 * @param backends               the Azure OpenAI accounts behind the API, in order; the first is the default route for
 *                               deployments the policy does not know. At least one; keys must be unique. Required.
 * @param models                 deployment name to the model it serves (the token metrics' Model dimension); every key
 *                               must be a deployment some backend serves; Defaults to: none (Model is {@code unknown}).
 * @param subscriptionRequired   require an API Management subscription key besides the Entra ID token (departments need
 *                               it); Defaults to: false.
 * @param departmentRequired     answer 403 to calls whose subscription belongs to no {@link Department}, such as API
 *                               Management's built-in all-access subscription (needs {@code subscriptionRequired};
 *                               every Department on the API requires it); Defaults to: false.
 * @param apiName                the API's name, unique on the service; Defaults to: {@value OpenAiApi#API_NAME}.
 * @param path                   the API's URL suffix; Defaults to: {@value OpenAiApi#PATH}.
 * @param tenantId               Entra ID tenant whose tokens are accepted (a GUID). Required.
 * @param audienceAppId          the API app's client id (audiences {@code api://<id>} and {@code <id>}). Required.
 * @param acceptedScopes         delegated scopes of which the token's {@code scp} must hold one, unless its
 *                               {@code roles} hold an accepted role; Defaults to: [chat].
 * @param acceptedRoles          app roles of which the token's {@code roles} must hold one, unless its {@code scp}
 *                               holds an accepted scope; at least one scope or role. Defaults to: [Chat.Invoke].
 * @param corsOrigins            browser origins allowed by CORS; Defaults to: none (no cors element).
 * @param tokensPerMinutePerUser tokens per minute per caller, over all deployments; must be &gt; 0. Required.
 * @param circuitBreakerTripCount 429 or 5xx responses within a minute that trip a backend's circuit breaker, which
 *                               then sends no calls to it for a minute or as long as its Retry-After asks; Defaults
 *                               to: {@value OpenAiApi#DEFAULT_TRIP_COUNT} (the first 429).
 * @param usageLoggerId          name of an API Management Event Hub logger that receives one usage record per call, best
 *                               a reference to the logger's {@code name} so that the policy is created after it;
 *                               Defaults to: none (the records go to Application Insights only).
 * @param loggerId               the API Management logger of the API's request telemetry and token metrics; Defaults
 *                               to: the service's Application Insights logger
 *                               ({@link IApiManagement#applicationInsightsLoggerId()}), and with none, no API diagnostic.
 * @param azapi                  the azapi provider (backend pools, the diagnostic's metrics flag). Required.
 */
public record OpenAiApiProps(IApiManagement apiManagement, List<OpenAiBackend> backends, Map<String, String> models,
                             Boolean subscriptionRequired, Boolean departmentRequired, String apiName, String path,
                             String tenantId, String audienceAppId, List<String> acceptedScopes,
                             List<String> acceptedRoles, List<String> corsOrigins, Integer tokensPerMinutePerUser,
                             Integer circuitBreakerTripCount, String usageLoggerId, String loggerId,
                             TerraformProvider azapi) {
    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]{0,399}");

    /**
     * Validates every field, fills defaults and copies collections; see the record's components.
     *
     * @param apiManagement see {@link #apiManagement()}
     * @param backends see {@link #backends()}
     * @param models see {@link #models()}
     * @param subscriptionRequired see {@link #subscriptionRequired()}
     * @param departmentRequired see {@link #departmentRequired()}
     * @param apiName see {@link #apiName()}
     * @param path see {@link #path()}
     * @param tenantId see {@link #tenantId()}
     * @param audienceAppId see {@link #audienceAppId()}
     * @param acceptedScopes see {@link #acceptedScopes()}
     * @param acceptedRoles see {@link #acceptedRoles()}
     * @param corsOrigins see {@link #corsOrigins()}
     * @param tokensPerMinutePerUser see {@link #tokensPerMinutePerUser()}
     * @param circuitBreakerTripCount see {@link #circuitBreakerTripCount()}
     * @param usageLoggerId see {@link #usageLoggerId()}
     * @param loggerId see {@link #loggerId()}
     * @param azapi see {@link #azapi()}
     */
    public OpenAiApiProps {
        PropsCheck check = PropsCheck.of("OpenAiApiProps");
        if (check.require("apiManagement", apiManagement) && loggerId == null) loggerId = apiManagement.applicationInsightsLoggerId();
        backends = backends == null ? List.of() : List.copyOf(backends);
        check.check(!backends.isEmpty(), "backends", "must list at least one Azure OpenAI account, e.g. OpenAiBackend.of(account)");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < backends.size(); i++)
            if (!keys.add(backends.get(i).key()))
                check.add("backends[" + i + "].key", "'" + backends.get(i).key() + "' is used by another backend; give each account "
                        + "of one region its own key, e.g. '" + backends.get(i).key() + "-ptu'");
        models = models == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(models));
        subscriptionRequired = subscriptionRequired == null ? Boolean.FALSE : subscriptionRequired;
        departmentRequired = departmentRequired == null ? Boolean.FALSE : departmentRequired;
        check.check(!departmentRequired || subscriptionRequired, "departmentRequired",
                "needs subscriptionRequired(true): without a subscription key no call belongs to a department");
        apiName = apiName == null ? OpenAiApi.API_NAME : apiName;
        check.matches("apiName", apiName, API_NAME, "1-80 letters, digits, . _ - starting with a letter or digit");
        path = path == null ? OpenAiApi.PATH : path;
        check.matches("path", path, PATH, "a URL suffix such as 'openai'");
        if (check.require("tenantId", tenantId)) check.guid("tenantId", tenantId);
        check.require("audienceAppId", audienceAppId);
        acceptedScopes = acceptedScopes == null ? DefaultPolicy.DEFAULT_ACCEPTED_SCOPES : List.copyOf(acceptedScopes);
        acceptedRoles = acceptedRoles == null ? DefaultPolicy.DEFAULT_ACCEPTED_ROLES : List.copyOf(acceptedRoles);
        DefaultPolicy.checkAcceptedClaims(check, acceptedScopes, acceptedRoles);
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        for (int i = 0; i < corsOrigins.size(); i++)
            check.matches("corsOrigins[" + i + "]", corsOrigins.get(i), ORIGIN, "* or an origin scheme://host[:port] without a path");
        if (check.require("tokensPerMinutePerUser", tokensPerMinutePerUser))
            check.check(tokensPerMinutePerUser > 0, "tokensPerMinutePerUser", "must be > 0, got " + tokensPerMinutePerUser);
        circuitBreakerTripCount = circuitBreakerTripCount == null ? OpenAiApi.DEFAULT_TRIP_COUNT : circuitBreakerTripCount;
        check.between("circuitBreakerTripCount", circuitBreakerTripCount, 1, OpenAiApi.MAX_TRIP_COUNT);
        check.check(usageLoggerId == null || !usageLoggerId.isBlank(), "usageLoggerId",
                "must name an API Management Event Hub logger; leave it unset to send the usage records to Application Insights only");
        check.require("azapi", azapi);
        check.throwIfAny();
    }

    /** @return a builder for {@link OpenAiApiProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link OpenAiApiProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private IApiManagement apiManagement;
        private List<OpenAiBackend> backends;
        private Map<String, String> models;
        private Boolean subscriptionRequired;
        private Boolean departmentRequired;
        private String apiName;
        private String path;
        private String tenantId;
        private String audienceAppId;
        private List<String> acceptedScopes;
        private List<String> acceptedRoles;
        private List<String> corsOrigins;
        private Integer tokensPerMinutePerUser;
        private Integer circuitBreakerTripCount;
        private String usageLoggerId;
        private String loggerId;
        private TerraformProvider azapi;

        private Builder() {}

        /**
         * Sets {@link OpenAiApiProps#apiManagement()}.
         *
         * @param apiManagement the value
         * @return this builder
         */
        public Builder apiManagement(IApiManagement apiManagement) { this.apiManagement = apiManagement; return this; }

        /**
         * Sets {@link OpenAiApiProps#backends()}.
         *
         * @param backends the value
         * @return this builder
         */
        public Builder backends(List<OpenAiBackend> backends) { this.backends = backends; return this; }

        /**
         * Sets {@link OpenAiApiProps#models()}.
         *
         * @param models the value
         * @return this builder
         */
        public Builder models(Map<String, String> models) { this.models = models; return this; }

        /**
         * Sets {@link OpenAiApiProps#subscriptionRequired()}.
         *
         * @param subscriptionRequired the value
         * @return this builder
         */
        public Builder subscriptionRequired(Boolean subscriptionRequired) { this.subscriptionRequired = subscriptionRequired; return this; }

        /**
         * Sets {@link OpenAiApiProps#departmentRequired()}.
         *
         * @param departmentRequired the value
         * @return this builder
         */
        public Builder departmentRequired(Boolean departmentRequired) { this.departmentRequired = departmentRequired; return this; }

        /**
         * Sets {@link OpenAiApiProps#apiName()}.
         *
         * @param apiName the value
         * @return this builder
         */
        public Builder apiName(String apiName) { this.apiName = apiName; return this; }

        /**
         * Sets {@link OpenAiApiProps#path()}.
         *
         * @param path the value
         * @return this builder
         */
        public Builder path(String path) { this.path = path; return this; }

        /**
         * Sets {@link OpenAiApiProps#tenantId()}.
         *
         * @param tenantId the value
         * @return this builder
         */
        public Builder tenantId(String tenantId) { this.tenantId = tenantId; return this; }

        /**
         * Sets {@link OpenAiApiProps#audienceAppId()}.
         *
         * @param audienceAppId the value
         * @return this builder
         */
        public Builder audienceAppId(String audienceAppId) { this.audienceAppId = audienceAppId; return this; }

        /**
         * Sets {@link OpenAiApiProps#acceptedScopes()}.
         *
         * @param acceptedScopes the value
         * @return this builder
         */
        public Builder acceptedScopes(List<String> acceptedScopes) { this.acceptedScopes = acceptedScopes; return this; }

        /**
         * Sets {@link OpenAiApiProps#acceptedRoles()}.
         *
         * @param acceptedRoles the value
         * @return this builder
         */
        public Builder acceptedRoles(List<String> acceptedRoles) { this.acceptedRoles = acceptedRoles; return this; }

        /**
         * Sets {@link OpenAiApiProps#corsOrigins()}.
         *
         * @param corsOrigins the value
         * @return this builder
         */
        public Builder corsOrigins(List<String> corsOrigins) { this.corsOrigins = corsOrigins; return this; }

        /**
         * Sets {@link OpenAiApiProps#tokensPerMinutePerUser()}.
         *
         * @param tokensPerMinutePerUser the value
         * @return this builder
         */
        public Builder tokensPerMinutePerUser(Integer tokensPerMinutePerUser) { this.tokensPerMinutePerUser = tokensPerMinutePerUser; return this; }

        /**
         * Sets {@link OpenAiApiProps#circuitBreakerTripCount()}.
         *
         * @param circuitBreakerTripCount the value
         * @return this builder
         */
        public Builder circuitBreakerTripCount(Integer circuitBreakerTripCount) { this.circuitBreakerTripCount = circuitBreakerTripCount; return this; }

        /**
         * Sets {@link OpenAiApiProps#usageLoggerId()}.
         *
         * @param usageLoggerId the value
         * @return this builder
         */
        public Builder usageLoggerId(String usageLoggerId) { this.usageLoggerId = usageLoggerId; return this; }

        /**
         * Sets {@link OpenAiApiProps#loggerId()}.
         *
         * @param loggerId the value
         * @return this builder
         */
        public Builder loggerId(String loggerId) { this.loggerId = loggerId; return this; }

        /**
         * Sets {@link OpenAiApiProps#azapi()}.
         *
         * @param azapi the value
         * @return this builder
         */
        public Builder azapi(TerraformProvider azapi) { this.azapi = azapi; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public OpenAiApiProps build() { return new OpenAiApiProps(apiManagement, backends, models, subscriptionRequired, departmentRequired, apiName, path, tenantId, audienceAppId, acceptedScopes, acceptedRoles, corsOrigins, tokensPerMinutePerUser, circuitBreakerTripCount, usageLoggerId, loggerId, azapi); }
    }
}
