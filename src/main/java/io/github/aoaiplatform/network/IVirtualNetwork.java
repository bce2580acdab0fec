package io.github.aoaiplatform.network;

import io.github.aoaiplatform.core.ISubnet;
import software.constructs.IConstruct;

import java.util.Optional;

/**
 * A virtual network the platform lives in: created by {@link PlatformNetwork} or brought by the landing zone with
 * {@link VirtualNetwork#fromResourceId}.
 */
public interface IVirtualNetwork extends IConstruct {
    /** @return the virtual network's resource id (a Terraform reference when it is created here) */
    String resourceId();

    /** @return the network's region, where private endpoints in its subnets go */
    String location();

    /**
     * @param role what the subnet is for
     * @return the network's subnet for that role; empty when it has none
     */
    Optional<ISubnet> subnet(SubnetRole role);

    /**
     * The subnet for a role, failing with a clear message when the network has none.
     *
     * @param role what the subnet is for
     * @return the subnet
     * @throws IllegalArgumentException when the network has no subnet for the role
     */
    default ISubnet requireSubnet(SubnetRole role) {
        return subnet(role).orElseThrow(() -> new IllegalArgumentException("the virtual network " + getNode().getPath()
                + " has no " + role.configKey() + " subnet; give it in PlatformNetworkProps.subnets." + role.configKey()
                + " or ExistingVirtualNetworkProps.subnetIds." + role.configKey()));
    }
}
