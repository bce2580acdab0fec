package io.github.aoaiplatform.monitoring;

import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import io.github.aoaiplatform.core.IPrincipal;
import software.constructs.IConstruct;

/** A workspace-based Application Insights component: where the gateway's request telemetry and token metrics go. */
public interface IApplicationInsights extends IConstruct {
    /** @return the component's resource id */
    String resourceId();

    /** @return the connection string (sensitive), what an API Management logger sends with */
    String connectionString();

    /** The role {@link #grantMetricsPublish} assigns: what a sender authenticating with Entra ID needs. */
    String METRICS_PUBLISHER_ROLE = "Monitoring Metrics Publisher";

    /**
     * Lets a principal send telemetry with its Entra ID token, the only way in once local authentication is off
     * ({@value #METRICS_PUBLISHER_ROLE} on the component).
     *
     * @param publisher who sends, e.g. the API Management identity
     * @return the role assignment (a child of the component, {@code MetricsPublisher-<principal grant key>})
     */
    RoleAssignment grantMetricsPublish(IPrincipal publisher);
}
