package io.github.aoaiplatform.dns;

import com.hashicorp.cdktf.providers.azurerm.private_dns_zone.PrivateDnsZone;
import com.hashicorp.cdktf.providers.azurerm.private_dns_zone_virtual_network_link.PrivateDnsZoneVirtualNetworkLink;
import io.github.aoaiplatform.core.AzureResourceId;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The private DNS zones the platform resolves through. Each zone is either the hub's existing one (central DNS
 * in a connectivity subscription; nothing is created, the hub links its own VNets) or created here and linked to
 * the platform VNet (auto-registration off). Child ids: {@code Zone-<zone name>} and {@code Link-<zone name>}.
 */
public final class PrivateDnsZones extends Construct {

    /**
     * @param zones             zone names needed (from {@link DnsZoneCatalogue}).
     * @param existingZoneIds   zone name to the hub's zone resource id; Defaults to: none (create every zone).
     * @param virtualNetworkId  VNet to link created zones to.
     * @param resourceGroupName resource group for created zones.
     * @param linkName          name of the VNet links.
     * @param tags              tags.
     */
    public record Props(Set<String> zones, Map<String, String> existingZoneIds, String virtualNetworkId,
                        String resourceGroupName, String linkName, Map<String, String> tags) {
        public Props {
            zones = new LinkedHashSet<>(Objects.requireNonNull(zones, "zones is required"));
            existingZoneIds = existingZoneIds == null ? Map.of() : Map.copyOf(existingZoneIds);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            List<String> problems = validate(existingZoneIds);
            for (String z : zones) if (!DnsZoneCatalogue.isKnown(z)) problems.add("zone '" + z + "' is not in the catalogue");
            if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Checks hub zone ids: known zone names, ids of private DNS zones whose name matches. */
    public static List<String> validate(Map<String, String> existingZoneIds) {
        List<String> problems = new ArrayList<>();
        existingZoneIds.forEach((zone, id) -> {
            String path = "dns.existingZoneIds." + zone;
            if (!DnsZoneCatalogue.isKnown(zone)) {
                problems.add(path + ": unknown zone; use one of " + DnsZoneCatalogue.all());
                return;
            }
            try {
                AzureResourceId parsed = AzureResourceId.parse(id, "Microsoft.Network/privateDnsZones");
                if (!parsed.name().equalsIgnoreCase(zone)) problems.add(path + ": the id names zone '" + parsed.name() + "', not '" + zone + "'");
            } catch (IllegalArgumentException e) {
                problems.add(path + ": " + e.getMessage());
            }
        });
        return problems;
    }

    private final Map<String, String> zoneIds = new LinkedHashMap<>();
    private final Map<String, PrivateDnsZone> created = new LinkedHashMap<>();

    public PrivateDnsZones(Construct scope, String id, Props props) {
        super(scope, id);
        for (String zone : props.zones()) {
            String existing = props.existingZoneIds().get(zone);
            if (existing != null) {
                zoneIds.put(zone, existing);
                continue;
            }
            PrivateDnsZone z = PrivateDnsZone.Builder.create(this, "Zone-" + zone)
                    .name(zone).resourceGroupName(props.resourceGroupName()).tags(props.tags()).build();
            PrivateDnsZoneVirtualNetworkLink.Builder.create(this, "Link-" + zone)
                    .name(props.linkName())
                    .privateDnsZoneName(z.getName())
                    .resourceGroupName(props.resourceGroupName())
                    .virtualNetworkId(props.virtualNetworkId())
                    .registrationEnabled(false)
                    .tags(props.tags())
                    .build();
            zoneIds.put(zone, z.getId());
            created.put(zone, z);
        }
    }

    /** The zone's resource id (created here or the hub's). */
    public String zoneId(String zone) {
        String id = zoneIds.get(zone);
        if (id == null) throw new IllegalArgumentException("private DNS zone '" + zone + "' was not requested from PrivateDnsZones");
        return id;
    }

    public List<String> zoneIds(List<String> zones) { return zones.stream().map(this::zoneId).toList(); }

    /** Zones created by this construct (not the hub's), for adding records. */
    public Map<String, PrivateDnsZone> createdZones() { return Map.copyOf(created); }
}
