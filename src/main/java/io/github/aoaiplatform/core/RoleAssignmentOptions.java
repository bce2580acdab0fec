package io.github.aoaiplatform.core;

/**
 * A role to assign on a resource (the Azure Verified Modules {@code role_assignments} interface). Resources also offer
 * {@code grantX(IPrincipal)} methods for the roles they know.
 *
 * @param roleDefinitionName the built-in or custom role's name, e.g. {@code Reader}. Required.
 * @param principal          who gets it. Required.
 * @param description        why; Defaults to: none.
 */
public record RoleAssignmentOptions(String roleDefinitionName, IPrincipal principal, String description) {
    /**
     * Validates; see the record's components.
     *
     * @param roleDefinitionName see {@link #roleDefinitionName()}
     * @param principal see {@link #principal()}
     * @param description see {@link #description()}
     */
    public RoleAssignmentOptions {
        PropsCheck check = PropsCheck.of("RoleAssignmentOptions");
        check.require("roleDefinitionName", roleDefinitionName);
        check.require("principal", principal);
        check.throwIfAny();
    }
}
