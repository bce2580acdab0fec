package io.github.aoaiplatform.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a resource sends its diagnostic logs and metrics (the Azure Verified Modules {@code diagnostic_settings}
 * interface), or why it sends none. Build with {@link #toWorkspace(ILogAnalyticsWorkspace)}, {@link #builder()} or
 * {@link #disabled(String)}.
 *
 * @param workspace         the Log Analytics workspace that receives them. Required unless disabled.
 * @param name              the setting's name in Azure; Defaults to: {@value #DEFAULT_NAME}.
 * @param logCategoryGroups log category groups to send; Defaults to: {@code allLogs} (when no categories are given).
 * @param logCategories     individual log categories to send instead of groups; Defaults to: none.
 * @param metrics           send all metrics, on resources that have them; Defaults to: true.
 * @param dedicatedTables   write to resource-specific tables instead of {@code AzureDiagnostics}, on resources that
 *                          support it; Defaults to: false (each construct says when it turns this on).
 * @param disabledReason    why this resource sends no diagnostics; Defaults to: none (diagnostics on).
 */
public record DiagnosticSettings(ILogAnalyticsWorkspace workspace, String name, List<String> logCategoryGroups,
                                 List<String> logCategories, boolean metrics, boolean dedicatedTables, String disabledReason) {
    /** The setting's default name (one setting per destination, reused on every resource). */
    public static final String DEFAULT_NAME = "diag-to-platform-workspace";

    /**
     * Validates and fills defaults; see the record's components.
     *
     * @param workspace see {@link #workspace()}
     * @param name see {@link #name()}
     * @param logCategoryGroups see {@link #logCategoryGroups()}
     * @param logCategories see {@link #logCategories()}
     * @param metrics see {@link #metrics()}
     * @param dedicatedTables see {@link #dedicatedTables()}
     * @param disabledReason see {@link #disabledReason()}
     */
    public DiagnosticSettings {
        logCategories = logCategories == null ? List.of() : List.copyOf(logCategories);
        logCategoryGroups = logCategoryGroups == null || logCategoryGroups.isEmpty()
                ? (logCategories.isEmpty() ? List.of("allLogs") : List.of()) : List.copyOf(logCategoryGroups);
        PropsCheck check = PropsCheck.of("DiagnosticSettings");
        if (disabledReason != null) {
            check.check(!disabledReason.isBlank(), "disabledReason", "must say why the resource sends no diagnostics");
            check.check(workspace == null, "workspace", "cannot be combined with disabledReason; remove one");
        } else {
            check.require("workspace", workspace);
            name = name == null ? DEFAULT_NAME : name;
            check.check(logCategories.isEmpty() || logCategoryGroups.isEmpty(), "logCategories",
                    "cannot be combined with logCategoryGroups; give one or the other");
        }
        check.throwIfAny();
    }

    /**
     * All logs and all metrics to a workspace: the platform's default on every resource.
     *
     * @param workspace the destination
     * @return the settings
     */
    public static DiagnosticSettings toWorkspace(ILogAnalyticsWorkspace workspace) {
        return builder().workspace(workspace).build();
    }

    /**
     * No diagnostic settings on this resource.
     *
     * @param reason why (kept in the synthesized code's history, e.g. "the hub's policy adds them")
     * @return the settings
     */
    public static DiagnosticSettings disabled(String reason) {
        return new DiagnosticSettings(null, null, null, null, false, false, reason);
    }

    /** @return true unless {@link #disabled(String)} */
    public boolean enabled() { return disabledReason == null; }

    /**
     * The same settings with resource-specific tables on, for resources that support them (API Management).
     *
     * @return the settings
     */
    public DiagnosticSettings withDedicatedTables() {
        return enabled() ? new DiagnosticSettings(workspace, name, logCategoryGroups, logCategories, metrics, true, null) : this;
    }

    /** @return a builder with every default */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link DiagnosticSettings}; see the record's components for meaning and defaults. */
    public static final class Builder {
        private ILogAnalyticsWorkspace workspace;
        private String name;
        private final List<String> logCategoryGroups = new ArrayList<>();
        private final List<String> logCategories = new ArrayList<>();
        private boolean metrics = true;
        private boolean dedicatedTables;

        private Builder() {}

        /**
         * Sets the destination workspace.
         *
         * @param v the value
         * @return this builder
         */
        public Builder workspace(ILogAnalyticsWorkspace v) { workspace = v; return this; }
        /**
         * Sets the setting's name.
         *
         * @param v the value
         * @return this builder
         */
        public Builder name(String v) { name = v; return this; }
        /**
         * Sets the log category groups, e.g. {@code audit}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder logCategoryGroups(List<String> v) { logCategoryGroups.clear(); logCategoryGroups.addAll(v); return this; }
        /**
         * Sets the individual log categories.
         *
         * @param v the value
         * @return this builder
         */
        public Builder logCategories(List<String> v) { logCategories.clear(); logCategories.addAll(v); return this; }
        /**
         * Sets whether all metrics are sent.
         *
         * @param v the value
         * @return this builder
         */
        public Builder metrics(boolean v) { metrics = v; return this; }
        /**
         * Sets whether resource-specific tables are used.
         *
         * @param v the value
         * @return this builder
         */
        public Builder dedicatedTables(boolean v) { dedicatedTables = v; return this; }

        /** @return the validated settings */
        public DiagnosticSettings build() {
            return new DiagnosticSettings(workspace, name, logCategoryGroups, logCategories, metrics, dedicatedTables, null);
        }
    }
}
