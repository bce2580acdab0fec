package io.github.aoaiplatform.monitoring;

import io.github.aoaiplatform.core.RoleAssignmentOptions;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.ILogAnalyticsWorkspace;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs of an {@link AppInsights} component.
 *
 * @param name              component name: 1-255 characters without {@code % & \ ? /}. Required.
 * @param resourceGroup     the resource group. Required.
 * @param location          region; Defaults to: the resource group's.
 * @param workspace         the Log Analytics workspace that stores the component's data. Required (classic components
 *                          are retired).
 * @param diagnostics       where the component's own diagnostic logs and metrics go. Required (use
 *                          {@link DiagnosticSettings#disabled(String)} to opt out with a reason).
 * @param localAuthDisabled reject ingestion with the instrumentation key alone (Entra ID only); Defaults to: true.
 *                          Senders then need {@link IApplicationInsights#grantMetricsPublish} (the API Management
 *                          logger of {@code ApiGateway} sends with the gateway's managed identity).
 * @param publicAccess      accept ingestion and queries from the Internet; Defaults to: true (set false together with a
 *                          {@link MonitorPrivateLinkScope} that holds the component).
 * @param tags              tags of the component; Defaults to: none.
 * @param roleAssignments roles to assign on the resource, e.g. Reader for an operations group; Defaults to: none.
 */
public record AppInsightsProps(String name, IResourceGroup resourceGroup, String location, ILogAnalyticsWorkspace workspace,
                               DiagnosticSettings diagnostics, Boolean localAuthDisabled, Boolean publicAccess,
                               Map<String, String> tags,
                               List<RoleAssignmentOptions> roleAssignments) {
    private static final Pattern NAME = Pattern.compile("[^%&\\\\?/]{1,255}");

    /**
     * Validates, copies and fills defaults; see the record's components.
     * @param name              see {@link #name()}
     * @param resourceGroup     see {@link #resourceGroup()}
     * @param location          see {@link #location()}
     * @param workspace         see {@link #workspace()}
     * @param diagnostics       see {@link #diagnostics()}
     * @param localAuthDisabled see {@link #localAuthDisabled()}
     * @param publicAccess      see {@link #publicAccess()}
     * @param tags              see {@link #tags()}
     * @param roleAssignments see {@link #roleAssignments()}
     */
    public AppInsightsProps {
        PropsCheck check = PropsCheck.of("AppInsightsProps");
        if (check.require("name", name)) check.matches("name", name, NAME, "1-255 characters without % & \\ ? /");
        if (check.require("resourceGroup", resourceGroup) && location == null) location = resourceGroup.location();
        check.region("location", location);
        if (workspace == null) check.add("workspace", "is required: the component is workspace-based");
        if (diagnostics == null)
            check.add("diagnostics", "is required: DiagnosticSettings.toWorkspace(workspace), or DiagnosticSettings.disabled(reason)");
        localAuthDisabled = localAuthDisabled == null || localAuthDisabled;
        publicAccess = publicAccess == null || publicAccess;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        roleAssignments = roleAssignments == null ? List.of() : List.copyOf(roleAssignments);
        check.throwIfAny();
    }

    /** @return a builder for {@link AppInsightsProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link AppInsightsProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private IResourceGroup resourceGroup;
        private String location;
        private ILogAnalyticsWorkspace workspace;
        private DiagnosticSettings diagnostics;
        private Boolean localAuthDisabled;
        private Boolean publicAccess;
        private Map<String, String> tags;
        private List<RoleAssignmentOptions> roleAssignments;

        private Builder() {}

        /**
         * Sets {@link AppInsightsProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link AppInsightsProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link AppInsightsProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link AppInsightsProps#workspace()}.
         *
         * @param workspace the value
         * @return this builder
         */
        public Builder workspace(ILogAnalyticsWorkspace workspace) { this.workspace = workspace; return this; }

        /**
         * Sets {@link AppInsightsProps#diagnostics()}.
         *
         * @param diagnostics the value
         * @return this builder
         */
        public Builder diagnostics(DiagnosticSettings diagnostics) { this.diagnostics = diagnostics; return this; }

        /**
         * Sets {@link AppInsightsProps#localAuthDisabled()}.
         *
         * @param localAuthDisabled the value
         * @return this builder
         */
        public Builder localAuthDisabled(Boolean localAuthDisabled) { this.localAuthDisabled = localAuthDisabled; return this; }

        /**
         * Sets {@link AppInsightsProps#publicAccess()}.
         *
         * @param publicAccess the value
         * @return this builder
         */
        public Builder publicAccess(Boolean publicAccess) { this.publicAccess = publicAccess; return this; }

        /**
         * Sets {@link AppInsightsProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * Sets {@link AppInsightsProps#roleAssignments()}.
         *
         * @param roleAssignments the value
         * @return this builder
         */
        public Builder roleAssignments(List<RoleAssignmentOptions> roleAssignments) { this.roleAssignments = roleAssignments; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public AppInsightsProps build() { return new AppInsightsProps(name, resourceGroup, location, workspace, diagnostics, localAuthDisabled, publicAccess, tags, roleAssignments); }
    }
}
