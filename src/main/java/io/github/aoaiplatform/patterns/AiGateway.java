package io.github.aoaiplatform.patterns;

import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import io.github.aoaiplatform.apim.ApiGateway;
import io.github.aoaiplatform.apim.ApiGatewayProps;
import io.github.aoaiplatform.apim.Department;
import io.github.aoaiplatform.apim.DepartmentProps;
import io.github.aoaiplatform.apim.EventHubLogger;
import io.github.aoaiplatform.apim.EventHubLoggerProps;
import io.github.aoaiplatform.apim.LlmLogging;
import io.github.aoaiplatform.apim.LlmLoggingProps;
import io.github.aoaiplatform.apim.OpenAiApi;
import io.github.aoaiplatform.apim.OpenAiApiProps;
import io.github.aoaiplatform.apim.OpenAiBackend;
import io.github.aoaiplatform.core.IUserAssignedIdentity;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.core.Tags;
import io.github.aoaiplatform.identity.UserAssignedIdentity;
import io.github.aoaiplatform.identity.UserAssignedIdentityProps;
import io.github.aoaiplatform.monitoring.AppInsights;
import io.github.aoaiplatform.monitoring.AppInsightsProps;
import io.github.aoaiplatform.monitoring.IApplicationInsights;
import io.github.aoaiplatform.monitoring.UsageEventHub;
import software.constructs.Construct;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AI gateway (an L3): API Management in front of Azure OpenAI, composed from the L2s.
 * <ul>
 *   <li>a user-assigned identity (child {@code Identity}) that API Management runs as, granted invoke
 *       ({@code account.grantInvoke}) on every backend account whose {@link OpenAiBackend#grantInvoke()} is on, and
 *       nothing else;</li>
 *   <li>the API Management service ({@link ApiGateway}, child {@code Default}: its resources keep the pattern's
 *       address, e.g. {@code Gateway/Resource});</li>
 *   <li>Application Insights (child {@code AppInsights}, unless one is passed in) with the service's logger;</li>
 *   <li>the usage Event Hub's logger, when {@link AiGatewayProps#usageEventHub()} is given;</li>
 *   <li>the Azure OpenAI API ({@link OpenAiApi}, child {@code OpenAiApi}) with prompt and completion logging
 *       ({@link LlmLogging}, child {@code OpenAiApi/LlmLogging});</li>
 *   <li>departments, added with {@link #addDepartment} (children {@code Department-<name>}).</li>
 * </ul>
 */
public final class AiGateway extends Construct {
    /** The description of the gateway identity's invoke grants, kept as it was: Azure replaces a grant whose description changes. */
    static final String GRANT_DESCRIPTION = "API gateway calls Azure OpenAI with its managed identity";

    private final IUserAssignedIdentity identity;
    private final ApiGateway apiManagement;
    private final IApplicationInsights appInsights;
    private final UsageEventHub usageEventHub;
    private final OpenAiApi openAiApi;
    private final Map<String, RoleAssignment> invokeGrants = new LinkedHashMap<>();
    private final Map<String, Department> departments = new LinkedHashMap<>();

    /**
     * Creates the gateway.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the gateway's inputs
     */
    public AiGateway(Construct scope, String id, AiGatewayProps props) {
        super(scope, id);
        identity = new UserAssignedIdentity(this, "Identity", UserAssignedIdentityProps.builder()
                .name(props.identityName()).resourceGroup(props.resourceGroup()).location(props.location()).build());
        Tags.of(identity).addAll(props.tags());
        for (OpenAiBackend backend : props.backends())
            if (backend.grantInvoke()) invokeGrants.put(backend.key(), backend.account().grantInvoke(identity, GRANT_DESCRIPTION));

        apiManagement = new ApiGateway(this, "Default", ApiGatewayProps.builder()
                .name(props.name())
                .resourceGroup(props.resourceGroup())
                .location(props.location())
                .sku(props.sku())
                .units(props.units())
                .publisherName(props.publisherName())
                .publisherEmail(props.publisherEmail())
                .gatewaySubnet(props.gatewaySubnet())
                .privateEndpoints(props.privateEndpoints())
                .internalDnsZones(props.internalDnsZones())
                .identity(identity)
                .diagnostics(props.diagnostics())
                .publicNetworkAccess(props.publicNetworkAccess())
                .lock(props.lock())
                .tags(props.tags())
                .build());

        appInsights = props.appInsights() != null ? props.appInsights()
                : new AppInsights(this, "AppInsights", AppInsightsProps.builder().name(props.appInsightsName())
                        .resourceGroup(props.resourceGroup()).location(props.location()).workspace(props.diagnostics().workspace())
                        .diagnostics(props.diagnostics())
                        .publicAccess(props.appInsightsPublicAccess()).tags(props.tags()).build());
        apiManagement.addApplicationInsightsLogger(appInsights, props.azapi());

        String usageLoggerName = null;
        usageEventHub = props.usageEventHub();
        if (usageEventHub != null)
            usageLoggerName = EventHubLogger.create(usageEventHub, "Logger", EventHubLoggerProps.builder()
                    .apiManagement(apiManagement).eventHub(usageEventHub).build()).getName();

        openAiApi = new OpenAiApi(this, "OpenAiApi", OpenAiApiProps.builder()
                .apiManagement(apiManagement)
                .backends(props.backends())
                .models(props.models())
                .subscriptionRequired(props.subscriptionRequired())
                .tenantId(props.tenantId())
                .audienceAppId(props.audienceAppId())
                .departmentRequired(props.departmentRequired())
                .acceptedScopes(props.acceptedScopes())
                .acceptedRoles(props.acceptedRoles())
                .corsOrigins(props.corsOrigins())
                .tokensPerMinutePerUser(props.tokensPerMinutePerUser())
                .circuitBreakerTripCount(props.circuitBreakerTripCount())
                .usageLoggerId(usageLoggerName)
                .azapi(props.azapi())
                .build());
        new LlmLogging(openAiApi, "LlmLogging", LlmLoggingProps.builder()
                .api(openAiApi).maxSizeInBytes(props.llmLogMaxBytes()).azapi(props.azapi()).build());
    }

    /**
     * Adds a department on the gateway's API (child {@code Department-<name>}).
     *
     * @param props the department; its {@code api} must be {@link #openAiApi()}
     * @return the department
     * @throws io.github.aoaiplatform.core.InvalidPropsException when the props name another API
     */
    public Department addDepartment(DepartmentProps props) {
        PropsCheck check = PropsCheck.of("DepartmentProps");
        if (props.api() != openAiApi)      // the message asks the construct tree, so only when it fails
            check.add("api", "must be this gateway's openAiApi(), got " + props.api().getNode().getPath());
        check.throwIfAny();
        Department department = new Department(this, "Department-" + props.policy().name(), props);
        departments.put(department.name(), department);
        return department;
    }

    /** @return the identity API Management runs as */
    public IUserAssignedIdentity identity() { return identity; }
    /** @return the API Management service */
    public ApiGateway apiManagement() { return apiManagement; }
    /** @return the Application Insights component that receives request telemetry and token metrics */
    public IApplicationInsights appInsights() { return appInsights; }
    /** @return the usage Event Hub, or null without usage records */
    public UsageEventHub usageEventHub() { return usageEventHub; }
    /** @return the Azure OpenAI API */
    public OpenAiApi openAiApi() { return openAiApi; }
    /** @return the identity's invoke role assignment on each backend account, by backend key */
    public Map<String, RoleAssignment> invokeGrants() { return Collections.unmodifiableMap(invokeGrants); }
    /** @return the departments by name, in the order added */
    public Map<String, Department> departments() { return Collections.unmodifiableMap(departments); }
}
