package io.github.aoaiplatform.monitoring;

import io.github.aoaiplatform.core.PropsCheck;

import java.util.regex.Pattern;

/**
 * A table of a {@link LogAnalytics} workspace with its own retention, e.g. the gateway's prompt and completion log
 * ({@code ApiManagementGatewayLlmLog}) kept shorter than the rest. Rows are deleted after the retention, not archived.
 *
 * @param name          an existing table of the workspace (Azure creates the tables of its resource logs), e.g.
 *                      {@code ApiManagementGatewayLlmLog}. Required.
 * @param retentionDays how long rows are kept, {@value #MIN_RETENTION_DAYS}-{@value #MAX_RETENTION_DAYS} days. Required.
 */
public record LogAnalyticsTableOptions(String name, Integer retentionDays) {
    /** The shortest table retention Azure accepts. */
    public static final int MIN_RETENTION_DAYS = 4;
    /** The longest interactive table retention Azure accepts. */
    public static final int MAX_RETENTION_DAYS = 730;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    /**
     * The retention rule (public so that a config layer reuses it).
     *
     * @param check         where problems go
     * @param field         the field's name in the caller's terms
     * @param retentionDays the retention; null passes
     */
    public static void checkRetention(PropsCheck check, String field, Integer retentionDays) {
        check.between(field, retentionDays, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS);
    }

    /**
     * Validates every field.
     *
     * @param name see {@link #name()}
     * @param retentionDays see {@link #retentionDays()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public LogAnalyticsTableOptions {
        PropsCheck check = PropsCheck.of("LogAnalyticsTableOptions");
        if (check.require("name", name)) check.matches("name", name, NAME, "a table name such as ApiManagementGatewayLlmLog");
        if (check.require("retentionDays", retentionDays)) checkRetention(check, "retentionDays", retentionDays);
        check.throwIfAny();
    }

    /** @return a builder for {@link LogAnalyticsTableOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link LogAnalyticsTableOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private Integer retentionDays;

        private Builder() {}

        /**
         * Sets {@link LogAnalyticsTableOptions#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link LogAnalyticsTableOptions#retentionDays()}.
         *
         * @param retentionDays the value
         * @return this builder
         */
        public Builder retentionDays(Integer retentionDays) { this.retentionDays = retentionDays; return this; }

        /**
         * @return the validated, immutable options
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public LogAnalyticsTableOptions build() { return new LogAnalyticsTableOptions(name, retentionDays); }
    }
}
