package io.github.aoaiplatform.openai;

import io.github.aoaiplatform.core.InvalidPropsException;
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
 */
public record ContentFilterProps(IOpenAiAccount account, ContentFilterOptions filter, Map<String, String> tags) {
    /**
     * Validates and copies.
     *
     * @param account see {@link #account()}
     * @param filter see {@link #filter()}
     * @param tags see {@link #tags()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public ContentFilterProps {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        PropsCheck check = PropsCheck.of("ContentFilterProps");
        check.require("account", account);
        check.require("filter", filter);
        check.throwIfAny();
    }

    /** @return a builder for {@link ContentFilterProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link ContentFilterProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private IOpenAiAccount account;
        private ContentFilterOptions filter;
        private Map<String, String> tags;

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
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public ContentFilterProps build() { return new ContentFilterProps(account, filter, tags); }
    }
}
