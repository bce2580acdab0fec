package io.github.aoaiplatform.network;

import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.ImportedResources;
import io.github.aoaiplatform.core.PropsCheck;
import software.constructs.Construct;

/** Subnets the app does not create: the landing zone's, by resource id. */
public final class Subnet {
    private Subnet() {}

    /** The Azure resource type of a subnet id. */
    public static final String RESOURCE_TYPE = "Microsoft.Network/virtualNetworks/subnets";

    /**
     * An existing subnet.
     *
     * @param scope      the parent construct
     * @param id         the construct id
     * @param resourceId the subnet's id, {@code /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<name>}
     * @param location   the region of its virtual network (an id does not say it)
     * @return the subnet
     * @throws io.github.aoaiplatform.core.InvalidPropsException when the id is not a subnet id or the region is unknown
     */
    public static ISubnet fromResourceId(Construct scope, String id, String resourceId, String location) {
        ImportedResources.parse("Subnet.fromResourceId", resourceId, RESOURCE_TYPE);
        PropsCheck check = PropsCheck.of("Subnet.fromResourceId");
        if (check.require("location", location)) check.region("location", location);
        check.throwIfAny();
        return new Imported(scope, id, resourceId, location);
    }

    private static final class Imported extends Construct implements ISubnet {
        private final String resourceId;
        private final String location;

        Imported(Construct scope, String id, String resourceId, String location) {
            super(scope, id);
            this.resourceId = resourceId;
            this.location = location;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String location() { return location; }
    }
}
