package io.github.aoaiplatform.monitoring;

import io.github.aoaiplatform.core.RoleAssignmentOptions;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs of a {@link UsageEventHub}.
 *
 * @param namespaceName    Event Hubs namespace name, globally unique: 6-50 letters, digits or hyphens, starting with a
 *                         letter, ending with a letter or digit, not ending in {@code -sb} or {@code -mgmt}. Required.
 * @param resourceGroup    resource group of the namespace and its private endpoints. Required.
 * @param location         region of the namespace; Defaults to: the resource group's.
 * @param privateEndpoints the namespace's private endpoints (with {@code privatelink.servicebus.windows.net} for their zone
 *                         groups). Required, at least one: the namespace has no public access.
 * @param diagnostics      where the namespace's diagnostic logs and metrics go. Required (use
 *                         {@link DiagnosticSettings#disabled(String)} to opt out with a reason).
 * @param lock             a management lock on the namespace and its private endpoints; Defaults to: none.
 * @param tags             tags of the namespace and its private endpoints; Defaults to: none.
 * @param roleAssignments roles to assign on the resource, e.g. Reader for an operations group; Defaults to: none.
 */
public record UsageEventHubProps(String namespaceName, IResourceGroup resourceGroup, String location,
                                 List<PrivateEndpointOptions> privateEndpoints, DiagnosticSettings diagnostics, Lock lock,
                                 Map<String, String> tags,
                                 List<RoleAssignmentOptions> roleAssignments) {
    private static final Pattern NAMESPACE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{4,48}[a-zA-Z0-9]");

    /**
     * Validates, copies and fills defaults; see the record's components.
     * @param namespaceName    see {@link #namespaceName()}
     * @param resourceGroup    see {@link #resourceGroup()}
     * @param location         see {@link #location()}
     * @param privateEndpoints see {@link #privateEndpoints()}
     * @param diagnostics      see {@link #diagnostics()}
     * @param lock             see {@link #lock()}
     * @param tags             see {@link #tags()}
     * @param roleAssignments see {@link #roleAssignments()}
     */
    public UsageEventHubProps {
        PropsCheck check = PropsCheck.of("UsageEventHubProps");
        if (check.require("namespaceName", namespaceName) && !PropsCheck.isToken(namespaceName))
            check.check(NAMESPACE_NAME.matcher(namespaceName).matches() && !namespaceName.endsWith("-sb") && !namespaceName.endsWith("-mgmt"),
                    "namespaceName", "'" + namespaceName + "' must be 6-50 letters, digits or hyphens, start with a letter, "
                            + "end with a letter or digit and not end in -sb or -mgmt");
        if (check.require("resourceGroup", resourceGroup) && location == null) location = resourceGroup.location();
        check.region("location", location);
        privateEndpoints = privateEndpoints == null ? List.of() : List.copyOf(privateEndpoints);
        check.check(!privateEndpoints.isEmpty(), "privateEndpoints",
                "needs at least one endpoint: the namespace is reached only through private endpoints");
        if (diagnostics == null)
            check.add("diagnostics", "is required: DiagnosticSettings.toWorkspace(workspace), or DiagnosticSettings.disabled(reason)");
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        roleAssignments = roleAssignments == null ? List.of() : List.copyOf(roleAssignments);
        check.throwIfAny();
    }

    /** @return a builder for {@link UsageEventHubProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link UsageEventHubProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String namespaceName;
        private IResourceGroup resourceGroup;
        private String location;
        private List<PrivateEndpointOptions> privateEndpoints;
        private DiagnosticSettings diagnostics;
        private Lock lock;
        private Map<String, String> tags;
        private List<RoleAssignmentOptions> roleAssignments;

        private Builder() {}

        /**
         * Sets {@link UsageEventHubProps#namespaceName()}.
         *
         * @param namespaceName the value
         * @return this builder
         */
        public Builder namespaceName(String namespaceName) { this.namespaceName = namespaceName; return this; }

        /**
         * Sets {@link UsageEventHubProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link UsageEventHubProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link UsageEventHubProps#privateEndpoints()}.
         *
         * @param privateEndpoints the value
         * @return this builder
         */
        public Builder privateEndpoints(List<PrivateEndpointOptions> privateEndpoints) { this.privateEndpoints = privateEndpoints; return this; }

        /**
         * Sets {@link UsageEventHubProps#diagnostics()}.
         *
         * @param diagnostics the value
         * @return this builder
         */
        public Builder diagnostics(DiagnosticSettings diagnostics) { this.diagnostics = diagnostics; return this; }

        /**
         * Sets {@link UsageEventHubProps#lock()}.
         *
         * @param lock the value
         * @return this builder
         */
        public Builder lock(Lock lock) { this.lock = lock; return this; }

        /**
         * Sets {@link UsageEventHubProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * Sets {@link UsageEventHubProps#roleAssignments()}.
         *
         * @param roleAssignments the value
         * @return this builder
         */
        public Builder roleAssignments(List<RoleAssignmentOptions> roleAssignments) { this.roleAssignments = roleAssignments; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public UsageEventHubProps build() { return new UsageEventHubProps(namespaceName, resourceGroup, location, privateEndpoints, diagnostics, lock, tags, roleAssignments); }
    }
}
