package io.github.aoaiplatform.core;

import com.hashicorp.cdktf.providers.azurerm.monitor_diagnostic_setting.MonitorDiagnosticSetting;
import com.hashicorp.cdktf.providers.azurerm.monitor_diagnostic_setting.MonitorDiagnosticSettingEnabledLog;
import com.hashicorp.cdktf.providers.azurerm.monitor_diagnostic_setting.MonitorDiagnosticSettingEnabledMetric;
import software.constructs.Construct;

import java.util.List;

/**
 * Diagnostic settings that send every log category ({@code allLogs}) and all metrics of a resource to the
 * platform's Log Analytics workspace. Child id: {@code Diagnostics}.
 */
public final class Diagnostics {
    private Diagnostics() {}

    /** The diagnostic setting's name in Azure (one per destination; reused on every resource). */
    public static final String NAME = "diag-to-platform-workspace";

    /**
     * @param dedicated write to resource-specific tables ({@code Dedicated}) rather than AzureDiagnostics, for
     *                  resources that support it (API Management does).
     */
    public static MonitorDiagnosticSetting toWorkspace(Construct scope, String targetResourceId, String workspaceId, boolean dedicated) {
        return toWorkspace(scope, targetResourceId, workspaceId, dedicated, true);
    }

    /** As above; {@code metrics=false} for resources that have log categories but no metrics (network security groups). */
    public static MonitorDiagnosticSetting toWorkspace(Construct scope, String targetResourceId, String workspaceId, boolean dedicated,
                                                       boolean metrics) {
        return MonitorDiagnosticSetting.Builder.create(scope, "Diagnostics")
                .name(NAME)
                .targetResourceId(targetResourceId)
                .logAnalyticsWorkspaceId(workspaceId)
                .logAnalyticsDestinationType(dedicated ? "Dedicated" : null)
                .enabledLog(List.of(MonitorDiagnosticSettingEnabledLog.builder().categoryGroup("allLogs").build()))
                .enabledMetric(metrics ? List.of(MonitorDiagnosticSettingEnabledMetric.builder().category("AllMetrics").build()) : null)
                .build();
    }
}
