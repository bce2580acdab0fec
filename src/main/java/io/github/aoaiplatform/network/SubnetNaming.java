package io.github.aoaiplatform.network;

import java.util.Locale;

/**
 * Names the subnet and the network security group that {@link PlatformNetwork} creates for each {@link SubnetRole},
 * e.g. {@code (role, kind) -> naming.name(kind == Kind.SUBNET ? "snet" : "nsg", role)}.
 */
@FunctionalInterface
public interface SubnetNaming {
    /** What is being named. */
    enum Kind {
        /** The subnet (unique within its virtual network). */
        SUBNET,
        /** The subnet's network security group (unique within its resource group). */
        NETWORK_SECURITY_GROUP
    }

    /**
     * @param role the subnet's role
     * @param kind the subnet or its network security group
     * @return the Azure name
     */
    String name(SubnetRole role, Kind kind);

    /**
     * The default: {@code snet-<vnet name>-<role>} and {@code nsg-<vnet name>-<role>}, the role being its lower-case
     * key, e.g. {@code snet-vnet-hub-privateendpoints}.
     *
     * @param virtualNetworkName the virtual network's name
     * @return the naming
     */
    static SubnetNaming defaults(String virtualNetworkName) {
        return (role, kind) -> (kind == Kind.SUBNET ? "snet-" : "nsg-") + virtualNetworkName + "-"
                + role.configKey().toLowerCase(Locale.ROOT);
    }
}
