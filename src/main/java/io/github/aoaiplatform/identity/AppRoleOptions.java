package io.github.aoaiplatform.identity;

import java.util.List;

/**
 * An app role of an {@link EntraApiApplication}, e.g. {@code Chat.Invoke} or one per department. Validated by
 * {@link EntraApiApplicationProps}.
 *
 * @param value              the role's value in tokens: a letter, then up to 119 letters, digits, {@code . _ -}. Required.
 * @param displayName        the name shown in the portal; Defaults to: the value.
 * @param description        what the role allows; Defaults to: "Call the Azure OpenAI platform as &lt;value&gt;".
 * @param allowedMemberTypes who may hold it, {@code User} and/or {@code Application}; Defaults to: both.
 */
public record AppRoleOptions(String value, String displayName, String description, List<String> allowedMemberTypes) {
    /**
     * Copies and fills defaults; see the record's components.
     *
     * @param value              see {@link #value()}
     * @param displayName        see {@link #displayName()}
     * @param description        see {@link #description()}
     * @param allowedMemberTypes see {@link #allowedMemberTypes()}
     */
    public AppRoleOptions {
        displayName = displayName != null ? displayName : value;
        description = description != null ? description : "Call the Azure OpenAI platform as " + value;
        allowedMemberTypes = allowedMemberTypes == null || allowedMemberTypes.isEmpty()
                ? List.of("User", "Application") : List.copyOf(allowedMemberTypes);
    }

    /**
     * @param value the role's value
     * @return a role with default display name, description and member types
     */
    public static AppRoleOptions of(String value) { return new AppRoleOptions(value, null, null, null); }

    /** @return a builder for {@link AppRoleOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link AppRoleOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String value;
        private String displayName;
        private String description;
        private List<String> allowedMemberTypes;

        private Builder() {}

        /**
         * Sets {@link AppRoleOptions#value()}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder value(String value) { this.value = value; return this; }

        /**
         * Sets {@link AppRoleOptions#displayName()}.
         *
         * @param displayName the value
         * @return this builder
         */
        public Builder displayName(String displayName) { this.displayName = displayName; return this; }

        /**
         * Sets {@link AppRoleOptions#description()}.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) { this.description = description; return this; }

        /**
         * Sets {@link AppRoleOptions#allowedMemberTypes()}.
         *
         * @param allowedMemberTypes the value
         * @return this builder
         */
        public Builder allowedMemberTypes(List<String> allowedMemberTypes) { this.allowedMemberTypes = allowedMemberTypes; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public AppRoleOptions build() { return new AppRoleOptions(value, displayName, description, allowedMemberTypes); }
    }
}
