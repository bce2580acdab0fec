package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.providers.azurerm.api_management_api.ApiManagementApi;
import com.hashicorp.cdktf.providers.azurerm.api_management_api.ApiManagementApiImport;
import com.hashicorp.cdktf.providers.azurerm.api_management_api_diagnostic.ApiManagementApiDiagnostic;
import com.hashicorp.cdktf.providers.azurerm.api_management_api_policy.ApiManagementApiPolicy;
import com.hashicorp.cdktf.providers.azurerm.api_management_backend.ApiManagementBackend;
import com.hashicorp.cdktf.providers.azurerm.api_management_backend.ApiManagementBackendCircuitBreakerRule;
import com.hashicorp.cdktf.providers.azurerm.api_management_backend.ApiManagementBackendCircuitBreakerRuleFailureCondition;
import com.hashicorp.cdktf.providers.azurerm.api_management_backend.ApiManagementBackendCircuitBreakerRuleFailureConditionStatusCodeRange;
import io.github.aoaiplatform.apim.policy.PolicyDocument;
import software.constructs.Construct;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Azure OpenAI API on the gateway, at {@code https://<gateway>/openai}: the inference operations imported from
 * the OpenAPI document shipped with the library (chat completions, completions, embeddings, with the
 * {@code deployment-id} path and required {@code api-version} query parameters of Azure OpenAI, so SDKs work
 * unchanged), one backend per regional account with a circuit breaker, one {@link BackendPool} per deployment that
 * two or more accounts serve, and the {@link DefaultPolicy} (which always validates the caller's Entra ID token).
 * Request telemetry (no bodies: prompts and completions are logged by {@link LlmLogging}) goes to the gateway's
 * Application Insights logger. The token metrics of {@code azure-openai-emit-token-metric} also need the diagnostic's
 * {@code metrics} flag, which azurerm 4.55 does not expose: {@link DiagnosticMetrics} (azapi) switches it on, otherwise
 * APIM drops the metrics that chargeback reads.
 *
 * <p>Child ids: {@code Api}, {@code Diagnostic}, {@code DiagnosticMetrics}, {@code Backend-<region>},
 * {@code Pool-<deployment>}, {@code Policy}.
 */
public final class OpenAiApi extends Construct {
    /** The API's URL suffix (the Azure OpenAI path). */
    public static final String PATH = "openai";
    public static final String API_NAME = "azure-openai";
    /** The OpenAPI document on the classpath. */
    public static final String OPENAPI_RESOURCE = "/io/github/aoaiplatform/apim/azure-openai-inference.openapi.json";
    /** Circuit breaker: trip after this many 429/5xx within {@link #FAILURE_INTERVAL}. */
    public static final int FAILURE_COUNT = 3;
    public static final String FAILURE_INTERVAL = "PT1M";
    public static final String TRIP_DURATION = "PT1M";

    /**
     * One regional Azure OpenAI account as a backend.
     *
     * @param endpoint    the account endpoint, {@code https://<subdomain>.openai.azure.com/}. Required.
     * @param deployments deployment names the account serves. Defaults to: none.
     * @param priority    pool priority; Defaults to: 1.
     * @param weight      pool weight; Defaults to: 1.
     */
    public record Account(String endpoint, List<String> deployments, Integer priority, Integer weight) {
        public Account {
            Objects.requireNonNull(endpoint, "endpoint is required");
            deployments = deployments == null ? List.of() : List.copyOf(deployments);
        }
    }

    /**
     * @param gateway              the API Management service. Required.
     * @param accounts             region to account, in order, first = primary (default route). At least one.
     * @param subscriptionRequired require an APIM subscription key too; Defaults to: false.
     * @param policy               the policy settings other than routes, default backend and client id (derived here).
     * @param azapi                the azapi provider (pools, the diagnostic's metrics flag).
     * @param models               deployment name to the model it serves (the token metrics' Model dimension);
     *                             Defaults to: none (Model is {@code unknown}).
     */
    public record Props(ApiGateway gateway, Map<String, Account> accounts, Boolean subscriptionRequired,
                        PolicySettings policy, TerraformProvider azapi, Map<String, String> models) {
        public Props {
            models = models == null ? Map.of() : Map.copyOf(models);
            Objects.requireNonNull(gateway, "gateway is required");
            accounts = new LinkedHashMap<>(Objects.requireNonNull(accounts, "accounts is required"));
            if (accounts.isEmpty()) throw new IllegalArgumentException("accounts must contain at least one Azure OpenAI account");
            subscriptionRequired = Objects.requireNonNullElse(subscriptionRequired, false);
            Objects.requireNonNull(policy, "policy is required");
            Objects.requireNonNull(azapi, "azapi is required");
        }
    }

    /**
     * The caller-facing policy settings (see {@link DefaultPolicy.Props}).
     *
     * @param usageLoggerId the name of an API Management Event Hub logger for usage records, best as a reference to the
     *                      logger's {@code name} so that the policy is created after it; Defaults to: none (no usage records).
     */
    public record PolicySettings(String tenantId, String audienceAppId, String scopeName, Boolean requireScope,
                                 List<String> corsOrigins, int tokensPerMinutePerUser, String usageLoggerId) {
        /** Settings without usage records. */
        public PolicySettings(String tenantId, String audienceAppId, String scopeName, Boolean requireScope,
                              List<String> corsOrigins, int tokensPerMinutePerUser) {
            this(tenantId, audienceAppId, scopeName, requireScope, corsOrigins, tokensPerMinutePerUser, null);
        }
    }

    private final ApiManagementApi api;
    private final ApiManagementApiDiagnostic diagnostic;
    private final DiagnosticMetrics diagnosticMetrics;
    private final Map<String, ApiManagementBackend> backends = new LinkedHashMap<>();
    private final Map<String, BackendPool> pools = new LinkedHashMap<>();
    private final PolicyDocument policyDocument;

    public OpenAiApi(Construct scope, String id, Props props) {
        super(scope, id);
        ApiGateway gw = props.gateway();
        String rg = gw.resourceGroupName();

        api = ApiManagementApi.Builder.create(this, "Api")
                .name(API_NAME)
                .displayName("Azure OpenAI")
                .description("Azure OpenAI inference through the AI gateway (Entra ID tokens only)")
                .apiManagementName(gw.name())
                .resourceGroupName(rg)
                .revision("1")
                .path(PATH)
                .protocols(List.of("https"))
                .subscriptionRequired(props.subscriptionRequired())
                .importValue(ApiManagementApiImport.builder().contentFormat("openapi+json").contentValue(openApiDocument()).build())
                .build();

        diagnostic = ApiManagementApiDiagnostic.Builder.create(this, "Diagnostic")
                .identifier("applicationinsights")
                .apiName(api.getName())
                .apiManagementName(gw.name())
                .resourceGroupName(rg)
                .apiManagementLoggerId(gw.logger().getId())
                .samplingPercentage(100)
                .alwaysLogErrors(true)
                .verbosity("information")
                .httpCorrelationProtocol("W3C")
                .logClientIp(true)
                .build();
        diagnosticMetrics = new DiagnosticMetrics(this, "DiagnosticMetrics", props.azapi(), diagnostic);

        Map<String, List<String>> regionsByDeployment = new LinkedHashMap<>();
        props.accounts().forEach((region, account) -> {
            backends.put(region, ApiManagementBackend.Builder.create(this, "Backend-" + region)
                    .name(backendName(region))
                    .description("Azure OpenAI in " + region)
                    .apiManagementName(gw.name())
                    .resourceGroupName(rg)
                    .protocol("http")
                    .url(account.endpoint() + "openai")
                    .circuitBreakerRule(ApiManagementBackendCircuitBreakerRule.builder()
                            .name("throttling-or-server-errors")
                            .failureCondition(ApiManagementBackendCircuitBreakerRuleFailureCondition.builder()
                                    .count(FAILURE_COUNT)
                                    .intervalDuration(FAILURE_INTERVAL)
                                    .statusCodeRange(List.of(
                                            ApiManagementBackendCircuitBreakerRuleFailureConditionStatusCodeRange.builder().min(429).max(429).build(),
                                            ApiManagementBackendCircuitBreakerRuleFailureConditionStatusCodeRange.builder().min(500).max(599).build()))
                                    .build())
                            .tripDuration(TRIP_DURATION)
                            .acceptRetryAfterEnabled(true)
                            .build())
                    .build());
            for (String d : account.deployments()) regionsByDeployment.computeIfAbsent(d, k -> new ArrayList<>()).add(region);
        });

        Map<String, DefaultPolicy.Route> routes = new LinkedHashMap<>();
        regionsByDeployment.forEach((deployment, regions) -> {
            String model = props.models().get(deployment);
            if (regions.size() == 1) {
                routes.put(deployment, new DefaultPolicy.Route(backendName(regions.get(0)), 1, model));
                return;
            }
            List<BackendPool.Member> members = regions.stream().map(r -> new BackendPool.Member(backends.get(r).getId(),
                    props.accounts().get(r).priority(), props.accounts().get(r).weight())).toList();
            BackendPool pool = new BackendPool(this, "Pool-" + deployment, props.azapi(), new BackendPool.Props(
                    poolName(deployment), gw.resourceId(), "Azure OpenAI deployment " + deployment + " in " + String.join(", ", regions), members));
            pools.put(deployment, pool);
            routes.put(deployment, new DefaultPolicy.Route(pool.name(), pool.size(), model));
        });

        var s = props.policy();
        String primary = props.accounts().keySet().iterator().next();
        policyDocument = DefaultPolicy.document(new DefaultPolicy.Props(s.tenantId(), s.audienceAppId(), s.scopeName(),
                s.requireScope(), s.corsOrigins(), s.tokensPerMinutePerUser(), routes, backendName(primary),
                gw.identityClientIdNamedValue(), s.usageLoggerId()));

        List<ITerraformDependable> dependsOn = new ArrayList<>();
        dependsOn.add(gw.clientIdNamedValue());
        dependsOn.addAll(backends.values());
        pools.values().forEach(p -> dependsOn.add(p.resource()));
        ApiManagementApiPolicy.Builder.create(this, "Policy")
                .apiName(api.getName())
                .apiManagementName(gw.name())
                .resourceGroupName(rg)
                .xmlContent(policyDocument.toXml())
                .dependsOn(dependsOn)
                .build();
    }

    /** The APIM backend name of a region's account. */
    public static String backendName(String region) { return "aoai-" + region; }
    /** The APIM pool name of a deployment. */
    public static String poolName(String deployment) { return "pool-" + deployment; }

    static String openApiDocument() {
        try (InputStream in = OpenAiApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + OPENAPI_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API path clients call under the gateway URL. */
    public String path() { return api.getPath(); }
    public ApiManagementApi api() { return api; }
    /** The Application Insights API diagnostic (request telemetry and, with {@link #diagnosticMetrics()}, token metrics). */
    public ApiManagementApiDiagnostic diagnostic() { return diagnostic; }
    public DiagnosticMetrics diagnosticMetrics() { return diagnosticMetrics; }
    public Map<String, ApiManagementBackend> backends() { return Map.copyOf(backends); }
    /** Pools by deployment name. */
    public Map<String, BackendPool> pools() { return Map.copyOf(pools); }
    public PolicyDocument policyDocument() { return policyDocument; }
}
