package io.github.aoaiplatform.core;

import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;

/**
 * Transitional: wraps the id strings that some constructs' props still take (a private-endpoint subnet id, private DNS
 * zone ids) as {@link ISubnet} and {@link IPrivateDnsZone}, so that their endpoints use {@link PrivateEndpointProps}.
 * The ids are not checked: they may be Terraform references (a zone's name and resource group are read from its id, so
 * only a literal id has them). Remove once MonitorPrivateLinkScope, UsageEventHub,
 * ApiGateway and OpenAiAccount take {@link PrivateEndpointOptions} and render them with
 * {@link ResourceInterfaces#privateEndpoints}.
 */
public final class IdReferences {
    private IdReferences() {}

    /**
     * A subnet known only by its id.
     *
     * @param scope    the parent construct
     * @param id       the construct id
     * @param subnetId the subnet's resource id or a reference to it
     * @param location the region of its virtual network
     * @return the subnet
     */
    public static ISubnet subnet(Construct scope, String id, String subnetId, String location) {
        return new SubnetById(scope, id, subnetId, location);
    }

    /**
     * Private DNS zones known only by their ids, for an endpoint's zone group (which needs nothing but the ids).
     *
     * @param scope    the parent construct
     * @param idPrefix the construct id of the first zone; later ones get {@code 2}, {@code 3}, ... appended
     * @param zoneIds  the zones' resource ids or references to them
     * @return the zones, in order
     */
    public static List<IPrivateDnsZone> privateDnsZones(Construct scope, String idPrefix, List<String> zoneIds) {
        List<IPrivateDnsZone> zones = new ArrayList<>();
        for (int i = 0; i < zoneIds.size(); i++)
            zones.add(new ZoneById(scope, i == 0 ? idPrefix : idPrefix + (i + 1), zoneIds.get(i)));
        return zones;
    }

    private static final class SubnetById extends Construct implements ISubnet {
        private final String resourceId;
        private final String location;

        SubnetById(Construct scope, String id, String resourceId, String location) {
            super(scope, id);
            this.resourceId = resourceId;
            this.location = location;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String location() { return location; }
    }

    private static final class ZoneById extends Construct implements IPrivateDnsZone {
        private final String resourceId;

        ZoneById(Construct scope, String id, String resourceId) {
            super(scope, id);
            this.resourceId = resourceId;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String zoneName() { return parsed().name(); }
        @Override public String resourceGroupName() { return parsed().resourceGroup(); }

        private AzureResourceId parsed() { return AzureResourceId.parse(resourceId, "Microsoft.Network/privateDnsZones"); }
    }
}
