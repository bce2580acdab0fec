package io.github.aoaiplatform.network;

import io.github.aoaiplatform.core.AzureResourceId;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A virtual network brought by the landing zone (hub-and-spoke), for {@link VirtualNetwork#fromExisting}: nothing is
 * created, and the subnets' NSGs are the landing zone's responsibility.
 *
 * @param virtualNetworkId the network's resource id,
 *                         {@code /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<name>}.
 *                         Required.
 * @param location         the network's region (an id does not say it). Required.
 * @param subnetIds        the resource id of the network's subnet per role; {@code GATEWAY} and
 *                         {@code PRIVATE_ENDPOINTS} are required, and every subnet must be in {@code virtualNetworkId}.
 *                         Required.
 */
public record ExistingVirtualNetworkProps(String virtualNetworkId, String location, Map<SubnetRole, String> subnetIds) {

    /**
     * Validates and copies.
     *
     * @param virtualNetworkId see {@link #virtualNetworkId()}
     * @param location         see {@link #location()}
     * @param subnetIds        see {@link #subnetIds()}
     */
    public ExistingVirtualNetworkProps {
        Map<SubnetRole, String> byRole = new EnumMap<>(SubnetRole.class);
        if (subnetIds != null) byRole.putAll(subnetIds);
        subnetIds = Collections.unmodifiableMap(byRole);
        PropsCheck check = PropsCheck.of("ExistingVirtualNetworkProps");
        if (check.require("virtualNetworkId", virtualNetworkId))
            check.resourceId("virtualNetworkId", virtualNetworkId, VirtualNetwork.RESOURCE_TYPE);
        if (check.require("location", location)) check.region("location", location);
        for (SubnetRole required : PlatformNetworkProps.REQUIRED_ROLES)
            if (!subnetIds.containsKey(required))
                check.add("subnetIds." + required.configKey(), "is required (an existing subnet's resource id)");
        boolean vnetKnown = isIdOf(virtualNetworkId, VirtualNetwork.RESOURCE_TYPE);
        for (var e : subnetIds.entrySet()) {
            String field = "subnetIds." + e.getKey().configKey();
            String id = e.getValue();
            if (!check.require(field, id)) continue;
            check.resourceId(field, id, Subnet.RESOURCE_TYPE);
            if (vnetKnown && isIdOf(id, Subnet.RESOURCE_TYPE)
                    && !id.toLowerCase(Locale.ROOT).startsWith(virtualNetworkId.toLowerCase(Locale.ROOT) + "/subnets/"))
                check.add(field, "the subnet is not in virtualNetworkId " + virtualNetworkId + "; give a subnet of that network");
        }
        check.throwIfAny();
    }

    /** Whether {@code id} is a resolved, well-formed id of the type (tokens are not: their value is unknown). */
    private static boolean isIdOf(String id, String type) {
        if (id == null || PropsCheck.isToken(id)) return false;
        try {
            AzureResourceId.parse(id, type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return a builder for {@link ExistingVirtualNetworkProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link ExistingVirtualNetworkProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String virtualNetworkId;
        private String location;
        private Map<SubnetRole, String> subnetIds;

        private Builder() {}

        /**
         * Sets {@link ExistingVirtualNetworkProps#virtualNetworkId()}.
         *
         * @param virtualNetworkId the value
         * @return this builder
         */
        public Builder virtualNetworkId(String virtualNetworkId) { this.virtualNetworkId = virtualNetworkId; return this; }

        /**
         * Sets {@link ExistingVirtualNetworkProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link ExistingVirtualNetworkProps#subnetIds()}.
         *
         * @param subnetIds the value
         * @return this builder
         */
        public Builder subnetIds(Map<SubnetRole, String> subnetIds) { this.subnetIds = subnetIds; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public ExistingVirtualNetworkProps build() { return new ExistingVirtualNetworkProps(virtualNetworkId, location, subnetIds); }
    }
}
