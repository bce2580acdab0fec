package io.github.aoaiplatform.identity;

import io.github.aoaiplatform.core.IUserAssignedIdentity;
import io.github.aoaiplatform.core.PropsCheck;

/**
 * The inputs of a {@link FederatedApplication}.
 *
 * @param displayName     the application's display name, shown to the admins who consent to it: 1-120 characters. Required.
 * @param trustedIdentity the user-assigned identity that signs in as the application. Required.
 * @param tenantId        the Entra tenant of the identity (the application's home tenant). Required.
 */
public record FederatedApplicationProps(String displayName, IUserAssignedIdentity trustedIdentity, String tenantId) {
    /** The longest display name Entra accepts. */
    public static final int MAX_DISPLAY_NAME = 120;

    /**
     * Validates every field; see the record's components.
     *
     * @param displayName see {@link #displayName()}
     * @param trustedIdentity see {@link #trustedIdentity()}
     * @param tenantId see {@link #tenantId()}
     */
    public FederatedApplicationProps {
        PropsCheck check = PropsCheck.of("FederatedApplicationProps");
        if (check.require("displayName", displayName))
            check.check(displayName.length() <= MAX_DISPLAY_NAME, "displayName", "must be at most " + MAX_DISPLAY_NAME + " characters");
        check.require("trustedIdentity", trustedIdentity);
        if (check.require("tenantId", tenantId)) check.guid("tenantId", tenantId);
        check.throwIfAny();
    }

    /** @return a builder for {@link FederatedApplicationProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link FederatedApplicationProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String displayName;
        private IUserAssignedIdentity trustedIdentity;
        private String tenantId;

        private Builder() {}

        /**
         * Sets {@link FederatedApplicationProps#displayName()}.
         *
         * @param displayName the value
         * @return this builder
         */
        public Builder displayName(String displayName) { this.displayName = displayName; return this; }

        /**
         * Sets {@link FederatedApplicationProps#trustedIdentity()}.
         *
         * @param trustedIdentity the value
         * @return this builder
         */
        public Builder trustedIdentity(IUserAssignedIdentity trustedIdentity) { this.trustedIdentity = trustedIdentity; return this; }

        /**
         * Sets {@link FederatedApplicationProps#tenantId()}.
         *
         * @param tenantId the value
         * @return this builder
         */
        public Builder tenantId(String tenantId) { this.tenantId = tenantId; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public FederatedApplicationProps build() { return new FederatedApplicationProps(displayName, trustedIdentity, tenantId); }
    }
}
