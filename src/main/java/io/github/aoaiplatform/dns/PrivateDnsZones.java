package io.github.aoaiplatform.dns;

import com.hashicorp.cdktf.providers.azurerm.private_dns_zone_virtual_network_link.PrivateDnsZoneVirtualNetworkLink;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import software.constructs.Construct;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The private DNS zones the platform resolves through. Each zone is either the hub's existing one (central DNS
 * in a connectivity subscription; nothing is created, the hub links its own VNets) or created here and linked to
 * the platform VNet (auto-registration off). Child ids: {@code Zone-<zone name>} and {@code Link-<zone name>}.
 */
public final class PrivateDnsZones extends Construct {
    private final Map<String, IPrivateDnsZone> zones = new LinkedHashMap<>();
    private final Map<String, IPrivateDnsZone> created = new LinkedHashMap<>();

    /**
     * Creates and links the zones the hub does not have.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the zones' inputs
     */
    public PrivateDnsZones(Construct scope, String id, PrivateDnsZonesProps props) {
        super(scope, id);
        for (String zone : props.zones()) {
            IPrivateDnsZone existing = props.existingZones().get(zone);
            if (existing != null) {
                zones.put(zone, existing);
                continue;
            }
            CreatedZone z = new CreatedZone(this, "Zone-" + zone, zone, props.resourceGroup().name(), props.tags());
            PrivateDnsZoneVirtualNetworkLink.Builder.create(this, "Link-" + zone)
                    .name(props.linkName())
                    .privateDnsZoneName(z.zoneNameReference())
                    .resourceGroupName(props.resourceGroup().name())
                    .virtualNetworkId(props.virtualNetwork().resourceId())
                    .registrationEnabled(false)
                    .tags(props.tags())
                    .build();
            zones.put(zone, z);
            created.put(zone, z);
        }
    }

    /**
     * @param zoneName a zone listed in {@link PrivateDnsZonesProps#zones()}
     * @return the zone, created here or the hub's; a created zone's {@link IPrivateDnsZone#zoneNameReference()} makes
     *         records wait for it
     * @throws IllegalArgumentException when the zone was not listed
     */
    public IPrivateDnsZone zone(String zoneName) {
        IPrivateDnsZone zone = zones.get(zoneName);
        if (zone == null)
            throw new IllegalArgumentException("private DNS zone '" + zoneName + "' is not in PrivateDnsZonesProps.zones; add it there");
        return zone;
    }

    /**
     * @param zoneNames zones listed in {@link PrivateDnsZonesProps#zones()}
     * @return the zones, in the same order
     * @throws IllegalArgumentException when a zone was not listed
     */
    public List<IPrivateDnsZone> zones(List<String> zoneNames) { return zoneNames.stream().map(this::zone).toList(); }

    /** @return the zones created here (not the hub's) by zone name, in order, e.g. to add records to */
    public Map<String, IPrivateDnsZone> createdZones() { return Collections.unmodifiableMap(created); }
}
