package io.github.aoaiplatform.monitoring;

import io.github.aoaiplatform.core.RoleAssignmentOptions;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of a {@link LogAnalytics} workspace.
 *
 * @param name          workspace name: 4-63 letters, digits or hyphens, starting and ending with a letter or digit.
 *                      Required.
 * @param resourceGroup the resource group. Required.
 * @param location      region; Defaults to: the resource group's.
 * @param retentionDays interactive retention, {@value #MIN_RETENTION_DAYS}-{@value #MAX_RETENTION_DAYS} days; Defaults
 *                      to: {@value #DEFAULT_RETENTION_DAYS}.
 * @param dailyQuotaGb  daily ingestion cap in GB, more than 0; Defaults to: none (uncapped).
 * @param publicAccess  allow ingestion and queries over the Internet; Defaults to: true (set false together with a
 *                      {@link MonitorPrivateLinkScope}).
 * @param lock          a management lock on the workspace; Defaults to: none.
 * @param tags          tags of the workspace; Defaults to: none (platform-wide tags come from the {@code Tags} aspect).
 * @param roleAssignments roles to assign on the resource, e.g. Reader for an operations group (a workspace-wide read
 *                      role reads every table); Defaults to: none.
 * @param tables        tables with their own retention, each name once; Defaults to: none (every table keeps
 *                      {@code retentionDays}).
 * @param resourcePermissions let readers of a resource read its rows without permission on the workspace (access
 *                      control mode "Use resource or workspace permissions"); Defaults to: false ("Require workspace
 *                      permissions": only workspace or table grants count, so reading the API gateway does not reveal
 *                      the prompts it logged).
 */
public record LogAnalyticsProps(String name, IResourceGroup resourceGroup, String location, Integer retentionDays,
                                Double dailyQuotaGb, Boolean publicAccess, Lock lock, Map<String, String> tags,
                                List<RoleAssignmentOptions> roleAssignments, List<LogAnalyticsTableOptions> tables,
                                Boolean resourcePermissions) {
    /** The shortest interactive retention Azure accepts. */
    public static final int MIN_RETENTION_DAYS = 30;
    /** The longest interactive retention Azure accepts. */
    public static final int MAX_RETENTION_DAYS = 730;
    /** The retention when none is given. */
    public static final int DEFAULT_RETENTION_DAYS = 90;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]");

    /**
     * The rules on {@code retentionDays} and {@code dailyQuotaGb} (public so that a config layer reuses them).
     *
     * @param check         where problems go
     * @param retentionDays the retention; null passes
     * @param dailyQuotaGb  the cap; null passes
     */
    public static void checkLimits(PropsCheck check, Integer retentionDays, Double dailyQuotaGb) {
        check.between("retentionDays", retentionDays, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS);
        check.check(dailyQuotaGb == null || dailyQuotaGb > 0, "dailyQuotaGb", "must be greater than 0 GB, or omitted for no cap");
    }

    /**
     * Validates, copies and fills defaults; see the record's components.
     * @param name          see {@link #name()}
     * @param resourceGroup see {@link #resourceGroup()}
     * @param location      see {@link #location()}
     * @param retentionDays see {@link #retentionDays()}
     * @param dailyQuotaGb  see {@link #dailyQuotaGb()}
     * @param publicAccess  see {@link #publicAccess()}
     * @param lock          see {@link #lock()}
     * @param tags          see {@link #tags()}
     * @param roleAssignments see {@link #roleAssignments()}
     * @param tables        see {@link #tables()}
     * @param resourcePermissions see {@link #resourcePermissions()}
     */
    public LogAnalyticsProps {
        PropsCheck check = PropsCheck.of("LogAnalyticsProps");
        if (check.require("name", name))
            check.matches("name", name, NAME, "4-63 letters, digits or hyphens, starting and ending with a letter or digit");
        if (check.require("resourceGroup", resourceGroup) && location == null) location = resourceGroup.location();
        check.region("location", location);
        retentionDays = retentionDays == null ? DEFAULT_RETENTION_DAYS : retentionDays;
        checkLimits(check, retentionDays, dailyQuotaGb);
        publicAccess = publicAccess == null || publicAccess;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        roleAssignments = roleAssignments == null ? List.of() : List.copyOf(roleAssignments);
        tables = tables == null ? List.of() : List.copyOf(tables);
        Set<String> tableNames = new HashSet<>();
        for (int i = 0; i < tables.size(); i++)
            check.check(tableNames.add(tables.get(i).name()), "tables[" + i + "].name", "'" + tables.get(i).name() + "' is listed twice");
        resourcePermissions = resourcePermissions != null && resourcePermissions;
        check.throwIfAny();
    }

    /** @return a builder for {@link LogAnalyticsProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link LogAnalyticsProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private IResourceGroup resourceGroup;
        private String location;
        private Integer retentionDays;
        private Double dailyQuotaGb;
        private Boolean publicAccess;
        private Lock lock;
        private Map<String, String> tags;
        private List<RoleAssignmentOptions> roleAssignments;
        private List<LogAnalyticsTableOptions> tables;
        private Boolean resourcePermissions;

        private Builder() {}

        /**
         * Sets {@link LogAnalyticsProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link LogAnalyticsProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link LogAnalyticsProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link LogAnalyticsProps#retentionDays()}.
         *
         * @param retentionDays the value
         * @return this builder
         */
        public Builder retentionDays(Integer retentionDays) { this.retentionDays = retentionDays; return this; }

        /**
         * Sets {@link LogAnalyticsProps#dailyQuotaGb()}.
         *
         * @param dailyQuotaGb the value
         * @return this builder
         */
        public Builder dailyQuotaGb(Double dailyQuotaGb) { this.dailyQuotaGb = dailyQuotaGb; return this; }

        /**
         * Sets {@link LogAnalyticsProps#publicAccess()}.
         *
         * @param publicAccess the value
         * @return this builder
         */
        public Builder publicAccess(Boolean publicAccess) { this.publicAccess = publicAccess; return this; }

        /**
         * Sets {@link LogAnalyticsProps#lock()}.
         *
         * @param lock the value
         * @return this builder
         */
        public Builder lock(Lock lock) { this.lock = lock; return this; }

        /**
         * Sets {@link LogAnalyticsProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * Sets {@link LogAnalyticsProps#roleAssignments()}.
         *
         * @param roleAssignments the value
         * @return this builder
         */
        public Builder roleAssignments(List<RoleAssignmentOptions> roleAssignments) { this.roleAssignments = roleAssignments; return this; }

        /**
         * Sets {@link LogAnalyticsProps#tables()}.
         *
         * @param tables the value
         * @return this builder
         */
        public Builder tables(List<LogAnalyticsTableOptions> tables) { this.tables = tables; return this; }

        /**
         * Sets {@link LogAnalyticsProps#resourcePermissions()}.
         *
         * @param resourcePermissions the value
         * @return this builder
         */
        public Builder resourcePermissions(Boolean resourcePermissions) { this.resourcePermissions = resourcePermissions; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public LogAnalyticsProps build() { return new LogAnalyticsProps(name, resourceGroup, location, retentionDays, dailyQuotaGb, publicAccess, lock, tags, roleAssignments, tables, resourcePermissions); }
    }
}
