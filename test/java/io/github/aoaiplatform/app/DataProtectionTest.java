package io.github.aoaiplatform.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.openai.ContentFilter;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Content safety, exfiltration controls and prompt-log access, on every environment's synthesized JSON. */
class DataProtectionTest {
    static List<String> environments() { return Synth.environments(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyDeploymentNamesAFilterOnItsAccountThatAttachesItsBlocklists(String environment) {
        JsonNode tf = Synth.environment(environment);
        var config = Synth.config(environment);
        // a filter attaches its own blocklists, else every blocklist defined beside it (the platform's, or its tenant's)
        List<String> platformBlocklists = config.openAi().blocklists().stream().map(EnvironmentConfig.BlocklistConfig::name).toList();
        Map<String, List<String>> filterBlocklists = new java.util.HashMap<>();
        config.openAi().contentFilters().forEach(f -> filterBlocklists.put(f.name(), f.blocklists() != null ? f.blocklists() : platformBlocklists));
        config.departments().forEach(t -> t.contentFilters().forEach(f -> filterBlocklists.put(f.name(), f.blocklists() != null ? f.blocklists()
                : t.blocklists().stream().map(EnvironmentConfig.BlocklistConfig::name).toList())));
        Map<String, JsonNode> filters = Synth.all(tf, "azapi_resource").values().stream()
                .filter(r -> r.path("type").asText().equals(ContentFilter.TYPE))
                .collect(Collectors.toMap(r -> r.path("parent_id").asText() + "|" + r.path("name").asText(), r -> r));
        assertThat(filters).isNotEmpty();
        var deployments = Synth.all(tf, "azurerm_cognitive_deployment").values();
        int shared = config.openAi().deployments().stream().mapToInt(d -> d.regions().isEmpty() ? config.openAi().regions().size() : d.regions().size()).sum();
        int tenants = config.departments().stream().filter(t -> !t.isolation().equals(EnvironmentConfig.DepartmentConfig.TENANT_PROVIDED))
                .mapToInt(t -> t.deployments().size() * (t.regions().isEmpty() ? config.openAi().regions().size() : t.regions().size())).sum();
        assertThat(deployments).hasSize(shared + tenants);
        for (JsonNode d : deployments) {
            String filterName = d.path("rai_policy_name").asText();
            assertThat(filterName).as("deployment %s names its filter", d.path("name").asText()).isNotBlank();
            JsonNode filter = filters.get(d.path("cognitive_account_id").asText() + "|" + filterName);
            assertThat(filter).as("filter %s of %s is created on the deployment's account", filterName, d.path("name").asText()).isNotNull();
            var onAccount = Synth.all(tf, "azurerm_cognitive_account_rai_blocklist").entrySet().stream()
                    .filter(b -> b.getValue().path("cognitive_account_id").asText().equals(d.path("cognitive_account_id").asText())).toList();
            // the platform default filter: on the shared accounts the platform's blocklists (never a tenant's own), on a
            // tenant's own account every blocklist there
            boolean sharedAccount = d.path("cognitive_account_id").asText().startsWith("${azurerm_cognitive_account.OpenAi_");
            List<String> blocklists = filterBlocklists.getOrDefault(filterName, sharedAccount ? platformBlocklists
                    : onAccount.stream().map(b -> b.getValue().path("name").asText()).toList());
            assertThat(filter.path("body").path("properties").path("customBlocklists"))
                    .extracting(b -> b.path("blocklistName").asText() + "/" + b.path("source").asText() + "/" + b.path("blocking").asBoolean())
                    .containsExactlyElementsOf(blocklists.stream().flatMap(b -> ContentFilter.SOURCES.stream().map(x -> b + "/" + x + "/true")).toList());
            String blocklistAddresses = filter.path("depends_on").toString();
            assertThat(onAccount).filteredOn(b -> blocklists.contains(b.getValue().path("name").asText())).hasSize(blocklists.size())
                    .allSatisfy(b -> assertThat(blocklistAddresses).contains("azurerm_cognitive_account_rai_blocklist." + b.getKey()));
        }
        assertThat(Synth.all(tf, "azurerm_cognitive_account_rai_policy")).as("no filter left that cannot attach blocklists").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyAccountRestrictsOutboundAccessToTheConfiguredHosts(String environment) {
        JsonNode tf = Synth.environment(environment);
        List<String> allowed = Synth.config(environment).openAi().allowedFqdns();
        assertThat(Synth.all(tf, "azurerm_cognitive_account").values()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.path("outbound_network_access_restricted").asBoolean()).isTrue();
            assertThat(a.path("fqdns")).extracting(JsonNode::asText).containsExactlyElementsOf(allowed);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void promptLogsKeepTheirOwnRetentionAndOnlyTheirReadersReadThem(String environment) {
        JsonNode tf = Synth.environment(environment);
        var monitoring = Synth.config(environment).monitoring();
        String workspace = Synth.ref("azurerm_log_analytics_workspace." + Synth.all(tf, "azurerm_log_analytics_workspace").keySet().iterator().next(), "id");
        assertThat(Synth.single(tf, "azurerm_log_analytics_workspace").path("allow_resource_only_permissions").asBoolean(true))
                .as("readers of the gateway resource do not read its prompt logs").isFalse();
        var table = Synth.all(tf, "azurerm_log_analytics_workspace_table").entrySet().stream()
                .filter(t -> t.getValue().path("name").asText().equals(io.github.aoaiplatform.apim.LlmLogging.TABLE)).findFirst().orElseThrow();
        assertThat(table.getValue().path("workspace_id").asText()).isEqualTo(workspace);
        assertThat(table.getValue().path("retention_in_days").asInt()).isEqualTo(monitoring.promptLogRetentionDays());
        assertThat(table.getValue().path("total_retention_in_days").asInt()).isEqualTo(monitoring.promptLogRetentionDays());
        String tableId = Synth.ref("azurerm_log_analytics_workspace_table." + table.getKey(), "id");

        var assignments = Synth.all(tf, "azurerm_role_assignment").values();
        assertThat(assignments).filteredOn(a -> a.path("scope").asText().equals(tableId))
                .allSatisfy(a -> {
                    assertThat(a.path("role_definition_name").asText()).isEqualTo("Reader");
                    assertThat(a.path("principal_type").asText()).isEqualTo("Group");
                })
                .extracting(a -> a.path("principal_id").asText()).containsExactlyInAnyOrderElementsOf(monitoring.promptLogReaders());
        assertThat(assignments).filteredOn(a -> a.path("scope").asText().equals(workspace))
                .as("on the workspace, prompt readers only get the query-only custom role")
                .allSatisfy(a -> assertThat(a.path("role_definition_id").asText()).startsWith("${azurerm_role_definition."))
                .extracting(a -> a.path("principal_id").asText()).containsExactlyInAnyOrderElementsOf(monitoring.promptLogReaders());
        assertThat(Synth.all(tf, "azurerm_role_definition")).hasSize(monitoring.promptLogReaders().isEmpty() ? 0 : 1);
    }
}
