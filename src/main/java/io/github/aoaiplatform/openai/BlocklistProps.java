package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.core.PropsCheck;

/**
 * The inputs of a {@link Blocklist}.
 *
 * @param account   the account the blocklist goes on. Required.
 * @param blocklist the blocklist's settings. Required.
 * @param azapi     the azapi provider that creates the terms (azurerm has no resource for them). Required.
 */
public record BlocklistProps(IOpenAiAccount account, BlocklistOptions blocklist, TerraformProvider azapi) {
    /**
     * Validates.
     *
     * @param account see {@link #account()}
     * @param blocklist see {@link #blocklist()}
     * @param azapi see {@link #azapi()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public BlocklistProps {
        PropsCheck check = PropsCheck.of("BlocklistProps");
        check.require("account", account);
        check.require("blocklist", blocklist);
        check.require("azapi", azapi);
        check.throwIfAny();
    }

    /** @return a builder for {@link BlocklistProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link BlocklistProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private IOpenAiAccount account;
        private BlocklistOptions blocklist;
        private TerraformProvider azapi;

        private Builder() {}

        /**
         * Sets {@link BlocklistProps#account()}.
         *
         * @param account the value
         * @return this builder
         */
        public Builder account(IOpenAiAccount account) { this.account = account; return this; }

        /**
         * Sets {@link BlocklistProps#blocklist()}.
         *
         * @param blocklist the value
         * @return this builder
         */
        public Builder blocklist(BlocklistOptions blocklist) { this.blocklist = blocklist; return this; }

        /**
         * Sets {@link BlocklistProps#azapi()}.
         *
         * @param azapi the value
         * @return this builder
         */
        public Builder azapi(TerraformProvider azapi) { this.azapi = azapi; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public BlocklistProps build() { return new BlocklistProps(account, blocklist, azapi); }
    }
}
