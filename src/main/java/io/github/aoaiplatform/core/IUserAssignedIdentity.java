package io.github.aoaiplatform.core;

import software.constructs.IConstruct;

/** A user-assigned managed identity: a principal that resources can also run as. */
public interface IUserAssignedIdentity extends IPrincipal, IConstruct {
    /** @return the identity's resource id */
    String resourceId();

    /** @return the identity's client (application) id, what a resource names when it authenticates as it */
    String clientId();
}
