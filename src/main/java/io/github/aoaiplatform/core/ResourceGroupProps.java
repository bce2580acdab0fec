package io.github.aoaiplatform.core;

import java.util.regex.Pattern;

/**
 * The inputs of a {@link ResourceGroup}.
 *
 * @param name     the group's name: 1-90 letters, digits, {@code - _ . ( )}, not ending in a period. Required.
 * @param location the group's region. Required.
 * @param lock     a lock on the group; Defaults to: none.
 */
public record ResourceGroupProps(String name, String location, Lock lock) {
    private static final Pattern NAME = Pattern.compile("[-\\w._()]{0,89}[-\\w_()]");

    /**
     * Validates; see the record's components.
     *
     * @param name see {@link #name()}
     * @param location see {@link #location()}
     * @param lock see {@link #lock()}
     */
    public ResourceGroupProps {
        PropsCheck check = PropsCheck.of("ResourceGroupProps");
        if (check.require("name", name)) check.matches("name", name, NAME, "1-90 letters, digits, - _ . ( ), not ending in a period");
        if (check.require("location", location)) check.region("location", location);
        check.throwIfAny();
    }

    /** @return a builder for {@link ResourceGroupProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link ResourceGroupProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private String location;
        private Lock lock;

        private Builder() {}

        /**
         * Sets {@link ResourceGroupProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link ResourceGroupProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link ResourceGroupProps#lock()}.
         *
         * @param lock the value
         * @return this builder
         */
        public Builder lock(Lock lock) { this.lock = lock; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public ResourceGroupProps build() { return new ResourceGroupProps(name, location, lock); }
    }
}
