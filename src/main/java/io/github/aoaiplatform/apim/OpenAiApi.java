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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashSet;
import java.util.Set;
import software.constructs.IConstruct;

/**
 * The Azure OpenAI API on an API Management service (created here or imported), at {@code https://<gateway>/openai}:
 * the inference operations imported from the OpenAPI document shipped with the library ({@value #OPENAPI_RESOURCE},
 * whose {@code info.x-source} names the official documents, versions and commits they come from): chat completions,
 * completions, embeddings, audio and images in the dated form ({@code /deployments/{deployment-id}/...} with a required
 * {@code api-version}), and in the v1 form ({@code /v1/...}, the deployment named by the body's {@code model}) also the
 * Responses API, files and batches, so Azure OpenAI and OpenAI SDKs work unchanged. API Management creates the
 * operations from the document; the one API policy governs all of them (no operation has its own). Calls that name no
 * deployment (files, batches, stored responses) go to the first backend, whose account keeps those objects. One
 * backend per {@link OpenAiBackend} with a circuit breaker, one {@link BackendPool} per
 * deployment that two or more backends serve, and the {@link DefaultPolicy} (which always validates the caller's Entra
 * ID token). Backends, routes and pools are derived from the accounts' deployment names when the API is created.
 * Request telemetry (no bodies: prompts and completions are logged by {@link LlmLogging}) goes to the service's
 * Application Insights logger. The token metrics of {@code azure-openai-emit-token-metric} also need the diagnostic's
 * {@code metrics} flag, which azurerm 4.55 does not expose: {@link DiagnosticMetrics} (azapi) switches it on, otherwise
 * APIM drops the metrics that chargeback reads.
 *
 * <p>The gateway identity needs {@code account.grantInvoke(apiManagement.identity())} on every account; the
 * {@code AiGateway} pattern does that. Checked at synth: every key of {@link OpenAiApiProps#models()} is a deployment some
 * backend serves, and no other {@code OpenAiApi} on the same service has the same API name.
 *
 * <p>Child ids: {@code Api}, {@code Diagnostic} and {@code DiagnosticMetrics} (with a logger), {@code Backend-<key>},
 * {@code Pool-<deployment>}, {@code Policy}.
 */
public final class OpenAiApi extends Construct {
    /** The API's default URL suffix (the Azure OpenAI path). */
    public static final String PATH = "openai";
    /** The API's default name. */
    public static final String API_NAME = "azure-openai";
    /** The OpenAPI document on the classpath. */
    public static final String OPENAPI_RESOURCE = "/io/github/aoaiplatform/apim/azure-openai-inference.openapi.json";
    /**
     * Circuit breaker: by default the first 429 or 5xx within {@link #FAILURE_INTERVAL} trips it, so that the pool sends
     * the next calls elsewhere at once ({@link OpenAiApiProps#circuitBreakerTripCount()}).
     */
    public static final int DEFAULT_TRIP_COUNT = 1;
    /** Circuit breaker: the largest trip count accepted. */
    public static final int MAX_TRIP_COUNT = 100;
    /** Circuit breaker: the window in which the trip count of failures trips it. */
    public static final String FAILURE_INTERVAL = "PT1M";
    /** Circuit breaker: how long a tripped backend is skipped, unless its Retry-After asks for longer or shorter. */
    public static final String TRIP_DURATION = "PT1M";

    private final OpenAiApiProps props;
    private final ApiManagementApi api;
    private final String nameReference;
    private final ApiManagementApiDiagnostic diagnostic;
    private final DiagnosticMetrics diagnosticMetrics;
    private final Map<String, ApiManagementBackend> backends = new LinkedHashMap<>();
    private final Map<String, BackendPool> pools = new LinkedHashMap<>();
    private final Set<String> servedDeployments = new LinkedHashSet<>();
    private final DefaultPolicy.Props policyProps;
    private final PolicyDocument policyDocument;
    private final List<Department> departments = new ArrayList<>();

    /**
     * Creates the API on {@link OpenAiApiProps#apiManagement()}.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the API's inputs
     */
    public OpenAiApi(Construct scope, String id, OpenAiApiProps props) {
        super(scope, id);
        this.props = props;
        IApiManagement apim = props.apiManagement();
        String rg = apim.resourceGroupName();

        api = ApiManagementApi.Builder.create(this, "Api")
                .name(props.apiName())
                .displayName("Azure OpenAI")
                .description("Azure OpenAI inference through the AI gateway (Entra ID tokens only)")
                .apiManagementName(apim.name())
                .resourceGroupName(rg)
                .revision("1")
                .path(props.path())
                .protocols(List.of("https"))
                .subscriptionRequired(props.subscriptionRequired())
                .importValue(ApiManagementApiImport.builder().contentFormat("openapi+json").contentValue(openApiDocument()).build())
                .build();
        nameReference = api.getName();     // one round trip to the JavaScript core for every use

        if (props.loggerId() != null) {
            diagnostic = ApiManagementApiDiagnostic.Builder.create(this, "Diagnostic")
                    .identifier("applicationinsights")
                    .apiName(nameReference)
                    .apiManagementName(apim.name())
                    .resourceGroupName(rg)
                    .apiManagementLoggerId(props.loggerId())
                    .samplingPercentage(100)
                    .alwaysLogErrors(true)
                    .verbosity("information")
                    .httpCorrelationProtocol("W3C")
                    .logClientIp(true)
                    .build();
            diagnosticMetrics = new DiagnosticMetrics(this, "DiagnosticMetrics", DiagnosticMetricsProps.builder()
                    .azapi(props.azapi()).diagnostic(diagnostic).build());
        } else {
            diagnostic = null;
            diagnosticMetrics = null;
        }

        Map<String, List<OpenAiBackend>> backendsByDeployment = new LinkedHashMap<>();
        for (OpenAiBackend backend : props.backends()) {
            backends.put(backend.key(), ApiManagementBackend.Builder.create(this, "Backend-" + backend.key())
                    .name(backend.backendName())
                    .description("Azure OpenAI in " + backend.key())
                    .apiManagementName(apim.name())
                    .resourceGroupName(rg)
                    .protocol("http")
                    .url(backend.account().endpoint() + "openai")
                    .circuitBreakerRule(ApiManagementBackendCircuitBreakerRule.builder()
                            .name("throttling-or-server-errors")
                            .failureCondition(ApiManagementBackendCircuitBreakerRuleFailureCondition.builder()
                                    .count(props.circuitBreakerTripCount())
                                    .intervalDuration(FAILURE_INTERVAL)
                                    .statusCodeRange(List.of(
                                            ApiManagementBackendCircuitBreakerRuleFailureConditionStatusCodeRange.builder().min(429).max(429).build(),
                                            ApiManagementBackendCircuitBreakerRuleFailureConditionStatusCodeRange.builder().min(500).max(599).build()))
                                    .build())
                            .tripDuration(TRIP_DURATION)
                            .acceptRetryAfterEnabled(true)
                            .build())
                    .build());
            for (String d : backend.account().deploymentNames()) backendsByDeployment.computeIfAbsent(d, k -> new ArrayList<>()).add(backend);
        }
        servedDeployments.addAll(backendsByDeployment.keySet());

        Map<String, DefaultPolicy.Route> routes = new LinkedHashMap<>();
        backendsByDeployment.forEach((deployment, serving) -> {
            String model = props.models().get(deployment);
            if (serving.size() == 1) {
                routes.put(deployment, new DefaultPolicy.Route(serving.get(0).backendName(), 1, model));
                return;
            }
            BackendPool pool = new BackendPool(this, "Pool-" + deployment, BackendPoolProps.builder()
                    .name(poolName(deployment))
                    .apiManagementId(apim.resourceId())
                    .description("Azure OpenAI deployment " + deployment + " in " + String.join(", ", serving.stream().map(OpenAiBackend::key).toList()))
                    .members(serving.stream().map(b -> BackendPoolMember.builder().backendId(backends.get(b.key()).getId())
                            .priority(b.priority()).weight(b.weight()).build()).toList())
                    .azapi(props.azapi())
                    .build());
            pools.put(deployment, pool);
            routes.put(deployment, new DefaultPolicy.Route(pool.name(), pool.size(), model));
        });

        policyProps = DefaultPolicy.Props.builder()
                .tenantId(props.tenantId())
                .audienceAppId(props.audienceAppId())
                .acceptedScopes(props.acceptedScopes())
                .acceptedRoles(props.acceptedRoles())
                .departmentRequired(props.departmentRequired())
                .corsOrigins(props.corsOrigins())
                .subscriptionRequired(props.subscriptionRequired())
                .tokensPerMinutePerUser(props.tokensPerMinutePerUser())
                .routes(routes)
                .defaultBackendId(props.backends().get(0).backendName())
                .identityClientId(apim.identityClientIdReference())
                .usageLoggerId(props.usageLoggerId())
                .backendTokensFromProducts(props.backends().stream().anyMatch(OpenAiBackend::tokenFromProduct))
                .tenantBackends(props.backends().stream().anyMatch(b -> b.tenant() != null))
                .build();
        policyDocument = DefaultPolicy.document(policyProps);

        List<ITerraformDependable> dependsOn = new ArrayList<>();
        if (apim instanceof ApiGateway created) dependsOn.add(created.clientIdNamedValue());
        dependsOn.addAll(backends.values());
        pools.values().forEach(p -> dependsOn.add(p.resource()));
        ApiManagementApiPolicy.Builder.create(this, "Policy")
                .apiName(nameReference)
                .apiManagementName(apim.name())
                .resourceGroupName(rg)
                .xmlContent(policyDocument.toXml())
                .dependsOn(dependsOn)
                .build();

        getNode().addValidation(this::validate);
    }

    /**
     * The cross-construct rules: models name served deployments; one API name per service; each department's rules that
     * need the API ({@link Department#problems()}). The departments are checked here, by one validation for all of them,
     * because every validation is a call from the JavaScript core back into the JVM at synth.
     */
    private List<String> validate() {
        List<String> problems = new ArrayList<>();
        departments.forEach(d -> problems.addAll(d.problems()));
        props.models().keySet().stream().filter(d -> !servedDeployments.contains(d)).forEach(d -> problems.add(
                "OpenAiApiProps.models: deployment '" + d + "' is served by no backend account (served: " + servedDeployments
                        + "); deploy it on one of the accounts or remove it from models"));
        for (IConstruct other : getNode().getRoot().getNode().findAll())
            if (other != this && other instanceof OpenAiApi o && o.props.apiManagement() == props.apiManagement()
                    && o.props.apiName().equals(props.apiName()))
                problems.add("OpenAiApiProps.apiName: '" + props.apiName() + "' is also used by " + o.getNode().getPath()
                        + " on the same API Management; give one of them another apiName and path");
        return problems;
    }

    /**
     * @param key a backend key ({@link OpenAiBackend#key()})
     * @return the APIM backend name of that backend, {@code aoai-<key>}
     */
    public static String backendName(String key) { return "aoai-" + key; }

    /**
     * @param deployment a deployment name
     * @return the APIM pool name of that deployment, {@code pool-<deployment>}
     */
    public static String poolName(String deployment) { return "pool-" + deployment; }

    static String openApiDocument() {
        try (InputStream in = OpenAiApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + OPENAPI_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the service the API is on */
    public IApiManagement apiManagement() { return props.apiManagement(); }
    /** @return the API's name as given ({@link #nameReference()} is the reference that waits for the API) */
    public String apiName() { return props.apiName(); }
    /** @return the API's name as a Terraform reference to the API resource, for resources that must wait for it */
    public String nameReference() { return nameReference; }
    /** @return whether callers need a subscription key besides their token (departments require it) */
    public boolean subscriptionRequired() { return props.subscriptionRequired(); }
    /** @return whether calls whose subscription belongs to no department are rejected (departments need it) */
    public boolean departmentRequired() { return props.departmentRequired(); }
    /** @return the deployments some backend serves, in backend order: what routes, models and departments may name */
    public Set<String> servedDeployments() { return Collections.unmodifiableSet(servedDeployments); }
    /** @return the API path clients call under the gateway URL (a Terraform reference) */
    public String path() { return api.getPath(); }
    /** @return the azurerm API resource */
    public ApiManagementApi api() { return api; }
    /** @return the Application Insights API diagnostic, or null without a logger */
    public ApiManagementApiDiagnostic diagnostic() { return diagnostic; }
    /** @return the switch that turns on the diagnostic's token metrics, or null without a logger */
    public DiagnosticMetrics diagnosticMetrics() { return diagnosticMetrics; }
    /** @return the APIM backends by backend key */
    public Map<String, ApiManagementBackend> backends() { return Collections.unmodifiableMap(backends); }
    /** @return the pools by deployment name */
    public Map<String, BackendPool> pools() { return Collections.unmodifiableMap(pools); }
    /** @return the settings of the API policy (its product policies log their rejections with its usage logger) */
    DefaultPolicy.Props policyProps() { return policyProps; }
    /** @return the API policy */
    public PolicyDocument policyDocument() { return policyDocument; }

    /** Called by each {@link Department} on this API, so that {@link #validate()} checks it. */
    void registerDepartment(Department department) { departments.add(department); }
}
