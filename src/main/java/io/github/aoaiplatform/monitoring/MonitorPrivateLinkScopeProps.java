package io.github.aoaiplatform.monitoring;

import io.github.aoaiplatform.core.ILogAnalyticsWorkspace;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs of a {@link MonitorPrivateLinkScope}. Each scoped resource has a key: a stable PascalCase name (1-40
 * letters or digits, starting with an upper-case letter, e.g. {@code Workspace}) that is part of its scoped service's
 * construct id and name, so keys are unique across {@code workspaces} and {@code applicationInsights}.
 *
 * @param name                scope name: 1-255 letters, digits, periods, hyphens or underscores. Required.
 * @param resourceGroup       resource group of the scope, its scoped services and its private endpoint. Required.
 * @param workspaces          key to a Log Analytics workspace reachable through the scope; Defaults to: none (but the
 *                            scope needs at least one workspace or component).
 * @param applicationInsights key to an Application Insights component reachable through the scope; Defaults to: none.
 * @param privateEndpoint     the scope's private endpoint (subnet and the Azure Monitor private DNS zones). Required: the
 *                            scope is reached only through it.
 * @param tags                tags of the scope and its private endpoint; Defaults to: none.
 */
public record MonitorPrivateLinkScopeProps(String name, IResourceGroup resourceGroup, Map<String, ILogAnalyticsWorkspace> workspaces,
                                           Map<String, IApplicationInsights> applicationInsights,
                                           PrivateEndpointOptions privateEndpoint, Map<String, String> tags) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Za-z0-9]{0,39}");

    /**

     * Validates, copies and fills defaults; see the record's components.

     *

     * @param name                see {@link #name()}

     * @param resourceGroup       see {@link #resourceGroup()}

     * @param workspaces          see {@link #workspaces()}

     * @param applicationInsights see {@link #applicationInsights()}

     * @param privateEndpoint     see {@link #privateEndpoint()}

     * @param tags                see {@link #tags()}

     */
    public MonitorPrivateLinkScopeProps {
        PropsCheck check = PropsCheck.of("MonitorPrivateLinkScopeProps");
        if (check.require("name", name)) check.matches("name", name, NAME, "1-255 letters, digits, periods, hyphens or underscores");
        check.require("resourceGroup", resourceGroup);
        workspaces = workspaces == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(workspaces));
        applicationInsights = applicationInsights == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(applicationInsights));
        check.check(!workspaces.isEmpty() || !applicationInsights.isEmpty(), "workspaces",
                "must name at least one workspace or Application Insights component: a scope without resources gives the "
                        + "VNet no Azure Monitor access at all");
        workspaces.forEach((key, w) -> {
            check.matches("workspaces", key, KEY, "a key of 1-40 letters or digits starting with an upper-case letter, e.g. Workspace");
            check.check(w != null, "workspaces." + key, "is null; pass the workspace or leave the key out");
        });
        Map<String, ILogAnalyticsWorkspace> workspaceKeys = workspaces;
        applicationInsights.forEach((key, c) -> {
            check.matches("applicationInsights", key, KEY, "a key of 1-40 letters or digits starting with an upper-case letter, e.g. AppInsights");
            check.check(c != null, "applicationInsights." + key, "is null; pass the component or leave the key out");
            check.check(!workspaceKeys.containsKey(key), "applicationInsights." + key, "uses the key of a workspace; keys must be unique");
        });
        if (privateEndpoint == null)
            check.add("privateEndpoint", "is required: the scope is reached only through a private endpoint");
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        check.throwIfAny();
    }

    /** @return a builder for {@link MonitorPrivateLinkScopeProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link MonitorPrivateLinkScopeProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private IResourceGroup resourceGroup;
        private Map<String, ILogAnalyticsWorkspace> workspaces;
        private Map<String, IApplicationInsights> applicationInsights;
        private PrivateEndpointOptions privateEndpoint;
        private Map<String, String> tags;

        private Builder() {}

        /**
         * Sets {@link MonitorPrivateLinkScopeProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link MonitorPrivateLinkScopeProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link MonitorPrivateLinkScopeProps#workspaces()}.
         *
         * @param workspaces the value
         * @return this builder
         */
        public Builder workspaces(Map<String, ILogAnalyticsWorkspace> workspaces) { this.workspaces = workspaces; return this; }

        /**
         * Sets {@link MonitorPrivateLinkScopeProps#applicationInsights()}.
         *
         * @param applicationInsights the value
         * @return this builder
         */
        public Builder applicationInsights(Map<String, IApplicationInsights> applicationInsights) { this.applicationInsights = applicationInsights; return this; }

        /**
         * Sets {@link MonitorPrivateLinkScopeProps#privateEndpoint()}.
         *
         * @param privateEndpoint the value
         * @return this builder
         */
        public Builder privateEndpoint(PrivateEndpointOptions privateEndpoint) { this.privateEndpoint = privateEndpoint; return this; }

        /**
         * Sets {@link MonitorPrivateLinkScopeProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public MonitorPrivateLinkScopeProps build() { return new MonitorPrivateLinkScopeProps(name, resourceGroup, workspaces, applicationInsights, privateEndpoint, tags); }
    }
}
