package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.apim.policy.AuthenticationManagedIdentity;
import io.github.aoaiplatform.apim.policy.Base;
import io.github.aoaiplatform.apim.policy.Choose;
import io.github.aoaiplatform.apim.policy.Cors;
import io.github.aoaiplatform.apim.policy.EmitTokenMetric;
import io.github.aoaiplatform.apim.policy.ForwardRequest;
import io.github.aoaiplatform.apim.policy.GenericErrors;
import io.github.aoaiplatform.apim.policy.LlmFlavor;
import io.github.aoaiplatform.apim.policy.LlmTokenLimit;
import io.github.aoaiplatform.apim.policy.LogToEventHub;
import io.github.aoaiplatform.apim.policy.MetricDimension;
import io.github.aoaiplatform.apim.policy.PolicyDocument;
import io.github.aoaiplatform.apim.policy.PolicyElement;
import io.github.aoaiplatform.apim.policy.RequiredClaim;
import io.github.aoaiplatform.apim.policy.Retry;
import io.github.aoaiplatform.apim.policy.SetBackendService;
import io.github.aoaiplatform.apim.policy.SetHeader;
import io.github.aoaiplatform.apim.policy.SetVariable;
import io.github.aoaiplatform.apim.policy.ValidateAzureAdToken;
import io.github.aoaiplatform.openai.DeploymentOptions;

import io.github.aoaiplatform.core.PropsCheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Azure OpenAI API's policy, composed only from the typed policy model. Inbound, in this order:
 * <ol>
 *   <li>{@code cors} for the configured origins (omitted when there are none);</li>
 *   <li>{@code validate-azure-ad-token}: tenant, audiences {@code api://<app id>} and {@code <app id>} (v1 and v2
 *       tokens), the token kept in {@value #JWT_VARIABLE}; optionally the delegated scope in {@code scp}. There is no
 *       option to leave it out: every request the gateway forwards carries a validated Entra ID token;</li>
 *   <li>{@code set-variable} {@value #DEPLOYMENT_VARIABLE}: which deployment the call is for, resolved once
 *       ({@link #deploymentResolution(Props)}) from the {@code deployment-id} path parameter, else the body's {@code model}
 *       (JSON, or the form field of a multipart upload: the v1 form), mapped to a configured deployment,
 *       {@value #OTHER_DEPLOYMENT} or {@value #NO_DEPLOYMENT}; everything after reads it through
 *       {@link #DEPLOYMENT_EXPRESSION};</li>
 *   <li>{@code <base/>}: the product (department) policies run here, after the token is validated, so they can key
 *       per-user limits on its {@code oid}, check its groups and client app, and allow-list deployments;</li>
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
 * Backend: for deployments served by a pool of n backends, {@code retry} on 429 and 5xx with count n − 1, interval 0
 * and first-fast-retry (each attempt goes to another pool member), around {@code forward-request} with a buffered
 * body; a single backend gets only {@code forward-request} (no pointless retry against the same backend).
 * Outbound: base, then, when a usage logger is given ({@link Props#usageLoggerId()}), {@code log-to-eventhub} with one
 * JSON usage record per call ({@link #USAGE_RECORD_FIELDS}; the per-caller token limit then also keeps the tokens the call
 * consumed in {@value #TOKENS_CONSUMED_VARIABLE}). Without a usage logger the policy is exactly as before.
 * On-error: {@link GenericErrors#onErrorSection()}.
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
    static final String JWT = "((Jwt)context.Variables[\"" + JWT_VARIABLE + "\"])";
    /** The caller's object id, or {@code anonymous} (a C# expression). */
    static final String USER = JWT + ".Claims.GetValueOrDefault(\"oid\", \"anonymous\")";
    /** The caller's object id, or {@code anonymous}. */
    public static final String USER_EXPRESSION = "@(" + USER + ")";
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
    static final String APP = JWT + ".Claims.GetValueOrDefault(\"azp\", " + JWT + ".Claims.GetValueOrDefault(\"appid\", \"unknown\"))";

    /** The fields of a usage record, in order: what consumers of the usage Event Hub read. A public contract. */
    public static final List<String> USAGE_RECORD_FIELDS = List.of("timestamp", "requestId", "department", "subscriptionId",
            "user", "app", "deployment", "model", "backend", "totalTokens", "statusCode");


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
     * @param scopeName              delegated scope checked when {@code requireScope}; Defaults to: chat.
     * @param requireScope           require {@code scopeName} in {@code scp}; Defaults to: false.
     * @param corsOrigins            CORS origins; Defaults to: none (no cors element).
     * @param tokensPerMinutePerUser per-caller token limit. Must be &gt; 0.
     * @param routes                 deployment name to its route. Defaults to: none.
     * @param defaultBackendId       backend for deployments not in {@code routes}. Required.
     * @param identityClientId       the gateway identity's client id: a GUID or named value such as {@code {{uami-client-id}}}. Required.
     * @param usageLoggerId          id (name) of an API Management Event Hub logger that receives one usage record per call
     *                               ({@code log-to-eventhub} in outbound); Defaults to: none (no usage records).
     * @param backendTokensFromProducts some product policy leaves a backend token in {@value #BACKEND_TOKEN_VARIABLE}
     *                               (a tenant's account in another Entra tenant): send it when set, the gateway identity's
     *                               otherwise; Defaults to: false (always the gateway identity's).
     * @param tenantBackends         some product policy names its own account's backend in {@value #TENANT_BACKEND_VARIABLE}:
     *                               calls for no routed deployment (files, batches) go there when it is set; Defaults to:
     *                               false (they go to {@code defaultBackendId}).
     */
    public record Props(String tenantId, String audienceAppId, String scopeName, Boolean requireScope, List<String> corsOrigins,
                        int tokensPerMinutePerUser, Map<String, Route> routes, String defaultBackendId, String identityClientId,
                        String usageLoggerId, Boolean backendTokensFromProducts, Boolean tenantBackends) {
        /**
         * Validates every field, fills defaults and copies collections; see the record's components.
         *
         * @param tenantId               see {@link #tenantId()}
         * @param audienceAppId          see {@link #audienceAppId()}
         * @param scopeName              see {@link #scopeName()}
         * @param requireScope           see {@link #requireScope()}
         * @param corsOrigins            see {@link #corsOrigins()}
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
            scopeName = scopeName == null ? "chat" : scopeName;
            requireScope = requireScope == null ? Boolean.FALSE : requireScope;
            corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
            check.check(tokensPerMinutePerUser > 0, "tokensPerMinutePerUser", "must be > 0, got " + tokensPerMinutePerUser);
            routes = routes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(routes));
            for (String d : routes.keySet())
                check.matches("routes", d, DeploymentOptions.NAME, "a deployment name of 1-64 letters, digits, . _ -");
            check.require("defaultBackendId", defaultBackendId);
            check.require("identityClientId", identityClientId);
            check.check(usageLoggerId == null || !usageLoggerId.isBlank(), "usageLoggerId",
                    "must name an API Management Event Hub logger; leave it unset for no usage records");
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
            private String scopeName;
            private Boolean requireScope;
            private List<String> corsOrigins;
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
             * Sets {@link Props#scopeName()}.
             *
             * @param scopeName the value
             * @return this builder
             */
            public Builder scopeName(String scopeName) { this.scopeName = scopeName; return this; }

            /**
             * Sets {@link Props#requireScope()}.
             *
             * @param requireScope the value
             * @return this builder
             */
            public Builder requireScope(Boolean requireScope) { this.requireScope = requireScope; return this; }

            /**
             * Sets {@link Props#corsOrigins()}.
             *
             * @param corsOrigins the value
             * @return this builder
             */
            public Builder corsOrigins(List<String> corsOrigins) { this.corsOrigins = corsOrigins; return this; }

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
            public Props build() { return new Props(tenantId, audienceAppId, scopeName, requireScope, corsOrigins, tokensPerMinutePerUser, routes, defaultBackendId, identityClientId, usageLoggerId, backendTokensFromProducts, tenantBackends); }
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
        if (!p.corsOrigins().isEmpty())
            inbound.add(Cors.builder().allowedOrigins(p.corsOrigins())
                    .allowedHeaders("Authorization", "Content-Type", "api-version")
                    .exposeHeaders(REMAINING_TOKENS_HEADER)
                    .build());
        inbound.add(tokenValidation(p));
        inbound.add(deploymentResolution(p));
        inbound.add(Base.INSTANCE);
        var userLimit = LlmTokenLimit.builder(LlmFlavor.AZURE_OPENAI, USER_EXPRESSION)
                .tokensPerMinute(p.tokensPerMinutePerUser())
                .estimatePromptTokens(false)
                .remainingTokensHeaderName(REMAINING_TOKENS_HEADER);
        if (p.usageLoggerId() != null) userLimit.tokensConsumedVariableName(TOKENS_CONSUMED_VARIABLE);
        inbound.add(userLimit.build());
        inbound.add(EmitTokenMetric.builder(LlmFlavor.AZURE_OPENAI, METRIC_NAMESPACE)
                .dimension(MetricDimension.API_ID)
                .dimension("Department", DEPARTMENT_EXPRESSION)
                .dimension("Model", byDeployment(p, Route::model, "unknown"))
                .dimension("Deployment", "@(" + DEPLOYMENT_EXPRESSION + ")")
                .build());
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

        var document = PolicyDocument.builder()
                .inbound(inbound)
                .backend(forwarding(p))
                .onError(GenericErrors.onErrorSection());
        if (p.usageLoggerId() != null) document.outbound(LogToEventHub.builder(p.usageLoggerId(), usageRecord(p)).build());
        return document.build();
    }

    /**
     * The usage record: a policy expression building one JSON object with {@link #USAGE_RECORD_FIELDS} (Newtonsoft
     * {@code JObject}, so claim values are escaped). Model and backend are mapped from the deployment like the metric
     * dimensions; {@code totalTokens} is what the per-caller token limit counted (0 when unknown).
     */
    static String usageRecord(Props p) {
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
        fields.put("totalTokens", "context.Variables.GetValueOrDefault<int>(\"" + TOKENS_CONSUMED_VARIABLE + "\", 0)");
        fields.put("statusCode", "context.Response.StatusCode");
        if (!List.copyOf(fields.keySet()).equals(USAGE_RECORD_FIELDS)) throw new IllegalStateException("usage record fields out of sync");
        return fields.entrySet().stream()
                .map(e -> "new JProperty(\"" + e.getKey() + "\", " + e.getValue() + ")")
                .collect(Collectors.joining(", ", "@(new JObject(", ").ToString(Newtonsoft.Json.Formatting.None))"));
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
        if (p.requireScope())
            b.requiredClaims(RequiredClaim.of("scp", RequiredClaim.Match.ANY, " ", List.of(p.scopeName())));
        return b.build();
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

    private static PolicyElement forwarding(Props p) {
        Map<Integer, List<String>> byCount = new TreeMap<>(java.util.Comparator.reverseOrder());
        p.routes().forEach((deployment, route) -> {
            if (route.backendCount() > 1) byCount.computeIfAbsent(route.backendCount(), k -> new ArrayList<>()).add(deployment);
        });
        if (byCount.isEmpty()) return ForwardRequest.withBufferedRequestBody();
        var choose = Choose.builder();
        byCount.forEach((count, deployments) -> choose.when(deploymentIn(deployments), Retry.onThrottlingAndServerErrors(count)));
        return choose.otherwise(ForwardRequest.withBufferedRequestBody()).build();
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
