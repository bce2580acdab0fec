package io.github.aoaiplatform.core;

import java.util.Objects;

/**
 * Something that can be granted a role: a managed identity, an application's service principal, a user or a group.
 * Resources grant access with {@code grantX(IPrincipal)} methods.
 */
public interface IPrincipal {
    /** @return the principal's object id (a Terraform reference for identities created here) */
    String principalId();

    /** @return the kind of principal */
    PrincipalType principalType();

    /**
     * @return a short, stable, unique name for this principal, used in the construct ids of its role assignments
     *         (so it becomes part of Terraform addresses), e.g. {@code Gateway-Identity}
     */
    String grantKey();

    /**
     * A principal the app does not create, by object id.
     *
     * @param principalId the object id (a GUID)
     * @param type        its kind
     * @return the principal
     * @throws InvalidPropsException when the id is not a GUID
     */
    static IPrincipal of(String principalId, PrincipalType type) {
        PropsCheck check = PropsCheck.of("IPrincipal");
        if (check.require("principalId", principalId)) check.guid("principalId", principalId);
        check.require("type", type);
        check.throwIfAny();
        return new IPrincipal() {
            @Override public String principalId() { return principalId; }
            @Override public PrincipalType principalType() { return type; }
            @Override public String grantKey() { return principalId; }
            @Override public boolean equals(Object o) {
                return o instanceof IPrincipal p && p.principalId().equals(principalId) && p.principalType() == type;
            }
            @Override public int hashCode() { return Objects.hash(principalId, type); }
        };
    }
}
