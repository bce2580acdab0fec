package io.github.aoaiplatform.core;

import java.util.List;

/**
 * The managed identities a resource runs as (the Azure Verified Modules {@code managed_identities} interface).
 *
 * @param systemAssigned whether the resource gets a system-assigned identity; Defaults to: false.
 * @param userAssigned   user-assigned identities attached to the resource; Defaults to: none.
 */
public record ManagedIdentities(boolean systemAssigned, List<IUserAssignedIdentity> userAssigned) {
    /**
     * Copies the list; see the record's components.
     *
     * @param systemAssigned see {@link #systemAssigned()}
     * @param userAssigned see {@link #userAssigned()}
     */
    public ManagedIdentities {
        userAssigned = userAssigned == null ? List.of() : List.copyOf(userAssigned);
    }

    /** @return a system-assigned identity only */
    public static ManagedIdentities systemAssignedOnly() { return new ManagedIdentities(true, List.of()); }

    /**
     * @param identities the user-assigned identities
     * @return those identities only
     */
    public static ManagedIdentities userAssigned(IUserAssignedIdentity... identities) {
        return new ManagedIdentities(false, List.of(identities));
    }

    /** @return no managed identity */
    public static ManagedIdentities none() { return new ManagedIdentities(false, List.of()); }

    /**
     * @return the identity block's {@code type} ({@code SystemAssigned}, {@code UserAssigned} or
     *         {@code SystemAssigned, UserAssigned}), or null when there is none
     */
    public String azureType() {
        if (systemAssigned && !userAssigned.isEmpty()) return "SystemAssigned, UserAssigned";
        if (systemAssigned) return "SystemAssigned";
        return userAssigned.isEmpty() ? null : "UserAssigned";
    }

    /** @return the user-assigned identities' resource ids */
    public List<String> userAssignedIds() { return userAssigned.stream().map(IUserAssignedIdentity::resourceId).toList(); }
}
