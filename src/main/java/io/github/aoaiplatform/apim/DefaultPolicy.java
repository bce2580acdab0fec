package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.apim.policy.AuthenticationManagedIdentity;
import io.github.aoaiplatform.apim.policy.Base;
import io.github.aoaiplatform.apim.policy.Choose;
import io.github.aoaiplatform.apim.policy.Cors;
import io.github.aoaiplatform.apim.policy.EmitMetric;
import io.github.aoaiplatform.apim.policy.EmitTokenMetric;
import io.github.aoaiplatform.apim.policy.ForwardRequest;
import io.github.aoaiplatform.apim.policy.GenericErrors;
import io.github.aoaiplatform.apim.policy.LlmFlavor;
import io.github.aoaiplatform.apim.policy.LlmTokenLimit;
import io.github.aoaiplatform.apim.policy.LogToEventHub;
import io.github.aoaiplatform.apim.policy.MetricDimension;
import io.github.aoaiplatform.apim.policy.PolicyDocument;
import io.github.aoaiplatform.apim.policy.PolicyElement;
import io.github.aoaiplatform.apim.policy.Retry;
import io.github.aoaiplatform.apim.policy.SetBackendService;
import io.github.aoaiplatform.apim.policy.SetBody;
import io.github.aoaiplatform.apim.policy.SetVariable;
import io.github.aoaiplatform.apim.policy.SetHeader;
import io.github.aoaiplatform.apim.policy.SetVariable;
import io.github.aoaiplatform.apim.policy.Trace;
import io.github.aoaiplatform.apim.policy.ValidateAzureAdToken;
import io.github.aoaiplatform.identity.EntraApiApplicationProps;
import io.github.aoaiplatform.openai.DeploymentOptions;

import io.github.aoaiplatform.core.PropsCheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Azure OpenAI API's policy, composed only from the typed policy model. Inbound, in this order:
 * <ol>
 *   <li>{@code cors} for the configured origins (omitted when there are none): {@link #CORS_ALLOWED_HEADERS} (and
 *       the subscription key header when keys are required), {@link #CORS_ALLOWED_METHODS},
 *       {@link #CORS_EXPOSED_HEADERS}, preflight cached {@value #CORS_PREFLIGHT_MAX_AGE_SECONDS} s;</li>
 *   <li>{@code validate-azure-ad-token}: tenant, audiences {@code api://<app id>} and {@code <app id>} (v1 and v2
 *       tokens), the token kept in {@value #JWT_VARIABLE}. There is no option to leave it out: every request the
 *       gateway forwards carries a validated Entra ID token;</li>
 *   <li>a {@code choose} answering 403 {@value #SCOPE_OR_ROLE_MISSING} unless the token's {@code scp} holds one of
 *       {@link Props#acceptedScopes()} or its {@code roles} one of {@link Props#acceptedRoles()};</li>
 *   <li>{@code set-variable} {@value #DEPLOYMENT_VARIABLE}: which deployment the call is for, resolved once
 *       ({@link #deploymentResolution(Props)}) from the {@code deployment-id} path parameter, else the body's {@code model}
 *       (JSON, or the form field of a multipart upload: the v1 form), mapped to a configured deployment,
 *       {@value #OTHER_DEPLOYMENT} or {@value #NO_DEPLOYMENT}; everything after reads it through
 *       {@link #DEPLOYMENT_EXPRESSION};</li>
 *   <li>{@code <base/>}: the product (department) policies run here, after the token is validated, so they can key
 *       per-user limits on its {@code oid}, check its groups and client app, and allow-list deployments;</li>
 *   <li>with {@link Props#departmentRequired()}, a {@code choose} answering 403 {@value #NO_DEPARTMENT} when no
 *       department policy ran (the subscription belongs to no department);</li>
 *   <li>{@code set-variable} {@value #STREAM_VARIABLE}: whether the JSON body asks for {@code "stream": true}; for
 *       streamed (chat) completions a {@code set-body} then sets {@code stream_options.include_usage: true}, keeping
 *       the rest of the body, so that the final chunk reports the tokens the limits, metrics and usage records count;</li>
 *   <li>{@code azure-openai-token-limit}: tokens per minute per caller (the token's {@code oid});</li>
 *   <li>{@code azure-openai-emit-token-metric}: the chargeback dimensions {@link #METRIC_DIMENSIONS}, each from a closed
 *       configured set (APIM allows 10 dimensions);</li>
 *   <li>routing: {@code set-backend-service} to the deployment's pool when two or more accounts serve it, to its single
 *       account's backend otherwise, and to the default (primary region) backend for {@value #OTHER_DEPLOYMENT} and
 *       {@value #NO_DEPLOYMENT} (files, batches and stored responses live on that account; with
 *       {@link Props#tenantBackends()}: to the backend a product named in {@value #TENANT_BACKEND_VARIABLE}, when set);</li>
 *   <li>{@code authentication-managed-identity} with the gateway identity's client id (named value) and
 *       {@code Authorization: Bearer} from it; a client-sent {@code api-key} header is removed (no keys reach Azure
 *       OpenAI, whose local auth is off anyway). With {@link Props#backendTokensFromProducts()}, the token a product
 *       policy left in {@value #BACKEND_TOKEN_VARIABLE} (its tenant's account in another Entra tenant) is sent instead
 *       when it is set.</li>
 * </ol>
 * Backend: for deployments served by a pool of n backends, {@code retry} on 429, 5xx and transport failures (no
 * response) with count n − 1, interval 0 and first-fast-retry, around {@code set-backend-service} to the pool (so every
 * attempt selects a pool member again, skipping tripped ones) and {@code forward-request} with a buffered body; a single
 * backend gets only {@code forward-request} (no pointless retry against the same backend). Streamed calls are
 * forwarded with {@code buffer-response="false"}, every other call buffered.
 * Outbound: base, the response's {@code usage} kept in {@value #USAGE_VARIABLE} (not for streams), the
 * {@value #CACHED_PROMPT_TOKENS_METRIC} metric from it, then one JSON usage record per call ({@link #USAGE_RECORD_FIELDS};
 * the per-caller token limit keeps the tokens the call consumed in {@value #TOKENS_CONSUMED_VARIABLE}): a {@code trace}
 * to Application Insights always, and {@code log-to-eventhub} when a usage logger is given ({@link Props#usageLoggerId()}).
 * On-error: the usage record, then {@link GenericErrors#onErrorSection()}. Rejections the gateway answers itself with
 * {@code return-response} write their usage record first.
 */
public final class DefaultPolicy {
    private DefaultPolicy() {}

    /** The validated token's variable. */
    public static final String JWT_VARIABLE = "jwt";
    /** The managed identity token's variable. */
    public static final String MSI_TOKEN_VARIABLE = "msi-access-token";
    /**
     * The variable in which a product (tenant) policy leaves the token for its tenant's own account in another Entra
     * tenant; with {@link Props#backendTokensFromProducts()} the API sends it instead of the gateway identity's.
     */
    public static final String BACKEND_TOKEN_VARIABLE = "backend-access-token";
    /**
     * The variable in which a product (tenant) policy names the backend of its own account; with
     * {@link Props#tenantBackends()} calls routed to no deployment (files, batches) go there instead of the default.
     */
    public static final String TENANT_BACKEND_VARIABLE = "tenant-backend-id";
    /** The header that reports the caller's remaining tokens this minute. */
    public static final String REMAINING_TOKENS_HEADER = "x-gateway-remaining-tokens";
    /** Custom metric namespace of the token metrics. */
    public static final String METRIC_NAMESPACE = "aoai-platform";
    /** The variable that holds the call's deployment, set once in inbound ({@link #deploymentResolution(Props)}). */
    public static final String DEPLOYMENT_VARIABLE = "deployment";
    /** The deployment value of a call that names a deployment no route serves. */
    public static final String OTHER_DEPLOYMENT = "other";
    /** The deployment value of a call that names no deployment at all (files, batches, stored responses). */
    public static final String NO_DEPLOYMENT = "none";
    /**
     * The call's deployment (a C# expression): a configured deployment name, {@value #OTHER_DEPLOYMENT} or
     * {@value #NO_DEPLOYMENT}, read from {@value #DEPLOYMENT_VARIABLE}. Routing, retries, department allow-lists, metrics
     * and usage records all key on it, so none of them sees a caller-chosen value.
     */
    public static final String DEPLOYMENT_EXPRESSION = "context.Variables.GetValueOrDefault<string>(\"" + DEPLOYMENT_VARIABLE
            + "\", \"" + NO_DEPLOYMENT + "\")";
    /**
     * A multipart form's {@code model} field (the v1 audio and image-edit uploads): the value after the part's headers.
     * A C# string literal.
     */
    static final String MULTIPART_MODEL_FIELD = "\"name=\\\"model\\\"[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([^\\r\\n]*)\"";
    /**
     * The validated token, or null where there is none (on-error after a failed validation, a product policy on another
     * API): a C# expression that never throws.
     */
    static final String JWT = "(context.Variables.ContainsKey(\"" + JWT_VARIABLE + "\") ? context.Variables[\"" + JWT_VARIABLE
            + "\"] as Jwt : null)";
    /** The caller's object id, or {@code anonymous} (a C# expression). */
    static final String USER = "(" + JWT + "?.Claims.GetValueOrDefault(\"oid\", \"anonymous\") ?? \"anonymous\")";
    /** The caller's object id, or {@code anonymous}. */
    public static final String USER_EXPRESSION = "@(" + USER + ")";
    /** The variable that says whether the call streams: {@code "stream": true} in its JSON body. */
    public static final String STREAM_VARIABLE = "stream";
    /** The value of {@value #STREAM_VARIABLE}: false for bodies that are not JSON or do not parse (never throws). */
    static final String STREAM_DETECTION = """
            @{
                if (!context.Request.Headers.GetValueOrDefault("Content-Type", "").Contains("json")) { return false; }
                try {
                    var stream = context.Request.Body.As<JObject>(preserveContent: true)["stream"];
                    return stream != null && stream.Type == JTokenType.Boolean && stream.Value<bool>();
                } catch (Exception) {
                    return false;
                }
            }""";
    /** Whether the call streams: a C# condition that reads {@value #STREAM_VARIABLE} type-safely (false when unset). */
    static final String STREAMING = "(context.Variables.ContainsKey(\"" + STREAM_VARIABLE + "\") && context.Variables[\"" + STREAM_VARIABLE
            + "\"] is bool && (bool)context.Variables[\"" + STREAM_VARIABLE + "\"])";
    /**
     * The request body of a streamed (chat) completion with {@code stream_options.include_usage: true}, the rest kept:
     * only then does the final chunk carry {@code usage}, which the token limits, the token metrics and the usage
     * record count. Set even when the client sent {@code false}: the limits must not depend on the client's choice.
     */
    static final String INCLUDE_USAGE_BODY = """
            @{
                var body = context.Request.Body.As<JObject>(preserveContent: true);
                var options = body["stream_options"] as JObject ?? new JObject();
                options["include_usage"] = true;
                body["stream_options"] = options;
                return body.ToString(Newtonsoft.Json.Formatting.None);
            }""";

    /** The variable in which a department's product policy names the department (see {@link Props#departmentRequired()}). */
    public static final String DEPARTMENT_VARIABLE = "department";
    /** Error code of a token with none of the accepted scopes and app roles (403). */
    public static final String SCOPE_OR_ROLE_MISSING = "ScopeOrRoleMissing";
    /** Error code of a subscription that belongs to no department (403). */
    public static final String NO_DEPARTMENT = "NoDepartment";
    /** Accepted delegated scopes unless configured: the API app's default scope. */
    public static final List<String> DEFAULT_ACCEPTED_SCOPES = List.of(EntraApiApplicationProps.DEFAULT_SCOPE_NAME);
    /** Accepted app roles unless configured: the API app's default role. */
    public static final List<String> DEFAULT_ACCEPTED_ROLES = List.of(EntraApiApplicationProps.DEFAULT_APP_ROLE);

    /**
     * The rules on accepted scopes and roles, shared by every props that carries them: values an app registration
     * accepts, and at least one scope or role (else any token of the tenant for the audience would pass).
     *
     * @param check  the props check to add problems to
     * @param scopes the accepted scopes
     * @param roles  the accepted roles
     */
    public static void checkAcceptedClaims(PropsCheck check, List<String> scopes, List<String> roles) {
        check.check(!scopes.isEmpty() || !roles.isEmpty(), "acceptedScopes",
                "and acceptedRoles are both empty, so any token issued for the API would pass; accept at least one scope or app role");
        for (int i = 0; i < scopes.size(); i++)
            check.check(EntraApiApplicationProps.isValidValue(scopes.get(i)), "acceptedScopes[" + i + "]",
                    "'" + scopes.get(i) + "' must be " + EntraApiApplicationProps.VALUE_RULE);
        for (int i = 0; i < roles.size(); i++)
            check.check(EntraApiApplicationProps.isValidValue(roles.get(i)), "acceptedRoles[" + i + "]",
                    "'" + roles.get(i) + "' must be " + EntraApiApplicationProps.VALUE_RULE);
    }

    /** The variable in which the per-caller token limit keeps the tokens a call consumed (only with a usage logger). */
    public static final String TOKENS_CONSUMED_VARIABLE = "tokens-consumed";

    /**
     * The token metrics' dimensions, in order: what every chargeback report groups by. A public contract. Each value comes
     * from a closed set the operator configures (the API, the service's products, the routes' models and deployments), so
     * the active series stay at (departments + 1) × (models + 1) × (deployments + 2) per API; per-user and per-app figures
     * are in the usage records, not here (an object id per user would multiply the series without bound).
     */
    public static final List<String> METRIC_DIMENSIONS = List.of(MetricDimension.API_ID, "Department", "Model", "Deployment");
    /** The department of a call (a C# expression). */
    static final String DEPARTMENT = "context.Product?.Id ?? \"none\"";
    /** The department of a call: its product id (departments are products), or {@code none}. */
    public static final String DEPARTMENT_EXPRESSION = "@(" + DEPARTMENT + ")";
    /** The caller's client application id (a C# expression). */
    static final String APP = "(" + JWT + "?.Claims.GetValueOrDefault(\"azp\", " + JWT
            + "?.Claims.GetValueOrDefault(\"appid\", \"unknown\")) ?? \"unknown\")";

    /** The fields of a usage record, in order: what consumers of the usage Event Hub read. A public contract. */
    public static final List<String> USAGE_RECORD_FIELDS = List.of("timestamp", "requestId", "department", "subscriptionId",
            "user", "app", "deployment", "model", "backend", "stream", "promptTokens", "completionTokens", "cachedPromptTokens",
            "totalTokens", "statusCode", "reason");
    /** The variable in which outbound keeps the response's {@code usage} object as JSON text (empty when unknown). */
    public static final String USAGE_VARIABLE = "usage";
    /** The custom metric of cached prompt tokens (a part of the prompt tokens), with the token metrics' dimensions. */
    public static final String CACHED_PROMPT_TOKENS_METRIC = "Cached Prompt Tokens";
    /** Statements that declare {@code usage}: the JObject kept in {@value #USAGE_VARIABLE}, or null (read type-safely). */
    static final String READ_USAGE = "    var usageText = context.Variables.GetValueOrDefault<object>(\"" + USAGE_VARIABLE + "\", null) as string;\n"
            + "    var usage = string.IsNullOrEmpty(usageText) ? null : JObject.Parse(usageText);";
    /** The cached prompt tokens of {@code usage} (chat and completions, or the Responses API's names), a JToken or null. */
    static final String CACHED_TOKENS = "(usage?[\"prompt_tokens_details\"]?[\"cached_tokens\"] ?? usage?[\"input_tokens_details\"]?[\"cached_tokens\"])";
    /** The value of {@value #USAGE_VARIABLE}. */
    static final String USAGE_CAPTURE = """
            @{
                if (%s || context.Response == null || context.Response.StatusCode >= 300
                        || !context.Response.Headers.GetValueOrDefault("Content-Type", "").Contains("json")) { return ""; }
                try {
                    var usage = context.Response.Body.As<JObject>(preserveContent: true)["usage"] as JObject;
                    return usage == null ? "" : usage.ToString(Newtonsoft.Json.Formatting.None);
                } catch (Exception) {
                    return "";
                }
            }""".formatted(STREAMING);


    /**
     * Where a deployment's requests go.
     *
     * @param backendId    the APIM backend or pool name.
     * @param backendCount how many backends serve it (1 for a plain backend, the pool size for a pool).
     * @param model        the model it serves (the Model metric dimension); Defaults to: unknown.
     */
    public record Route(String backendId, int backendCount, String model) {
        /**
         * Validates and fills defaults; see the record's components.
         *
         * @param backendId    see {@link #backendId()}
         * @param backendCount see {@link #backendCount()}
         * @param model        see {@link #model()}
         */
        public Route {
            PropsCheck check = PropsCheck.of("DefaultPolicy.Route");
            check.require("backendId", backendId);
            check.between("backendCount", backendCount, 1, Retry.MAX_COUNT + 1);
            model = model == null ? "unknown" : model;
            check.throwIfAny();
        }
    }

    /**
     * @param tenantId               Entra ID tenant whose tokens are accepted. Required.
     * @param audienceAppId          the API app's client id (audiences {@code api://<id>} and {@code <id>}). Required.
     * @param acceptedScopes         delegated scopes of which the token's {@code scp} must hold one, unless its
     *                               {@code roles} hold one of {@code acceptedRoles}; Defaults to:
     *                               {@link #DEFAULT_ACCEPTED_SCOPES} ([chat]).
     * @param acceptedRoles          app roles of which the token's {@code roles} must hold one, unless its {@code scp}
     *                               holds one of {@code acceptedScopes}; at least one scope or role. Defaults to:
     *                               {@link #DEFAULT_ACCEPTED_ROLES} ([Chat.Invoke]).
     * @param corsOrigins            CORS origins; Defaults to: none (no cors element).
     * @param subscriptionRequired   callers also send an API Management subscription key ({@code Ocp-Apim-Subscription-Key},
     *                               then an allowed CORS header); Defaults to: false.
     * @param departmentRequired     answer 403 to calls whose subscription belongs to no {@link Department} (its product
     *                               policy marks the call in {@value #DEPARTMENT_VARIABLE}), such as API Management's
     *                               built-in all-access subscription; Defaults to: false.
     * @param tokensPerMinutePerUser per-caller token limit. Must be &gt; 0.
     * @param routes                 deployment name to its route. Defaults to: none.
     * @param defaultBackendId       backend for deployments not in {@code routes}. Required.
     * @param identityClientId       the gateway identity's client id: a GUID or named value such as {@code {{uami-client-id}}}. Required.
     * @param usageLoggerId          id (name) of an API Management Event Hub logger that receives one usage record per call
     *                               ({@code log-to-eventhub}) besides Application Insights; Defaults to: none (records go to Application Insights only).
     * @param backendTokensFromProducts some product policy leaves a backend token in {@value #BACKEND_TOKEN_VARIABLE}
     *                               (a tenant's account in another Entra tenant): send it when set, the gateway identity's
     *                               otherwise; Defaults to: false (always the gateway identity's).
     * @param tenantBackends         some product policy names its own account's backend in {@value #TENANT_BACKEND_VARIABLE}:
     *                               calls for no routed deployment (files, batches) go there when it is set; Defaults to:
     *                               false (they go to {@code defaultBackendId}).
     */
    public record Props(String tenantId, String audienceAppId, List<String> acceptedScopes,
                        List<String> acceptedRoles, List<String> corsOrigins, Boolean subscriptionRequired,
                        Boolean departmentRequired, int tokensPerMinutePerUser, Map<String, Route> routes,
                        String defaultBackendId, String identityClientId, String usageLoggerId,
                        Boolean backendTokensFromProducts, Boolean tenantBackends) {
        /**
         * Validates every field, fills defaults and copies collections; see the record's components.
         *
         * @param tenantId               see {@link #tenantId()}
         * @param audienceAppId          see {@link #audienceAppId()}
         * @param acceptedScopes see {@link #acceptedScopes()}
         * @param acceptedRoles see {@link #acceptedRoles()}
         * @param corsOrigins            see {@link #corsOrigins()}
         * @param subscriptionRequired see {@link #subscriptionRequired()}
         * @param departmentRequired see {@link #departmentRequired()}
         * @param tokensPerMinutePerUser see {@link #tokensPerMinutePerUser()}
         * @param routes                 see {@link #routes()}
         * @param defaultBackendId       see {@link #defaultBackendId()}
         * @param identityClientId       see {@link #identityClientId()}
         * @param usageLoggerId          see {@link #usageLoggerId()}
         * @param backendTokensFromProducts see {@link #backendTokensFromProducts()}
         * @param tenantBackends see {@link #tenantBackends()}
         */
        public Props {
            PropsCheck check = PropsCheck.of("DefaultPolicy.Props");
            check.require("tenantId", tenantId);            // every request's token is validated against it
            check.require("audienceAppId", audienceAppId);  // tokens must be issued for the platform's API app
            acceptedScopes = acceptedScopes == null ? DEFAULT_ACCEPTED_SCOPES : List.copyOf(acceptedScopes);
            acceptedRoles = acceptedRoles == null ? DEFAULT_ACCEPTED_ROLES : List.copyOf(acceptedRoles);
            checkAcceptedClaims(check, acceptedScopes, acceptedRoles);
            departmentRequired = departmentRequired == null ? Boolean.FALSE : departmentRequired;
            corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
            subscriptionRequired = subscriptionRequired == null ? Boolean.FALSE : subscriptionRequired;
            check.check(tokensPerMinutePerUser > 0, "tokensPerMinutePerUser", "must be > 0, got " + tokensPerMinutePerUser);
            routes = routes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(routes));
            for (String d : routes.keySet())
                check.matches("routes", d, DeploymentOptions.NAME, "a deployment name of 1-64 letters, digits, . _ -");
            check.require("defaultBackendId", defaultBackendId);
            check.require("identityClientId", identityClientId);
            check.check(usageLoggerId == null || !usageLoggerId.isBlank(), "usageLoggerId",
                    "must name an API Management Event Hub logger; leave it unset to send the usage records to Application Insights only");
            backendTokensFromProducts = backendTokensFromProducts == null ? Boolean.FALSE : backendTokensFromProducts;
            tenantBackends = tenantBackends == null ? Boolean.FALSE : tenantBackends;
            check.throwIfAny();
        }

        /** @return a builder for {@link Props}; required fields are checked by {@link Builder#build()} */
        public static Builder builder() { return new Builder(); }

        /** Builds {@link Props}: one setter per component, defaults and validation in the record. */
        public static final class Builder {
            private String tenantId;
            private String audienceAppId;
            private List<String> acceptedScopes;
            private List<String> acceptedRoles;
            private List<String> corsOrigins;
            private Boolean subscriptionRequired;
            private Boolean departmentRequired;
            private int tokensPerMinutePerUser;
            private Map<String, Route> routes;
            private String defaultBackendId;
            private String identityClientId;
            private String usageLoggerId;
            private Boolean backendTokensFromProducts;
            private Boolean tenantBackends;

            private Builder() {}

            /**
             * Sets {@link Props#tenantId()}.
             *
             * @param tenantId the value
             * @return this builder
             */
            public Builder tenantId(String tenantId) { this.tenantId = tenantId; return this; }

            /**
             * Sets {@link Props#audienceAppId()}.
             *
             * @param audienceAppId the value
             * @return this builder
             */
            public Builder audienceAppId(String audienceAppId) { this.audienceAppId = audienceAppId; return this; }

            /**
             * Sets {@link Props#acceptedScopes()}.
             *
             * @param acceptedScopes the value
             * @return this builder
             */
            public Builder acceptedScopes(List<String> acceptedScopes) { this.acceptedScopes = acceptedScopes; return this; }

            /**
             * Sets {@link Props#acceptedRoles()}.
             *
             * @param acceptedRoles the value
             * @return this builder
             */
            public Builder acceptedRoles(List<String> acceptedRoles) { this.acceptedRoles = acceptedRoles; return this; }

            /**
             * Sets {@link Props#corsOrigins()}.
             *
             * @param corsOrigins the value
             * @return this builder
             */
            public Builder corsOrigins(List<String> corsOrigins) { this.corsOrigins = corsOrigins; return this; }

            /**
             * Sets {@link Props#subscriptionRequired()}.
             *
             * @param subscriptionRequired the value
             * @return this builder
             */
            public Builder subscriptionRequired(Boolean subscriptionRequired) { this.subscriptionRequired = subscriptionRequired; return this; }

            /**
             * Sets {@link Props#departmentRequired()}.
             *
             * @param departmentRequired the value
             * @return this builder
             */
            public Builder departmentRequired(Boolean departmentRequired) { this.departmentRequired = departmentRequired; return this; }

            /**
             * Sets {@link Props#tokensPerMinutePerUser()}.
             *
             * @param tokensPerMinutePerUser the value
             * @return this builder
             */
            public Builder tokensPerMinutePerUser(int tokensPerMinutePerUser) { this.tokensPerMinutePerUser = tokensPerMinutePerUser; return this; }

            /**
             * Sets {@link Props#routes()}.
             *
             * @param routes the value
             * @return this builder
             */
            public Builder routes(Map<String, Route> routes) { this.routes = routes; return this; }

            /**
             * Sets {@link Props#defaultBackendId()}.
             *
             * @param defaultBackendId the value
             * @return this builder
             */
            public Builder defaultBackendId(String defaultBackendId) { this.defaultBackendId = defaultBackendId; return this; }

            /**
             * Sets {@link Props#identityClientId()}.
             *
             * @param identityClientId the value
             * @return this builder
             */
            public Builder identityClientId(String identityClientId) { this.identityClientId = identityClientId; return this; }

            /**
             * Sets {@link Props#usageLoggerId()}.
             *
             * @param usageLoggerId the value
             * @return this builder
             */
            public Builder usageLoggerId(String usageLoggerId) { this.usageLoggerId = usageLoggerId; return this; }

            /**
             * Sets {@link Props#backendTokensFromProducts()}.
             *
             * @param backendTokensFromProducts the value
             * @return this builder
             */
            public Builder backendTokensFromProducts(Boolean backendTokensFromProducts) { this.backendTokensFromProducts = backendTokensFromProducts; return this; }

            /**
             * Sets {@link Props#tenantBackends()}.
             *
             * @param tenantBackends the value
             * @return this builder
             */
            public Builder tenantBackends(Boolean tenantBackends) { this.tenantBackends = tenantBackends; return this; }

            /**
             * @return the validated, immutable props
             * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
             */
            public Props build() { return new Props(tenantId, audienceAppId, acceptedScopes, acceptedRoles, corsOrigins, subscriptionRequired, departmentRequired, tokensPerMinutePerUser, routes, defaultBackendId, identityClientId, usageLoggerId, backendTokensFromProducts, tenantBackends); }
        }
    }

    /**
     * The policy document.
     *
     * @param p the policy's settings and routes
     * @return the policy
     */
    public static PolicyDocument document(Props p) {
        List<PolicyElement> inbound = new ArrayList<>();
        if (!p.corsOrigins().isEmpty()) inbound.add(cors(p));
        inbound.add(tokenValidation(p));
        inbound.add(scopeOrRoleCheck(p));
        inbound.add(deploymentResolution(p));
        inbound.add(Base.INSTANCE);
        if (p.departmentRequired()) inbound.add(departmentCheck(p));
        inbound.add(SetVariable.of(STREAM_VARIABLE, STREAM_DETECTION));
        inbound.add(Choose.builder().when("@(" + STREAMING + " && context.Request.Url.Path.EndsWith(\"/completions\"))",
                SetBody.of(INCLUDE_USAGE_BODY)).build());
        var userLimit = LlmTokenLimit.builder(LlmFlavor.AZURE_OPENAI, USER_EXPRESSION)
                .tokensPerMinute(p.tokensPerMinutePerUser())
                .estimatePromptTokens(false)
                .remainingTokensHeaderName(REMAINING_TOKENS_HEADER);
        userLimit.tokensConsumedVariableName(TOKENS_CONSUMED_VARIABLE);
        inbound.add(userLimit.build());
        inbound.add(EmitTokenMetric.builder(LlmFlavor.AZURE_OPENAI, METRIC_NAMESPACE).dimensions(metricDimensions(p)).build());
        inbound.add(routing(p));
        var identity = AuthenticationManagedIdentity.builder()
                .resource(AuthenticationManagedIdentity.COGNITIVE_SERVICES_RESOURCE)
                .clientId(p.identityClientId())
                .outputTokenVariableName(MSI_TOKEN_VARIABLE)
                .build();
        if (p.backendTokensFromProducts())
            inbound.add(Choose.builder()
                    .when("@(context.Variables.ContainsKey(\"" + BACKEND_TOKEN_VARIABLE + "\"))", SetHeader.bearerTokenFromVariable(BACKEND_TOKEN_VARIABLE))
                    .otherwise(identity, SetHeader.bearerTokenFromVariable(MSI_TOKEN_VARIABLE))
                    .build());
        else {
            inbound.add(identity);
            inbound.add(SetHeader.bearerTokenFromVariable(MSI_TOKEN_VARIABLE));
        }
        inbound.add(SetHeader.delete("api-key"));

        return PolicyDocument.builder()
                .inbound(inbound)
                .backend(forwarding(p))
                .outbound(outbound(p))
                .onError(onError(p))
                .build();
    }

    /** The dimensions of the token metrics and of {@value #CACHED_PROMPT_TOKENS_METRIC}: {@link #METRIC_DIMENSIONS}. */
    static List<MetricDimension> metricDimensions(Props p) {
        return List.of(MetricDimension.of(MetricDimension.API_ID),
                MetricDimension.of("Department", DEPARTMENT_EXPRESSION),
                MetricDimension.of("Model", byDeployment(p, Route::model, "unknown")),
                MetricDimension.of("Deployment", "@(" + DEPLOYMENT_EXPRESSION + ")"));
    }

    /**
     * The request headers browser apps may send: the Entra token and JSON body, the Azure SDKs' request id and user agent
     * (browsers forbid setting User-Agent, so the Azure SDKs send {@code x-ms-useragent}), and the {@code x-stainless-*}
     * platform headers that the OpenAI SDKs ({@code openai} for JavaScript, {@code AzureOpenAI} included) send on every
     * request. Not {@code api-key} (Azure OpenAI keys never pass the gateway) nor {@code OpenAI-Organization} /
     * {@code OpenAI-Project} (sent only when configured, and meaningless to Azure OpenAI). {@code Accept} needs no listing
     * (a CORS-safelisted header).
     */
    public static final List<String> CORS_ALLOWED_HEADERS = List.of("Authorization", "Content-Type", "x-ms-client-request-id",
            "x-ms-useragent", "x-stainless-arch", "x-stainless-lang", "x-stainless-os", "x-stainless-package-version",
            "x-stainless-retry-count", "x-stainless-runtime", "x-stainless-runtime-version", "x-stainless-timeout");
    /** The subscription key header, allowed by CORS when the API requires keys. */
    public static final String SUBSCRIPTION_KEY_HEADER = "Ocp-Apim-Subscription-Key";
    /** The response headers browser apps may read: when to retry, and the token budget left to the caller and department. */
    public static final List<String> CORS_EXPOSED_HEADERS = List.of("Retry-After", REMAINING_TOKENS_HEADER,
            DepartmentPolicy.REMAINING_QUOTA_HEADER);
    /** The methods browser apps may use: those of the API's operations (DELETE for stored responses and files). */
    public static final List<String> CORS_ALLOWED_METHODS = List.of("GET", "POST", "DELETE", "OPTIONS");
    /** How long browsers may cache a preflight answer: ten minutes, so a changed CORS setting reaches them soon. */
    public static final int CORS_PREFLIGHT_MAX_AGE_SECONDS = 600;

    private static Cors cors(Props p) {
        List<String> headers = new ArrayList<>(CORS_ALLOWED_HEADERS);
        if (p.subscriptionRequired()) headers.add(SUBSCRIPTION_KEY_HEADER);
        return Cors.builder().allowedOrigins(p.corsOrigins())
                .allowedMethods(CORS_ALLOWED_METHODS.toArray(String[]::new))
                .allowedHeaders(headers)
                .exposeHeaders(CORS_EXPOSED_HEADERS.toArray(String[]::new))
                .preflightResultMaxAge(CORS_PREFLIGHT_MAX_AGE_SECONDS)
                .build();
    }

    /**
     * The usage record: a policy expression building one JSON object with {@link #USAGE_RECORD_FIELDS} (Newtonsoft
     * {@code JObject}, so claim values are escaped). Model and backend are mapped from the deployment like the metric
     * dimensions; {@code stream} and the token counts are read type-safely (never a cast that could throw):
     * {@code totalTokens} is what the per-caller token limit counted (0 when unknown, streams included), prompt,
     * completion and cached prompt tokens come from the response's {@code usage} ({@value #USAGE_VARIABLE}; null for
     * streams, whose body the gateway does not buffer, and for rejected calls).
     *
     * @param p          the policy's settings
     * @param statusCode the status the caller gets (a C# expression)
     * @param reason     why the gateway rejected or failed the call, null for forwarded calls (a C# expression)
     * @return the expression
     */
    static String usageRecord(Props p, String statusCode, String reason) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("timestamp", "DateTime.UtcNow.ToString(\"o\")");
        fields.put("requestId", "context.RequestId.ToString()");
        fields.put("department", DEPARTMENT);
        fields.put("subscriptionId", "context.Subscription?.Id");
        fields.put("user", USER);
        fields.put("app", APP);
        fields.put("deployment", DEPLOYMENT_EXPRESSION);
        fields.put("model", byDeploymentExpression(p, Route::model, "unknown"));
        fields.put("backend", byDeploymentExpression(p, Route::backendId, p.defaultBackendId()));
        fields.put("stream", STREAMING);
        fields.put("promptTokens", "(long?)(usage?[\"prompt_tokens\"] ?? usage?[\"input_tokens\"])");
        fields.put("completionTokens", "(long?)(usage?[\"completion_tokens\"] ?? usage?[\"output_tokens\"])");
        fields.put("cachedPromptTokens", "(long?)" + CACHED_TOKENS);
        fields.put("totalTokens", "long.TryParse(Convert.ToString(context.Variables.GetValueOrDefault<object>(\"" + TOKENS_CONSUMED_VARIABLE
                + "\", null)), out consumed) ? consumed : 0L");
        fields.put("statusCode", statusCode);
        fields.put("reason", reason);
        if (!List.copyOf(fields.keySet()).equals(USAGE_RECORD_FIELDS)) throw new IllegalStateException("usage record fields out of sync");
        return "@{\n" + READ_USAGE + "\n    long consumed;\n    return new JObject(\n" + fields.entrySet().stream()
                .map(e -> "        new JProperty(\"" + e.getKey() + "\", " + e.getValue() + ")")
                .collect(Collectors.joining(",\n")) + ").ToString(Newtonsoft.Json.Formatting.None);\n}";
    }

    /** The variable holding the call's usage record (JSON text) while it is written. */
    public static final String USAGE_RECORD_VARIABLE = "usage-record";
    /** The {@code trace} source of usage records in Application Insights. */
    public static final String USAGE_TRACE_SOURCE = "aoai-usage";
    /**
     * The custom property (and its value) that marks a usage record among the traces in Application Insights
     * ({@code AppTraces | where Properties.aoaiRecord == "usage"}).
     */
    public static final String USAGE_TRACE_MARKER = "aoaiRecord";

    /**
     * One usage record, built once into {@value #USAGE_RECORD_VARIABLE}, then a {@code trace} of it to Application
     * Insights (the API's diagnostic logs information traces, so every record reaches the workspace's {@code AppTraces}
     * table, where the per-user chargeback reads it) and, with a usage logger, {@code log-to-eventhub} of the same text.
     */
    private static List<PolicyElement> usageLog(Props p, String statusCode, String reason) {
        String record = "@((string)context.Variables[\"" + USAGE_RECORD_VARIABLE + "\"])";
        List<PolicyElement> log = new ArrayList<>();
        log.add(SetVariable.of(USAGE_RECORD_VARIABLE, usageRecord(p, statusCode, reason)));
        log.add(Trace.builder(USAGE_TRACE_SOURCE, record).severity(Trace.Severity.INFORMATION).metadata(USAGE_TRACE_MARKER, "usage").build());
        if (p.usageLoggerId() != null) log.add(LogToEventHub.builder(p.usageLoggerId(), record).build());
        return log;
    }

    /**
     * The outbound section: the response's {@code usage} kept in {@value #USAGE_VARIABLE} (JSON text, empty for streams,
     * errors and non-JSON responses; never throws), its cached prompt tokens as the {@value #CACHED_PROMPT_TOKENS_METRIC}
     * metric (the token metrics do not split them out), then the usage record.
     */
    private static List<PolicyElement> outbound(Props p) {
        List<PolicyElement> outbound = new ArrayList<>();
        outbound.add(SetVariable.of(USAGE_VARIABLE, USAGE_CAPTURE));
        outbound.add(EmitMetric.builder(CACHED_PROMPT_TOKENS_METRIC, METRIC_NAMESPACE,
                "@{\n" + READ_USAGE + "\n    return (double)((long?)" + CACHED_TOKENS + " ?? 0L);\n}").dimensions(metricDimensions(p)).build());
        outbound.addAll(usageLog(p, "context.Response.StatusCode", "(string)null"));
        return outbound;
    }

    /** The on-error section: the usage record of the failed or rejected call, then the generic errors. */
    private static List<PolicyElement> onError(Props p) {
        List<PolicyElement> onError = new ArrayList<>(usageLog(p, GenericErrors.STATUS_EXPRESSION,
                "context.LastError == null ? null : context.LastError.Source + \": \" + context.LastError.Reason"));
        onError.addAll(GenericErrors.onErrorSection());
        return onError;
    }

    /**
     * An expression mapping the requested deployment to a per-route value (its model or backend), {@code otherwise} for
     * deployments without a route; the values come from config, so the dimension stays bounded.
     */
    static String byDeployment(Props p, java.util.function.Function<Route, String> value, String otherwise) {
        return p.routes().isEmpty() ? otherwise : "@(" + byDeploymentExpression(p, value, otherwise) + ")";
    }

    /** The C# expression behind {@link #byDeployment}: a chain of conditionals, or the quoted {@code otherwise}. */
    static String byDeploymentExpression(Props p, java.util.function.Function<Route, String> value, String otherwise) {
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        p.routes().forEach((d, r) -> byValue.computeIfAbsent(value.apply(r), k -> new ArrayList<>()).add(d));
        StringBuilder sb = new StringBuilder();
        byValue.forEach((v, deployments) -> sb.append("(").append(deploymentCondition(deployments))
                .append(") ? \"").append(v).append("\" : "));
        return sb + "\"" + otherwise + "\"";
    }

    /**
     * The {@code set-variable} that decides, once, which deployment a call is for: the {@code deployment-id} path
     * parameter (the dated form), else the request body's {@code model} (the v1 form: a JSON property, or the form field
     * of a multipart upload such as audio). A name that is a route's deployment is kept; any other name becomes
     * {@value #OTHER_DEPLOYMENT}, and a call that names none (files, batches, stored responses) gets
     * {@value #NO_DEPLOYMENT}. The body is read with {@code preserveContent} so it still reaches the backend.
     *
     * @param p the policy's settings and routes (the routes' deployments are the configured names)
     * @return the policy element
     */
    public static SetVariable deploymentResolution(Props p) {
        String configured = p.routes().keySet().stream().map(d -> "\"" + d + "\"")
                .collect(Collectors.joining(", ", "new string[] {", "}"));
        return SetVariable.of(DEPLOYMENT_VARIABLE, "@{"
                + "string requested = context.Request.MatchedParameters.ContainsKey(\"deployment-id\") "
                + "? context.Request.MatchedParameters[\"deployment-id\"] : null; "
                + "string type = context.Request.Headers.GetValueOrDefault(\"Content-Type\", \"\"); "
                + "if (requested == null && type.Contains(\"json\")) { "
                + "requested = (context.Request.Body?.As<JObject>(preserveContent: true)?[\"model\"] as JValue)?.Value as string; } "
                + "if (requested == null && type.Contains(\"multipart/form-data\")) { "
                + "var field = System.Text.RegularExpressions.Regex.Match(context.Request.Body?.As<string>(preserveContent: true) ?? \"\", "
                + MULTIPART_MODEL_FIELD + "); requested = field.Success ? field.Groups[1].Value.Trim() : null; } "
                + "if (string.IsNullOrEmpty(requested)) { return \"" + NO_DEPLOYMENT + "\"; } "
                + "return " + configured + ".Contains(requested) ? requested : \"" + OTHER_DEPLOYMENT + "\"; }");
    }

    private static ValidateAzureAdToken tokenValidation(Props p) {
        var b = ValidateAzureAdToken.builder(p.tenantId())
                .failedValidationHttpCode(401)
                .failedValidationErrorMessage("Unauthorized. Access token is missing or invalid.")
                .outputTokenVariableName(JWT_VARIABLE)
                .audiences("api://" + p.audienceAppId(), p.audienceAppId());
        return b.build();
    }

    /**
     * 403 unless the token carries an accepted delegated scope ({@code scp}, space-separated) or app role
     * ({@code roles}). Not a {@code required-claims} of the token validation: APIM requires every listed claim there,
     * and user tokens have no {@code roles} while daemon tokens have no {@code scp}.
     */
    private static PolicyElement scopeOrRoleCheck(Props p) {
        List<String> alternatives = new ArrayList<>();
        if (!p.acceptedScopes().isEmpty()) alternatives.add(claimHoldsOneOf("scp", " ", p.acceptedScopes()));
        if (!p.acceptedRoles().isEmpty()) alternatives.add(claimHoldsOneOf("roles", ",", p.acceptedRoles()));
        return rejectUnless(p, String.join(" || ", alternatives), 403, "Forbidden", SCOPE_OR_ROLE_MISSING,
                "The token carries none of the API's accepted scopes or app roles.");
    }

    /**
     * 403 for a subscription of no department: every department's product policy sets {@value #DEPARTMENT_VARIABLE};
     * the built-in all-access subscription, or one of another product, runs no such policy.
     */
    private static PolicyElement departmentCheck(Props p) {
        return rejectUnless(p, "context.Variables.ContainsKey(\"" + DEPARTMENT_VARIABLE + "\")", 403, "Forbidden",
                NO_DEPARTMENT, "The subscription belongs to no department.");
    }

    /**
     * {@code claim} (a string the validated token may lack; APIM joins multi-valued claims with commas) split at
     * {@code separator} shares a value with {@code values}: a C# condition, false without a token.
     */
    static String claimHoldsOneOf(String claim, String separator, List<String> values) {
        return "(" + JWT + "?.Claims.GetValueOrDefault(\"" + claim + "\", \"\") ?? \"\").Split('" + separator + "')"
                + ".Intersect(" + stringArray(values) + ").Any()";
    }

    /** {@code new string[] {"a", "b"}}. */
    static String stringArray(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "new string[] {", "}"));
    }

    /**
     * A {@code choose} that answers {@code status} with a JSON error {@code code} unless {@code condition} holds (both
     * literal: no quotes or backslashes in code and message), after writing the call's usage record with {@code code}
     * as its reason (a return-response skips outbound and on-error, so the record is written here).
     *
     * @param p         the API policy's settings
     * @param condition the C# condition under which the call goes on
     * @param status    the rejection's status
     * @param reason    its reason phrase
     * @param code      its error code
     * @param message   its message
     * @return the choose
     */
    static PolicyElement rejectUnless(Props p, String condition, int status, String reason, String code, String message) {
        List<PolicyElement> rejection = new ArrayList<>(usageLog(p, String.valueOf(status), "\"" + code + "\""));
        rejection.add(GenericErrors.errorResponse(status, reason, code, message));
        return Choose.builder().when("@(!(" + condition + "))", rejection.toArray(PolicyElement[]::new)).build();
    }

    private static PolicyElement routing(Props p) {
        Map<String, List<String>> byBackend = new LinkedHashMap<>();
        p.routes().forEach((deployment, route) -> {
            if (!route.backendId().equals(p.defaultBackendId()))
                byBackend.computeIfAbsent(route.backendId(), k -> new ArrayList<>()).add(deployment);
        });
        // a tenant's calls for no deployment (files, batches) go to its own account, never to the shared default
        var fallback = SetBackendService.backendId(!p.tenantBackends() ? p.defaultBackendId()
                : "@((string)context.Variables.GetValueOrDefault(\"" + TENANT_BACKEND_VARIABLE + "\", \"" + p.defaultBackendId() + "\"))");
        if (byBackend.isEmpty()) return fallback;
        var choose = Choose.builder();
        byBackend.forEach((backend, deployments) -> choose.when(deploymentIn(deployments), SetBackendService.backendId(backend)));
        return choose.otherwise(fallback).build();
    }

    /**
     * The backend section: a deployment served by a pool retries (pool size − 1 times) on throttling, server errors and
     * transport failures, and every attempt sets the pool again, so that the pool picks a member whose circuit is closed
     * instead of resending to the region that just failed; everything else is forwarded once.
     */
    private static PolicyElement forwarding(Props p) {
        Map<String, List<String>> byPool = new LinkedHashMap<>();
        Map<String, Integer> poolSize = new LinkedHashMap<>();
        p.routes().forEach((deployment, route) -> {
            if (route.backendCount() < 2) return;
            byPool.computeIfAbsent(route.backendId(), k -> new ArrayList<>()).add(deployment);
            poolSize.put(route.backendId(), route.backendCount());
        });
        if (byPool.isEmpty()) return forwardRequest();
        var choose = Choose.builder();
        byPool.forEach((pool, deployments) -> choose.when(deploymentIn(deployments),
                Retry.onThrottlingAndServerErrors(poolSize.get(pool), SetBackendService.backendId(pool), forwardRequest())));
        return choose.otherwise(forwardRequest()).build();
    }

    /**
     * Streamed calls are forwarded unbuffered, so each chunk reaches the caller at once; the request body stays
     * buffered for retries either way.
     */
    private static PolicyElement forwardRequest() {
        return Choose.builder()
                .when("@(" + STREAMING + ")", ForwardRequest.builder().bufferRequestBody(true).bufferResponse(false).build())
                .otherwise(ForwardRequest.withBufferedRequestBody())
                .build();
    }

    /**
     * The retry count each deployment gets: pool size − 1, or 0 (no retry) for a single backend.
     *
     * @param p the policy's settings and routes
     * @return deployment name to retry count, in route order
     */
    public static Map<String, Integer> retryCounts(Props p) {
        return p.routes().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().backendCount() - 1,
                (a, b) -> a, LinkedHashMap::new));
    }

    static String deploymentIn(List<String> deployments) {
        return "@(" + deploymentCondition(deployments) + ")";
    }

    /**
     * {@code <deployment> == "a" || <deployment> == "b"}: true when the request is for one of {@code deployments}.
     *
     * @param deployments the deployment names
     * @return the C# condition
     */
    public static String deploymentCondition(List<String> deployments) {
        return deployments.stream().map(d -> DEPLOYMENT_EXPRESSION + " == \"" + d + "\"").collect(Collectors.joining(" || "));
    }
}
