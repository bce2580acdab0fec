package io.github.aoaiplatform.core;

import software.constructs.IConstruct;

/** A subnet: created by the network package or brought in from the landing zone with {@code Subnet.fromResourceId}. */
public interface ISubnet extends IConstruct {
    /** @return the subnet's resource id */
    String resourceId();

    /** @return the region of the subnet's virtual network, where private endpoints in it go */
    String location();
}
