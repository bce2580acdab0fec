package io.github.aoaiplatform.monitoring;

import com.hashicorp.cdktf.providers.azurerm.application_insights.ApplicationInsights;
import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.ImportedResources;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.core.ResourceInterfaces;
import software.constructs.Construct;

/**
 * A workspace-based Application Insights component (its data lives in a Log Analytics workspace): the API gateway's
 * request telemetry and token metrics go here. Local (instrumentation-key) authentication is off by default: senders
 * authenticate with Entra ID and need {@link #grantMetricsPublish}. Internet ingestion and query stay on unless
 * {@link AppInsightsProps#publicAccess()} is false (behind an Azure Monitor Private Link Scope). Child ids:
 * {@code Resource}, {@code Diagnostics}.
 */
public final class AppInsights extends Construct implements IApplicationInsights {
    /** The Azure resource type of a component id. */
    public static final String RESOURCE_TYPE = "Microsoft.Insights/components";

    /**
     * A component the app does not create.
     *
     * @param scope            the parent construct
     * @param id               the construct id
     * @param resourceId       the component's resource id (a Terraform reference is taken unchecked)
     * @param connectionString its connection string (sensitive; what an API Management logger sends with)
     * @return the component
     * @throws io.github.aoaiplatform.core.InvalidPropsException when the id is not a component id or the connection
     *                                                          string is missing
     */
    public static IApplicationInsights fromAttributes(Construct scope, String id, String resourceId, String connectionString) {
        if (!PropsCheck.isToken(resourceId)) ImportedResources.parse("AppInsights.fromAttributes", resourceId, RESOURCE_TYPE);
        PropsCheck check = PropsCheck.of("AppInsights.fromAttributes");
        check.require("connectionString", connectionString);
        check.throwIfAny();
        return new Imported(scope, id, resourceId, connectionString);
    }

    private static final class Imported extends Construct implements IApplicationInsights {
        private final String resourceId;
        private final String connectionString;

        Imported(Construct scope, String id, String resourceId, String connectionString) {
            super(scope, id);
            this.resourceId = resourceId;
            this.connectionString = connectionString;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String connectionString() { return connectionString; }
        @Override public RoleAssignment grantMetricsPublish(IPrincipal publisher) { return metricsPublisher(this, resourceId, publisher); }
    }

    private static RoleAssignment metricsPublisher(Construct scope, String resourceId, IPrincipal publisher) {
        return ResourceInterfaces.grant(scope, resourceId, METRICS_PUBLISHER_ROLE, "MetricsPublisher", publisher,
                "Sends telemetry with its Entra ID token (local authentication is off)");
    }

    private final ApplicationInsights resource;

    /**
     * Creates the component.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the component's inputs
     */
    public AppInsights(Construct scope, String id, AppInsightsProps props) {
        super(scope, id);
        resource = ApplicationInsights.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroup().name())
                .applicationType("web")
                .workspaceId(props.workspace().resourceId())
                .localAuthenticationDisabled(props.localAuthDisabled())
                .internetIngestionEnabled(props.publicAccess() ? null : false)
                .internetQueryEnabled(props.publicAccess() ? null : false)
                .tags(props.tags())
                .build();
        ResourceInterfaces.diagnostics(this, resource.getId(), props.diagnostics(), true);
        ResourceInterfaces.roleAssignments(this, resource.getId(), props.roleAssignments());
    }

    @Override public String resourceId() { return resource.getId(); }
    @Override public String connectionString() { return resource.getConnectionString(); }
    @Override public RoleAssignment grantMetricsPublish(IPrincipal publisher) { return metricsPublisher(this, resource.getId(), publisher); }

    /** @return the underlying azurerm resource, for attributes this class does not expose */
    public ApplicationInsights resource() { return resource; }
}
