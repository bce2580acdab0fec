package io.github.aoaiplatform.monitoring;

import software.constructs.IConstruct;

/** A workspace-based Application Insights component: where the gateway's request telemetry and token metrics go. */
public interface IApplicationInsights extends IConstruct {
    /** @return the component's resource id */
    String resourceId();

    /** @return the connection string (sensitive), what an API Management logger sends with */
    String connectionString();
}
