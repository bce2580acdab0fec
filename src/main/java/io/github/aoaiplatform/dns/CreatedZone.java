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
    private final PrivateDnsZone resource;
    private final String zoneName;
    private final String resourceGroupName;

    CreatedZone(Construct scope, String id, String zoneName, String resourceGroupName, Map<String, String> tags) {
        super(scope, id);
        this.zoneName = zoneName;
        this.resourceGroupName = resourceGroupName;
        resource = PrivateDnsZone.Builder.create(this, "Default")
                .name(zoneName).resourceGroupName(resourceGroupName).tags(tags).build();
    }

    @Override public String resourceId() { return resource.getId(); }
    @Override public String zoneName() { return zoneName; }
    @Override public String resourceGroupName() { return resourceGroupName; }
    @Override public String zoneNameReference() { return resource.getName(); }
}
