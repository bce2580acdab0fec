package io.github.aoaiplatform.openai;

import io.github.aoaiplatform.core.PropsCheck;

import java.util.List;

/**
 * The settings of a custom blocklist, independent of the account it goes on, so that one definition can be created on
 * several accounts ({@link BlocklistProps}).
 *
 * @param name        blocklist name. Required.
 * @param description free text; Defaults to: none.
 * @param terms       exact-match terms to block (case-insensitive), none blank. Required, at least one.
 */
public record BlocklistOptions(String name, String description, List<String> terms) {
    /**
     * Validates every field and fills defaults.
     *
     * @param name see {@link #name()}
     * @param description see {@link #description()}
     * @param terms see {@link #terms()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public BlocklistOptions {
        terms = terms == null ? List.of() : List.copyOf(terms);
        PropsCheck check = PropsCheck.of("BlocklistOptions");
        check.require("name", name);
        if (terms.isEmpty()) check.add("terms", "must list at least one term");
        for (int i = 0; i < terms.size(); i++)
            check.check(!terms.get(i).isBlank(), "terms[" + i + "]", "must not be blank");
        check.throwIfAny();
    }

    /** @return a builder for {@link BlocklistOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link BlocklistOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private String description;
        private List<String> terms;

        private Builder() {}

        /**
         * Sets {@link BlocklistOptions#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link BlocklistOptions#description()}.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) { this.description = description; return this; }

        /**
         * Sets {@link BlocklistOptions#terms()}.
         *
         * @param terms the value
         * @return this builder
         */
        public Builder terms(List<String> terms) { this.terms = terms; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public BlocklistOptions build() { return new BlocklistOptions(name, description, terms); }
    }
}
