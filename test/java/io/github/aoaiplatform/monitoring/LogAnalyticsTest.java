package io.github.aoaiplatform.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.PrincipalType;
import io.github.aoaiplatform.core.RoleAssignmentOptions;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.aoaiplatform.monitoring.MonitoringFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogAnalyticsTest {
    static Construct scope() { return new TerraformStack(Testing.app(), "t"); }

    @Test
    void workspaceDefaultsToNinetyDaysNoCapEntraOnlyAndAuditsItself() {
        JsonNode tf = Synth.of(s -> new LogAnalytics(s, "Logs", LogAnalyticsProps.builder().name("log-x").resourceGroup(resourceGroup(s)).build()));
        JsonNode w = Synth.single(tf, "azurerm_log_analytics_workspace");
        assertThat(w.path("location").asText()).isEqualTo("japaneast");
        assertThat(w.path("retention_in_days").asInt()).isEqualTo(90);
        assertThat(w.path("daily_quota_gb").asDouble()).isEqualTo(-1);
        assertThat(w.path("local_authentication_enabled").asBoolean(true)).isFalse();
        assertThat(w.path("internet_ingestion_enabled").asBoolean()).isTrue();
        assertThat(w.path("allow_resource_only_permissions").asBoolean(true))
                .as("access control mode: Require workspace permissions").isFalse();
        assertThat(Synth.all(tf, "azurerm_log_analytics_workspace_table")).isEmpty();
        String id = Synth.ref("azurerm_log_analytics_workspace." + Synth.all(tf, "azurerm_log_analytics_workspace").keySet().iterator().next(), "id");
        JsonNode diag = Synth.single(tf, "azurerm_monitor_diagnostic_setting");
        assertThat(diag.path("target_resource_id").asText()).isEqualTo(id);
        assertThat(diag.path("log_analytics_workspace_id").asText()).isEqualTo(id);
        assertThat(Synth.all(tf, "azurerm_management_lock")).isEmpty();
    }

    @Test
    void roleAssignmentsGiveTheirPrincipalsTheirRolesOnTheWorkspaceOnly() {
        JsonNode tf = Synth.of(s -> new LogAnalytics(s, "Logs", LogAnalyticsProps.builder().name("log-x").resourceGroup(resourceGroup(s))
                .roleAssignments(List.of(new RoleAssignmentOptions("Log Analytics Reader", IPrincipal.of(PRINCIPAL_ID, PrincipalType.GROUP),
                        "operations reads the logs"))).build()));
        JsonNode role = Synth.single(tf, "azurerm_role_assignment");
        assertThat(role.path("role_definition_name").asText()).isEqualTo("Log Analytics Reader");
        assertThat(role.path("principal_id").asText()).isEqualTo(PRINCIPAL_ID);
        assertThat(role.path("principal_type").asText()).isEqualTo("Group");
        assertThat(role.path("description").asText()).isEqualTo("operations reads the logs");
        assertThat(role.path("scope").asText())
                .isEqualTo(Synth.ref("azurerm_log_analytics_workspace." + Synth.all(tf, "azurerm_log_analytics_workspace").keySet().iterator().next(), "id"));
    }

    @Test
    void aTableKeepsItsOwnRetentionAndReadersGetThatTableOnly() {
        JsonNode tf = Synth.of(s -> {
            var logs = new LogAnalytics(s, "Logs", LogAnalyticsProps.builder().name("log-x").resourceGroup(resourceGroup(s))
                    .tables(List.of(LogAnalyticsTableOptions.builder().name("ApiManagementGatewayLlmLog").retentionDays(14).build())).build());
            var readers = IPrincipal.of(PRINCIPAL_ID, PrincipalType.GROUP);
            var first = logs.grantTableRead("ApiManagementGatewayLlmLog", readers);
            assertThat(logs.grantTableRead("ApiManagementGatewayLlmLog", readers)).as("idempotent").isSameAs(first);
            logs.grantTableRead("ApiManagementGatewayLlmLog", IPrincipal.of("22222222-2222-2222-2222-222222222222", PrincipalType.GROUP));
            logs.grantTableRead("AppRequests", readers);       // a table the workspace does not manage
        });
        String workspace = Synth.ref("azurerm_log_analytics_workspace." + Synth.all(tf, "azurerm_log_analytics_workspace").keySet().iterator().next(), "id");
        var table = Synth.all(tf, "azurerm_log_analytics_workspace_table").entrySet().iterator().next();
        assertThat(table.getValue().path("name").asText()).isEqualTo("ApiManagementGatewayLlmLog");
        assertThat(table.getValue().path("workspace_id").asText()).isEqualTo(workspace);
        assertThat(table.getValue().path("retention_in_days").asInt()).isEqualTo(14);
        assertThat(table.getValue().path("total_retention_in_days").asInt()).as("deleted, not archived").isEqualTo(14);

        var role = Synth.all(tf, "azurerm_role_definition").entrySet();
        assertThat(role).as("one query-only role per workspace").hasSize(1);
        JsonNode definition = role.iterator().next().getValue();
        assertThat(definition.path("scope").asText()).isEqualTo(workspace);
        assertThat(definition.path("permissions").get(0).path("actions")).extracting(JsonNode::asText)
                .as("opens the workspace and runs queries, reads no table").containsExactlyElementsOf(LogAnalytics.QUERY_ONLY_ACTIONS);
        assertThat(definition.path("permissions").get(0).path("not_actions")).extracting(JsonNode::asText)
                .containsExactly("Microsoft.OperationalInsights/workspaces/sharedKeys/read");
        String roleId = Synth.ref("azurerm_role_definition." + role.iterator().next().getKey(), "role_definition_resource_id");

        var assignments = Synth.all(tf, "azurerm_role_assignment").values();
        assertThat(assignments).filteredOn(a -> a.path("role_definition_id").asText().equals(roleId))
                .hasSize(2).allSatisfy(a -> assertThat(a.path("scope").asText()).isEqualTo(workspace));
        assertThat(assignments).filteredOn(a -> a.path("role_definition_name").asText().equals(LogAnalytics.TABLE_READER_ROLE))
                .extracting(a -> a.path("scope").asText() + "|" + a.path("principal_id").asText())
                .containsExactlyInAnyOrder(
                        Synth.ref("azurerm_log_analytics_workspace_table." + table.getKey(), "id") + "|" + PRINCIPAL_ID,
                        Synth.ref("azurerm_log_analytics_workspace_table." + table.getKey(), "id") + "|22222222-2222-2222-2222-222222222222",
                        workspace + "/tables/AppRequests|" + PRINCIPAL_ID);
        assertThat(assignments).as("no workspace-wide read role").noneMatch(a -> a.path("role_definition_name").asText().contains("Reader")
                && a.path("scope").asText().equals(workspace));
    }

    @Test
    void failsOnATableRetentionOutOfRangeOrATableListedTwice() {
        assertThatThrownBy(() -> LogAnalyticsTableOptions.builder().name("Bad Name").retentionDays(3).build())
                .hasMessageContaining("LogAnalyticsTableOptions.name: 'Bad Name'")
                .hasMessageContaining("LogAnalyticsTableOptions.retentionDays: must be between 4 and 730, got 3");
        var table = LogAnalyticsTableOptions.builder().name("ApiManagementGatewayLlmLog").retentionDays(30).build();
        assertThatThrownBy(() -> LogAnalyticsProps.builder().name("log-x").resourceGroup(resourceGroup(scope())).tables(List.of(table, table)).build())
                .hasMessageContaining("LogAnalyticsProps.tables[1].name: 'ApiManagementGatewayLlmLog' is listed twice");
    }

    @Test
    void aLockProtectsTheWorkspace() {
        JsonNode tf = Synth.of(s -> new LogAnalytics(s, "Logs", LogAnalyticsProps.builder().name("log-x").resourceGroup(resourceGroup(s))
                .lock(Lock.canNotDelete()).build()));
        JsonNode lock = Synth.single(tf, "azurerm_management_lock");
        assertThat(lock.path("name").asText()).isEqualTo("lock-log-x");
        assertThat(lock.path("lock_level").asText()).isEqualTo("CanNotDelete");
    }

    @Test
    void failsOnRetentionCapAndNameNamingEachField() {
        Construct s = scope();
        assertThatThrownBy(() -> LogAnalyticsProps.builder().name("x").resourceGroup(resourceGroup(s)).retentionDays(7).dailyQuotaGb(0.0).build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("LogAnalyticsProps.name: 'x' must be 4-63 letters")
                .hasMessageContaining("LogAnalyticsProps.retentionDays: must be between 30 and 730, got 7")
                .hasMessageContaining("LogAnalyticsProps.dailyQuotaGb: must be greater than 0 GB");
        assertThatThrownBy(() -> LogAnalyticsProps.builder().name("log-x").build()).hasMessageContaining("LogAnalyticsProps.resourceGroup: is required");
    }

    @Test
    void fromResourceIdRejectsAnIdOfAnotherType() {
        Construct s = scope();
        assertThat(LogAnalytics.fromResourceId(s, "W", WORKSPACE_ID).resourceId()).isEqualTo(WORKSPACE_ID);
        assertThatThrownBy(() -> LogAnalytics.fromResourceId(s, "Bad", SUBNET_ID)).isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("LogAnalytics.fromResourceId.resourceId").hasMessageContaining("expected a Microsoft.OperationalInsights/workspaces id");
    }

    @Test
    void propsKeepAnImmutableCopyOfTheTags() {
        Map<String, String> tags = new HashMap<>(Map.of("env", "t"));
        var props = LogAnalyticsProps.builder().name("log-x").resourceGroup(resourceGroup(scope())).tags(tags).build();
        tags.put("added", "x");
        assertThat(props.tags()).containsOnlyKeys("env");
        assertThatThrownBy(() -> props.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
