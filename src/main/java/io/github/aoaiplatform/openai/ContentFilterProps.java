package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of a {@link ContentFilter}.
 *
 * @param account the account the policy goes on. Required.
 * @param filter  the policy's settings. Required.
 * @param tags    tags on the policy; Defaults to: none.
 * @param azapi   the azapi provider that creates the policy (azurerm's cannot attach blocklists). Required.
 */
public record ContentFilterProps(IOpenAiAccount account, ContentFilterOptions filter, Map<String, String> tags, TerraformProvider azapi) {
    /**
     * Validates and copies.
     *
     * @param account see {@link #account()}
     * @param filter see {@link #filter()}
     * @param tags see {@link #tags()}
     * @param azapi see {@link #azapi()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public ContentFilterProps {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        PropsCheck check = PropsCheck.of("ContentFilterProps");
        check.require("account", account);
        check.require("filter", filter);
        check.require("azapi", azapi);
        check.throwIfAny();
    }

    /** @return a builder for {@link ContentFilterProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link ContentFilterProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private IOpenAiAccount account;
        private ContentFilterOptions filter;
        private Map<String, String> tags;
        private TerraformProvider azapi;

        private Builder() {}

        /**
         * Sets {@link ContentFilterProps#account()}.
         *
         * @param account the value
         * @return this builder
         */
        public Builder account(IOpenAiAccount account) { this.account = account; return this; }

        /**
         * Sets {@link ContentFilterProps#filter()}.
         *
         * @param filter the value
         * @return this builder
         */
        public Builder filter(ContentFilterOptions filter) { this.filter = filter; return this; }

        /**
         * Sets {@link ContentFilterProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * Sets {@link ContentFilterProps#azapi()}.
         *
         * @param azapi the value
         * @return this builder
         */
        public Builder azapi(TerraformProvider azapi) { this.azapi = azapi; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public ContentFilterProps build() { return new ContentFilterProps(account, filter, tags, azapi); }
    }
}
