package io.github.aoaiplatform.openai;

import io.github.aoaiplatform.core.IUserAssignedIdentity;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.regex.Pattern;

/**
 * Encryption of an account with a customer-managed key (the Azure Verified Modules {@code customer_managed_key}
 * interface).
 *
 * @param keyVaultKeyId versionless or versioned Key Vault key id, {@code https://<vault>.vault.azure.net/keys/<name>[/<version>]}.
 *                      Required.
 * @param identity      the user-assigned identity with get, wrap and unwrap on the key; the account runs as it too.
 *                      Required.
 */
public record CustomerManagedKeyOptions(String keyVaultKeyId, IUserAssignedIdentity identity) {
    private static final Pattern KEY_ID = Pattern.compile("https://[a-z0-9-]+\\.vault\\.azure\\.net/keys/[A-Za-z0-9-]+(/[0-9a-f]{32})?");

    /**
     * Validates.
     *
     * @param keyVaultKeyId see {@link #keyVaultKeyId()}
     * @param identity see {@link #identity()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public CustomerManagedKeyOptions {
        PropsCheck check = PropsCheck.of("CustomerManagedKeyOptions");
        if (check.require("keyVaultKeyId", keyVaultKeyId))
            check.matches("keyVaultKeyId", keyVaultKeyId, KEY_ID, "a key id like https://<vault>.vault.azure.net/keys/<name>");
        check.require("identity", identity);
        check.throwIfAny();
    }

    /** @return a builder for {@link CustomerManagedKeyOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link CustomerManagedKeyOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String keyVaultKeyId;
        private IUserAssignedIdentity identity;

        private Builder() {}

        /**
         * Sets {@link CustomerManagedKeyOptions#keyVaultKeyId()}.
         *
         * @param keyVaultKeyId the value
         * @return this builder
         */
        public Builder keyVaultKeyId(String keyVaultKeyId) { this.keyVaultKeyId = keyVaultKeyId; return this; }

        /**
         * Sets {@link CustomerManagedKeyOptions#identity()}.
         *
         * @param identity the value
         * @return this builder
         */
        public Builder identity(IUserAssignedIdentity identity) { this.identity = identity; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public CustomerManagedKeyOptions build() { return new CustomerManagedKeyOptions(keyVaultKeyId, identity); }
    }
}
