package io.github.aoaiplatform.patterns;

import io.github.aoaiplatform.core.PropsCheck;

import java.util.regex.Pattern;

/**
 * One account of a {@link RegionalOpenAi}. A region may hold several, e.g. a provisioned (PTU) account next to a
 * pay-as-you-go one.
 *
 * @param region    the account's region. Required.
 * @param id        the account's construct id under the region, part of its Terraform address: a PascalCase word;
 *                  Defaults to: {@value #DEFAULT_ID}.
 * @param qualifier what tells the account's name apart from the region's other accounts, e.g. {@code ptu} gives
 *                  {@code oai-<workload>-<env>-ptu-<region>-<suffix>}; Defaults to: none (the plain regional name).
 */
public record RegionalAccountOptions(String region, String id, String qualifier) {
    /** The construct id of a region's first account. */
    public static final String DEFAULT_ID = "Account";
    private static final Pattern ID = Pattern.compile("[A-Z][A-Za-z0-9]{0,31}");
    private static final Pattern QUALIFIER = Pattern.compile("[a-z0-9]{1,8}");

    /**
     * Validates and fills defaults.
     *
     * @param region see {@link #region()}
     * @param id see {@link #id()}
     * @param qualifier see {@link #qualifier()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public RegionalAccountOptions {
        id = id == null ? DEFAULT_ID : id;
        PropsCheck check = PropsCheck.of("RegionalAccountOptions");
        if (check.require("region", region)) check.region("region", region);
        check.matches("id", id, ID, "a PascalCase word of letters and digits, e.g. Ptu");
        check.matches("qualifier", qualifier, QUALIFIER, "1-8 lower-case letters or digits, e.g. ptu");
        check.throwIfAny();
    }

    /**
     * @param region a region
     * @return the region's default account: id {@value #DEFAULT_ID}, the plain regional name
     */
    public static RegionalAccountOptions in(String region) { return new RegionalAccountOptions(region, null, null); }

    /** @return a builder for {@link RegionalAccountOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link RegionalAccountOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String region;
        private String id;
        private String qualifier;

        private Builder() {}

        /**
         * Sets {@link RegionalAccountOptions#region()}.
         *
         * @param region the value
         * @return this builder
         */
        public Builder region(String region) { this.region = region; return this; }

        /**
         * Sets {@link RegionalAccountOptions#id()}.
         *
         * @param id the value
         * @return this builder
         */
        public Builder id(String id) { this.id = id; return this; }

        /**
         * Sets {@link RegionalAccountOptions#qualifier()}.
         *
         * @param qualifier the value
         * @return this builder
         */
        public Builder qualifier(String qualifier) { this.qualifier = qualifier; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public RegionalAccountOptions build() { return new RegionalAccountOptions(region, id, qualifier); }
    }
}
