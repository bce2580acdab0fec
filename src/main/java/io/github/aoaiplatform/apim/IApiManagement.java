package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.core.IUserAssignedIdentity;
import software.constructs.IConstruct;

/**
 * An API Management service that APIs, backends and products attach to: created by {@link ApiGateway} or brought in with
 * {@link ApiGateway#fromResourceId}.
 */
public interface IApiManagement extends IConstruct {
    /** @return the service's resource id */
    String resourceId();

    /** @return the service name (a Terraform reference when created here) */
    String name();

    /** @return the service's resource group */
    String resourceGroupName();

    /** @return the user-assigned identity the service calls backends with */
    IUserAssignedIdentity identity();

    /**
     * @return how a policy names the identity's client id: the named value {@code {{uami-client-id}}} on a service
     *         created here, the client id itself on an imported one
     */
    String identityClientIdReference();

    /**
     * @return the id of the service's Application Insights logger, which API diagnostics write through, or null when it
     *         has none (or it is not known, on an imported service)
     */
    String applicationInsightsLoggerId();
}
