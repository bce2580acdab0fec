package io.github.aoaiplatform.dns;

import io.github.aoaiplatform.core.AzureResourceId;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.ImportedResources;
import software.constructs.Construct;

/** Private DNS zones the app does not create: the hub's, by resource id. */
public final class PrivateDnsZone {
    private PrivateDnsZone() {}

    /** The Azure resource type of a private DNS zone id. */
    public static final String RESOURCE_TYPE = "Microsoft.Network/privateDnsZones";

    /**
     * An existing private DNS zone; its name and resource group come from the id.
     *
     * @param scope      the parent construct
     * @param id         the construct id
     * @param resourceId the zone's id, {@code /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<zone>}
     * @return the zone
     * @throws io.github.aoaiplatform.core.InvalidPropsException when the id is not a private DNS zone id
     */
    public static IPrivateDnsZone fromResourceId(Construct scope, String id, String resourceId) {
        AzureResourceId parsed = ImportedResources.parse("PrivateDnsZone.fromResourceId", resourceId, RESOURCE_TYPE);
        return new Imported(scope, id, resourceId, parsed.name(), parsed.resourceGroup());
    }

    private static final class Imported extends Construct implements IPrivateDnsZone {
        private final String resourceId;
        private final String zoneName;
        private final String resourceGroupName;

        Imported(Construct scope, String id, String resourceId, String zoneName, String resourceGroupName) {
            super(scope, id);
            this.resourceId = resourceId;
            this.zoneName = zoneName;
            this.resourceGroupName = resourceGroupName;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String zoneName() { return zoneName; }
        @Override public String resourceGroupName() { return resourceGroupName; }
    }
}
