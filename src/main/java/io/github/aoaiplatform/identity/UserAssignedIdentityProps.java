package io.github.aoaiplatform.identity;

import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.regex.Pattern;

/**
 * The inputs of a {@link UserAssignedIdentity}.
 *
 * @param name          identity name: 3-128 letters, digits, hyphens or underscores, starting with a letter or digit.
 *                      Required.
 * @param resourceGroup the resource group. Required.
 * @param location      region; Defaults to: the resource group's.
 */
public record UserAssignedIdentityProps(String name, IResourceGroup resourceGroup, String location) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}");

    /**

     * Validates and fills defaults; see the record's components.

     *

     * @param name          see {@link #name()}

     * @param resourceGroup see {@link #resourceGroup()}

     * @param location      see {@link #location()}

     */
    public UserAssignedIdentityProps {
        PropsCheck check = PropsCheck.of("UserAssignedIdentityProps");
        if (check.require("name", name)) check.matches("name", name, NAME, "3-128 letters, digits, - or _, starting with a letter or digit");
        if (check.require("resourceGroup", resourceGroup) && location == null) location = resourceGroup.location();
        check.region("location", location);
        check.throwIfAny();
    }

    /** @return a builder for {@link UserAssignedIdentityProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link UserAssignedIdentityProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private IResourceGroup resourceGroup;
        private String location;

        private Builder() {}

        /**
         * Sets {@link UserAssignedIdentityProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link UserAssignedIdentityProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link UserAssignedIdentityProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public UserAssignedIdentityProps build() { return new UserAssignedIdentityProps(name, resourceGroup, location); }
    }
}
