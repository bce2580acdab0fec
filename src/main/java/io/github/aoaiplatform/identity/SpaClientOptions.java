package io.github.aoaiplatform.identity;

import java.util.List;

/**
 * A single-page app (browser) registration that signs users in and calls the API with the delegated scope. Validated
 * by {@link EntraApiApplicationProps}.
 *
 * @param name         the client's name, part of its construct id ({@code Spa-<name>}) and display name. Required.
 * @param redirectUris where Entra ID returns tokens: https, or http only on localhost. Required, at least one.
 */
public record SpaClientOptions(String name, List<String> redirectUris) {
    /**
     * Validates and fills defaults; see the record's components.
     *
     * @param name         see {@link #name()}
     * @param redirectUris see {@link #redirectUris()}
     */
    public SpaClientOptions {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    }

    /** @return a builder for {@link SpaClientOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link SpaClientOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private List<String> redirectUris;

        private Builder() {}

        /**
         * Sets {@link SpaClientOptions#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link SpaClientOptions#redirectUris()}.
         *
         * @param redirectUris the value
         * @return this builder
         */
        public Builder redirectUris(List<String> redirectUris) { this.redirectUris = redirectUris; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public SpaClientOptions build() { return new SpaClientOptions(name, redirectUris); }
    }
}
