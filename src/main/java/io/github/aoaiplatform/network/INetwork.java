package io.github.aoaiplatform.network;

import java.util.Optional;

/** A virtual network the platform lives in: created by {@link PlatformNetwork} or brought by the landing zone. */
public interface INetwork {
    /** Resource id of the virtual network. */
    String virtualNetworkId();
    /** Resource id of the subnet for a role; empty when the network has no such subnet. */
    Optional<String> subnetId(SubnetRole role);
    /** Region of the network (private endpoints go there). */
    String location();

    /** The subnet for a role, failing with a clear message when it is absent. */
    default String requireSubnetId(SubnetRole role) {
        return subnetId(role).orElseThrow(() -> new IllegalArgumentException(
                "the network has no '" + role.configKey() + "' subnet; add network.subnets." + role.configKey()));
    }
}
