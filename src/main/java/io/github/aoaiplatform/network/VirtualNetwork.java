package io.github.aoaiplatform.network;

import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.InvalidPropsException;
import software.constructs.Construct;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Virtual networks the app does not create: the landing zone's, by resource id. */
public final class VirtualNetwork {
    private VirtualNetwork() {}

    /** The Azure resource type of a virtual network id. */
    public static final String RESOURCE_TYPE = "Microsoft.Network/virtualNetworks";

    /**
     * An existing virtual network and its subnets.
     *
     * @param scope            the parent construct
     * @param id               the construct id
     * @param virtualNetworkId the network's resource id
     * @param location         the network's region
     * @param subnetIds        the resource id of the network's subnet per role; see
     *                         {@link ExistingVirtualNetworkProps#subnetIds()}
     * @return the network
     * @throws InvalidPropsException naming {@code VirtualNetwork.fromResourceId} and every bad argument
     */
    public static IVirtualNetwork fromResourceId(Construct scope, String id, String virtualNetworkId, String location,
                                                 Map<SubnetRole, String> subnetIds) {
        ExistingVirtualNetworkProps props;
        try {
            props = new ExistingVirtualNetworkProps(virtualNetworkId, location, subnetIds);
        } catch (InvalidPropsException e) {
            throw new InvalidPropsException("VirtualNetwork.fromResourceId", e.problems());
        }
        return fromExisting(scope, id, props);
    }

    /**
     * An existing virtual network and its subnets, from validated props.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the network's ids and region
     * @return the network; its subnets are children with the roles' construct ids
     */
    public static IVirtualNetwork fromExisting(Construct scope, String id, ExistingVirtualNetworkProps props) {
        return new Imported(scope, id, props);
    }

    private static final class Imported extends Construct implements IVirtualNetwork {
        private final String resourceId;
        private final String location;
        private final Map<SubnetRole, ISubnet> subnets;

        Imported(Construct scope, String id, ExistingVirtualNetworkProps props) {
            super(scope, id);
            this.resourceId = props.virtualNetworkId();
            this.location = props.location();
            Map<SubnetRole, ISubnet> byRole = new EnumMap<>(SubnetRole.class);
            props.subnetIds().forEach((role, subnetId) ->
                    byRole.put(role, Subnet.fromResourceId(this, role.constructId(), subnetId, location)));
            this.subnets = Collections.unmodifiableMap(byRole);
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String location() { return location; }
        @Override public Optional<ISubnet> subnet(SubnetRole role) { return Optional.ofNullable(subnets.get(role)); }
    }
}
