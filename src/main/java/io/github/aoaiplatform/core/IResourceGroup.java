package io.github.aoaiplatform.core;

import software.constructs.IConstruct;

/** A resource group: created by {@link ResourceGroup} or brought in with {@link ResourceGroup#fromName}. */
public interface IResourceGroup extends IConstruct {
    /** @return the group's name (a Terraform reference when the group is created here) */
    String name();

    /** @return the group's region, the default region of the resources put in it */
    String location();
}
