package io.github.aoaiplatform.dns;

import com.hashicorp.cdktf.providers.azurerm.private_dns_zone.PrivateDnsZone;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import software.constructs.Construct;

import java.util.Map;

/**
 * A private DNS zone created by {@link PrivateDnsZones}. Its Terraform resource is the child {@code Default}, which
 * cdktf leaves out of addresses, so the zone keeps the address of a plain zone resource with this construct's id.
 */
final class CreatedZone extends Construct implements IPrivateDnsZone {
    private final String zoneName;
    private final String resourceGroupName;
    // Taken once: each get of a resource attribute is a round trip to the JavaScript core.
    private final String resourceId;
    private final String zoneNameReference;

    CreatedZone(Construct scope, String id, String zoneName, String resourceGroupName, Map<String, String> tags) {
        super(scope, id);
        this.zoneName = zoneName;
        this.resourceGroupName = resourceGroupName;
        PrivateDnsZone resource = PrivateDnsZone.Builder.create(this, "Default")
                .name(zoneName).resourceGroupName(resourceGroupName).tags(tags).build();
        resourceId = resource.getId();
        zoneNameReference = resource.getName();
    }

    @Override public String resourceId() { return resourceId; }
    @Override public String zoneName() { return zoneName; }
    @Override public String resourceGroupName() { return resourceGroupName; }
    @Override public String zoneNameReference() { return zoneNameReference; }
}
