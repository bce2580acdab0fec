package io.github.aoaiplatform.app;

import io.github.aoaiplatform.core.AzureResourceId;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.IUserAssignedIdentity;
import io.github.aoaiplatform.core.PrincipalType;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.dns.PrivateDnsZone;
import software.constructs.Construct;

/**
 * The stack file's resources as the library's reference interfaces, until the network and DNS constructs hand out
 * their own: ids here may be Terraform references (resources this stack creates), which the type-checking
 * {@code fromResourceId} factories cannot parse. The stack file has already checked the literal ones.
 */
final class ConfigReferences {
    private ConfigReferences() {}

    static ISubnet subnet(Construct scope, String id, String resourceId, String location) {
        return new Subnet(scope, id, resourceId, location);
    }

    /** A zone created in {@code createdIn} (its id is a reference) or an existing one (its id names its group). */
    static IPrivateDnsZone dnsZone(Construct scope, String id, String resourceId, String zoneName, String createdIn) {
        String resourceGroupName = PropsCheck.isToken(resourceId) ? createdIn
                : AzureResourceId.parse(resourceId, PrivateDnsZone.RESOURCE_TYPE).resourceGroup();
        return new DnsZone(scope, id, resourceId, zoneName, resourceGroupName);
    }

    /** The customer-managed key's identity: the stack file gives its id and client id, not its principal id. */
    static IUserAssignedIdentity keyIdentity(Construct scope, String id, String resourceId, String clientId) {
        return new KeyIdentity(scope, id, resourceId, clientId);
    }

    private static final class Subnet extends Construct implements ISubnet {
        private final String resourceId;
        private final String location;

        Subnet(Construct scope, String id, String resourceId, String location) {
            super(scope, id);
            this.resourceId = resourceId;
            this.location = location;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String location() { return location; }
    }

    private static final class DnsZone extends Construct implements IPrivateDnsZone {
        private final String resourceId;
        private final String zoneName;
        private final String resourceGroupName;

        DnsZone(Construct scope, String id, String resourceId, String zoneName, String resourceGroupName) {
            super(scope, id);
            this.resourceId = resourceId;
            this.zoneName = zoneName;
            this.resourceGroupName = resourceGroupName;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String zoneName() { return zoneName; }
        @Override public String resourceGroupName() { return resourceGroupName; }
    }

    private static final class KeyIdentity extends Construct implements IUserAssignedIdentity {
        private final String resourceId;
        private final String clientId;

        KeyIdentity(Construct scope, String id, String resourceId, String clientId) {
            super(scope, id);
            this.resourceId = resourceId;
            this.clientId = clientId;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String clientId() { return clientId; }
        @Override public String principalId() {
            throw new UnsupportedOperationException("openAi.customerManagedKey gives no principal id: it cannot be granted roles");
        }
        @Override public PrincipalType principalType() { return PrincipalType.SERVICE_PRINCIPAL; }
        @Override public String grantKey() { return getNode().getId(); }
    }
}
