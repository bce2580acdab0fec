package io.github.aoaiplatform.dns;

import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.network.IVirtualNetwork;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The inputs of {@link PrivateDnsZones}.
 *
 * @param zones          the zone names needed, from {@link DnsZoneCatalogue} (e.g. {@link DnsZoneCatalogue#forOpenAi});
 *                       a name listed twice counts once. Defaults to: none.
 * @param existingZones  the hub's zones, by zone name, brought in with {@link PrivateDnsZone#fromResourceId}; each
 *                       zone's name must equal its key. These are used as they are and not created. Defaults to: none
 *                       (every zone in {@code zones} is created).
 * @param virtualNetwork the network the created zones are linked to. Required when a zone is created.
 * @param resourceGroup  the resource group of the created zones and links. Required when a zone is created.
 * @param linkName       the name of each created zone's link to {@code virtualNetwork}; Defaults to:
 *                       {@value #DEFAULT_LINK_NAME}.
 * @param tags           tags of the created zones and links; Defaults to: none.
 */
public record PrivateDnsZonesProps(List<String> zones, Map<String, IPrivateDnsZone> existingZones,
                                   IVirtualNetwork virtualNetwork, IResourceGroup resourceGroup, String linkName,
                                   Map<String, String> tags) {
    /** The default name of the links from created zones to the virtual network. */
    public static final String DEFAULT_LINK_NAME = "link-to-platform-vnet";

    /**
     * Validates, fills defaults and copies.
     *
     * @param zones          see {@link #zones()}
     * @param existingZones  see {@link #existingZones()}
     * @param virtualNetwork see {@link #virtualNetwork()}
     * @param resourceGroup  see {@link #resourceGroup()}
     * @param linkName       see {@link #linkName()}
     * @param tags           see {@link #tags()}
     */
    public PrivateDnsZonesProps {
        zones = zones == null ? List.of() : List.copyOf(new LinkedHashSet<>(zones));
        existingZones = existingZones == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(existingZones));
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        linkName = linkName == null ? DEFAULT_LINK_NAME : linkName;
        PropsCheck check = PropsCheck.of("PrivateDnsZonesProps");
        for (int i = 0; i < zones.size(); i++)
            if (!DnsZoneCatalogue.isKnown(zones.get(i)))
                check.add("zones[" + i + "]", "'" + zones.get(i) + "' is not in the catalogue; use one of " + DnsZoneCatalogue.all());
        existingZones.forEach((zone, existing) -> {
            String field = "existingZones." + zone;
            if (!DnsZoneCatalogue.isKnown(zone)) check.add(field, "unknown zone; use one of " + DnsZoneCatalogue.all());
            else if (check.require(field, existing) && !existing.zoneName().equalsIgnoreCase(zone))
                check.add(field, "the zone is '" + existing.zoneName() + "', not '" + zone + "'; give the hub's " + zone + " zone");
        });
        Map<String, IPrivateDnsZone> hub = existingZones;
        if (zones.stream().anyMatch(z -> !hub.containsKey(z))) {
            check.require("virtualNetwork", virtualNetwork);
            check.require("resourceGroup", resourceGroup);
        }
        check.throwIfAny();
    }

    /** @return a builder for {@link PrivateDnsZonesProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link PrivateDnsZonesProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private List<String> zones;
        private Map<String, IPrivateDnsZone> existingZones;
        private IVirtualNetwork virtualNetwork;
        private IResourceGroup resourceGroup;
        private String linkName;
        private Map<String, String> tags;

        private Builder() {}

        /**
         * Sets {@link PrivateDnsZonesProps#zones()}.
         *
         * @param zones the value
         * @return this builder
         */
        public Builder zones(List<String> zones) { this.zones = zones; return this; }

        /**
         * Sets {@link PrivateDnsZonesProps#existingZones()}.
         *
         * @param existingZones the value
         * @return this builder
         */
        public Builder existingZones(Map<String, IPrivateDnsZone> existingZones) { this.existingZones = existingZones; return this; }

        /**
         * Sets {@link PrivateDnsZonesProps#virtualNetwork()}.
         *
         * @param virtualNetwork the value
         * @return this builder
         */
        public Builder virtualNetwork(IVirtualNetwork virtualNetwork) { this.virtualNetwork = virtualNetwork; return this; }

        /**
         * Sets {@link PrivateDnsZonesProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link PrivateDnsZonesProps#linkName()}.
         *
         * @param linkName the value
         * @return this builder
         */
        public Builder linkName(String linkName) { this.linkName = linkName; return this; }

        /**
         * Sets {@link PrivateDnsZonesProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public PrivateDnsZonesProps build() { return new PrivateDnsZonesProps(zones, existingZones, virtualNetwork, resourceGroup, linkName, tags); }
    }
}
