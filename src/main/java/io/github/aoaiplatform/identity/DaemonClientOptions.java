package io.github.aoaiplatform.identity;

/**
 * A daemon (service) app registration that calls the API with an app role (client credentials). Validated by
 * {@link EntraApiApplicationProps}.
 *
 * @param name the client's name, part of its construct id ({@code Daemon-<name>}) and display name. Required.
 * @param role the app role it is granted: one of the API's app roles. Required.
 */
public record DaemonClientOptions(String name, String role) {

    /** @return a builder for {@link DaemonClientOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link DaemonClientOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private String role;

        private Builder() {}

        /**
         * Sets {@link DaemonClientOptions#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link DaemonClientOptions#role()}.
         *
         * @param role the value
         * @return this builder
         */
        public Builder role(String role) { this.role = role; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public DaemonClientOptions build() { return new DaemonClientOptions(name, role); }
    }
}
