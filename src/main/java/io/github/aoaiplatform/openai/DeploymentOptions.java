package io.github.aoaiplatform.openai;

import io.github.aoaiplatform.core.PropsCheck;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A model deployment on an account ({@link OpenAiAccount#addDeployment}).
 *
 * @param name           deployment name, what clients put in the URL: 1-64 letters, digits, {@code . _ -}, starting with
 *                       a letter or digit. Required.
 * @param model          model name from {@link ModelCatalogue}. Required.
 * @param version        model version from {@link ModelCatalogue}. Required.
 * @param sku            deployment SKU, one of {@link ModelCatalogue#SKUS}; Defaults to: {@code GlobalStandard}.
 * @param capacity       thousands of tokens per minute (PTUs for provisioned SKUs), greater than 0. Required.
 * @param versionUpgrade one of {@link #UPGRADE_OPTIONS}; Defaults to: {@code OnceCurrentVersionExpired}.
 * @param contentFilter  name of a {@link ContentFilter} on the same account, or a built-in {@code Microsoft.*} policy;
 *                       Defaults to: the account's {@link OpenAiAccountProps#defaultContentFilter()}.
 */
public record DeploymentOptions(String name, String model, String version, String sku, int capacity,
                                String versionUpgrade, String contentFilter) {
    /** The automatic version upgrade policies Azure accepts. */
    public static final List<String> UPGRADE_OPTIONS = List.of("OnceNewDefaultVersionAvailable", "OnceCurrentVersionExpired", "NoAutoUpgrade");
    /** A deployment name, what clients put in the URL: 1-64 letters, digits, {@code . _ -}, starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * Validates every field and fills defaults.
     *
     * @param name see {@link #name()}
     * @param model see {@link #model()}
     * @param version see {@link #version()}
     * @param sku see {@link #sku()}
     * @param capacity see {@link #capacity()}
     * @param versionUpgrade see {@link #versionUpgrade()}
     * @param contentFilter see {@link #contentFilter()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public DeploymentOptions {
        sku = sku == null ? "GlobalStandard" : sku;
        versionUpgrade = versionUpgrade == null ? "OnceCurrentVersionExpired" : versionUpgrade;
        PropsCheck check = PropsCheck.of("DeploymentOptions");
        if (check.require("name", name)) check.matches("name", name, NAME, "1-64 letters, digits, . _ -");
        boolean modelGiven = check.require("model", model);
        if (check.require("version", version) && modelGiven)
            ModelCatalogue.check(model, version, sku).ifPresent(p -> check.add(p.field(), p.message()));
        check.check(capacity > 0, "capacity", "must be greater than 0 (thousands of tokens per minute, or PTUs), got " + capacity);
        check.check(UPGRADE_OPTIONS.contains(versionUpgrade), "versionUpgrade", "'" + versionUpgrade + "' must be one of " + UPGRADE_OPTIONS);
        check.throwIfAny();
    }

    /** @return a builder for {@link DeploymentOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link DeploymentOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private String model;
        private String version;
        private String sku;
        private int capacity;
        private String versionUpgrade;
        private String contentFilter;

        private Builder() {}

        /**
         * Sets {@link DeploymentOptions#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link DeploymentOptions#model()}.
         *
         * @param model the value
         * @return this builder
         */
        public Builder model(String model) { this.model = model; return this; }

        /**
         * Sets {@link DeploymentOptions#version()}.
         *
         * @param version the value
         * @return this builder
         */
        public Builder version(String version) { this.version = version; return this; }

        /**
         * Sets {@link DeploymentOptions#sku()}.
         *
         * @param sku the value
         * @return this builder
         */
        public Builder sku(String sku) { this.sku = sku; return this; }

        /**
         * Sets {@link DeploymentOptions#capacity()}.
         *
         * @param capacity the value
         * @return this builder
         */
        public Builder capacity(int capacity) { this.capacity = capacity; return this; }

        /**
         * Sets {@link DeploymentOptions#versionUpgrade()}.
         *
         * @param versionUpgrade the value
         * @return this builder
         */
        public Builder versionUpgrade(String versionUpgrade) { this.versionUpgrade = versionUpgrade; return this; }

        /**
         * Sets {@link DeploymentOptions#contentFilter()}.
         *
         * @param contentFilter the value
         * @return this builder
         */
        public Builder contentFilter(String contentFilter) { this.contentFilter = contentFilter; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public DeploymentOptions build() { return new DeploymentOptions(name, model, version, sku, capacity, versionUpgrade, contentFilter); }
    }
}
