package io.github.aoaiplatform.identity;

import io.github.aoaiplatform.core.AzureResourceId;
import io.github.aoaiplatform.core.ConstructPath;
import io.github.aoaiplatform.core.IUserAssignedIdentity;
import io.github.aoaiplatform.core.ImportedResources;
import io.github.aoaiplatform.core.PrincipalType;
import io.github.aoaiplatform.core.PropsCheck;
import software.constructs.Construct;


/**
 * A user-assigned managed identity: what the gateway (or any resource) authenticates to Azure services as. Its
 * Terraform resource is the child {@code Default}, which cdktf leaves out of addresses, so an identity created with id
 * {@code Identity} keeps the address of a plain identity resource with that id.
 */
public final class UserAssignedIdentity extends Construct implements IUserAssignedIdentity {
    /** The Azure resource type of an identity id. */
    public static final String RESOURCE_TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities";

    /**
     * An identity the app does not create.
     *
     * @param scope       the parent construct
     * @param id          the construct id
     * @param resourceId  the identity's resource id
     * @param principalId its principal (object) id; may be null when the identity is only run as (for example a
     *                    customer-managed key's identity), in which case it cannot be granted roles
     * @param clientId    its client id
     * @return the identity
     */
    public static IUserAssignedIdentity fromAttributes(Construct scope, String id, String resourceId, String principalId, String clientId) {
        ImportedResources.parse("UserAssignedIdentity.fromAttributes", resourceId, RESOURCE_TYPE);
        PropsCheck check = PropsCheck.of("UserAssignedIdentity.fromAttributes");
        check.guid("principalId", principalId);
        if (check.require("clientId", clientId)) check.guid("clientId", clientId);
        check.throwIfAny();
        return new Imported(scope, id, resourceId, principalId, clientId);
    }

    // Taken once: each get of a resource attribute is a round trip to the JavaScript core.
    private final String resourceId;
    private final String clientId;
    private final String principalId;

    /**
     * Creates the identity.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the identity's inputs
     */
    public UserAssignedIdentity(Construct scope, String id, UserAssignedIdentityProps props) {
        super(scope, id);
        var resource = com.hashicorp.cdktf.providers.azurerm.user_assigned_identity.UserAssignedIdentity.Builder.create(this, "Default")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroup().name())
                .build();
        resourceId = resource.getId();
        clientId = resource.getClientId();
        principalId = resource.getPrincipalId();
    }

    @Override public String resourceId() { return resourceId; }
    @Override public String clientId() { return clientId; }
    @Override public String principalId() { return principalId; }
    @Override public PrincipalType principalType() { return PrincipalType.SERVICE_PRINCIPAL; }
    @Override public String grantKey() { return grantKeyOf(this); }

    /**
     * The grant key of a construct-backed principal: its path below the stack, hyphen-joined, without {@code Default}
     * parts, e.g. {@code Gateway-Identity}.
     */
    static String grantKeyOf(Construct construct) {
        return String.join("-", ConstructPath.belowStack(construct).stream().filter(id -> !id.equals("Default")).toList());
    }

    private static final class Imported extends Construct implements IUserAssignedIdentity {
        private final String resourceId;
        private final String principalId;
        private final String clientId;

        Imported(Construct scope, String id, String resourceId, String principalId, String clientId) {
            super(scope, id);
            this.resourceId = resourceId;
            this.principalId = principalId;
            this.clientId = clientId;
        }

        @Override public String resourceId() { return resourceId; }
        @Override public String clientId() { return clientId; }
        @Override public String principalId() {
            if (principalId == null)
                throw new IllegalStateException("identity " + resourceId + " was brought in without a principal id; "
                        + "give one to UserAssignedIdentity.fromAttributes to grant it roles");
            return principalId;
        }
        @Override public PrincipalType principalType() { return PrincipalType.SERVICE_PRINCIPAL; }
        @Override public String grantKey() { return AzureResourceId.parse(resourceId, RESOURCE_TYPE).name(); }
    }
}
