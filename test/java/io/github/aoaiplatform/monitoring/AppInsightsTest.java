package io.github.aoaiplatform.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

import static io.github.aoaiplatform.monitoring.MonitoringFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppInsightsTest {
    static final String COMPONENT_ID = SUBSCRIPTION + "/resourceGroups/rg/providers/Microsoft.Insights/components/appi-x";

    @Test
    void componentIsWorkspaceBasedEntraOnlyByDefaultWithDiagnostics() {
        JsonNode tf = Synth.of(s -> {
            var w = workspace(s);
            new AppInsights(s, "AppInsights", AppInsightsProps.builder().name("appi-x").resourceGroup(resourceGroup(s)).workspace(w)
                    .diagnostics(DiagnosticSettings.toWorkspace(w)).build());
        });
        JsonNode c = Synth.single(tf, "azurerm_application_insights");
        assertThat(c.path("workspace_id").asText()).isEqualTo(WORKSPACE_ID);
        assertThat(c.path("location").asText()).isEqualTo("japaneast");
        assertThat(c.path("local_authentication_disabled").asBoolean()).isTrue();
        assertThat(c.has("internet_ingestion_enabled")).isFalse();
        assertThat(Synth.single(tf, "azurerm_monitor_diagnostic_setting").path("log_analytics_workspace_id").asText()).isEqualTo(WORKSPACE_ID);
    }

    @Test
    void diagnosticsCanBeDisabledWithAReasonAndPublicAccessTurnedOff() {
        JsonNode tf = Synth.of(s -> new AppInsights(s, "AppInsights", AppInsightsProps.builder().name("appi-x").resourceGroup(resourceGroup(s))
                .workspace(workspace(s)).diagnostics(DiagnosticSettings.disabled("the hub's policy adds them")).publicAccess(false).build()));
        assertThat(Synth.all(tf, "azurerm_monitor_diagnostic_setting")).isEmpty();
        JsonNode c = Synth.single(tf, "azurerm_application_insights");
        assertThat(c.path("internet_ingestion_enabled").asBoolean(true)).isFalse();
        assertThat(c.path("internet_query_enabled").asBoolean(true)).isFalse();
    }

    @Test
    void failsWithoutWorkspaceOrDiagnosticsNamingTheFields() {
        Construct s = new TerraformStack(Testing.app(), "t");
        assertThatThrownBy(() -> AppInsightsProps.builder().name("appi-x").resourceGroup(resourceGroup(s)).build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("AppInsightsProps.workspace: is required")
                .hasMessageContaining("AppInsightsProps.diagnostics: is required");
    }

    @Test
    void fromAttributesRejectsAnIdOfAnotherTypeAndAMissingConnectionString() {
        Construct s = new TerraformStack(Testing.app(), "t");
        IApplicationInsights imported = AppInsights.fromAttributes(s, "Imported", COMPONENT_ID, "InstrumentationKey=x");
        assertThat(imported.resourceId()).isEqualTo(COMPONENT_ID);
        assertThat(imported.connectionString()).isEqualTo("InstrumentationKey=x");
        assertThatThrownBy(() -> AppInsights.fromAttributes(s, "Bad", WORKSPACE_ID, "InstrumentationKey=x"))
                .isInstanceOf(InvalidPropsException.class).hasMessageContaining("AppInsights.fromAttributes.resourceId")
                .hasMessageContaining("expected a Microsoft.Insights/components id");
        assertThatThrownBy(() -> AppInsights.fromAttributes(s, "NoSecret", COMPONENT_ID, null))
                .hasMessageContaining("AppInsights.fromAttributes.connectionString: is required");
    }

    @Test
    void grantMetricsPublishLetsASenderInWithItsEntraToken() {
        JsonNode tf = Synth.of(s -> {
            var imported = AppInsights.fromAttributes(s, "Imported", COMPONENT_ID, "InstrumentationKey=x");
            var first = imported.grantMetricsPublish(sender());
            assertThat(imported.grantMetricsPublish(sender())).as("idempotent").isSameAs(first);
        });
        JsonNode grant = Synth.single(tf, "azurerm_role_assignment");
        assertThat(grant.path("scope").asText()).isEqualTo(COMPONENT_ID);
        assertThat(grant.path("role_definition_name").asText()).isEqualTo(IApplicationInsights.METRICS_PUBLISHER_ROLE);
        assertThat(grant.path("principal_id").asText()).isEqualTo(PRINCIPAL_ID);
    }
}
