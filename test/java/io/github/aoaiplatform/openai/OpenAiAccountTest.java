package io.github.aoaiplatform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiAccountTest {
    static OpenAiAccount.Props props(String name, OpenAiAccount.CustomerManagedKey cmk) {
        return new OpenAiAccount.Props(name, "eastus", "rg", null, "pe-subnet-id", "japaneast",
                List.of("zone-openai", "zone-cog"), "law-id", cmk, null, null, Map.of("env", "t"));
    }

    @Test
    void defaultsArePrivateEntraOnlyWithPrivateEndpointAndDiagnostics() {
        JsonNode tf = Synth.of(s -> new OpenAiAccount(s, "Aoai", props("oai-test-x", null)));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        JsonNode acct = Synth.single(tf, "azurerm_cognitive_account");
        assertThat(acct.path("kind").asText()).isEqualTo("OpenAI");
        assertThat(acct.path("custom_subdomain_name").asText()).isEqualTo("oai-test-x");
        assertThat(acct.path("public_network_access_enabled").asBoolean(true)).isFalse();
        assertThat(acct.path("local_auth_enabled").asBoolean(true)).isFalse();
        assertThat(acct.path("network_acls").path("default_action").asText()).isEqualTo("Deny");
        assertThat(acct.path("identity").path("type").asText()).isEqualTo("SystemAssigned");
        assertThat(acct.has("customer_managed_key")).isFalse();

        String accountAddress = Synth.all(tf, "azurerm_cognitive_account").keySet().iterator().next();
        JsonNode pe = Synth.single(tf, "azurerm_private_endpoint");
        assertThat(pe.path("location").asText()).isEqualTo("japaneast");
        assertThat(pe.path("subnet_id").asText()).isEqualTo("pe-subnet-id");
        assertThat(pe.path("private_service_connection").path("private_connection_resource_id").asText())
                .isEqualTo(Synth.ref("azurerm_cognitive_account." + accountAddress, "id"));
        assertThat(pe.path("private_service_connection").path("subresource_names").get(0).asText()).isEqualTo("account");
        assertThat(pe.path("private_service_connection").path("is_manual_connection").asBoolean(true)).isFalse();
        assertThat(pe.path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText)
                .containsExactly("zone-openai", "zone-cog");

        JsonNode diag = Synth.single(tf, "azurerm_monitor_diagnostic_setting");
        assertThat(diag.path("target_resource_id").asText()).isEqualTo(Synth.ref("azurerm_cognitive_account." + accountAddress, "id"));
        assertThat(diag.path("log_analytics_workspace_id").asText()).isEqualTo("law-id");
        assertThat(diag.path("enabled_log").get(0).path("category_group").asText()).isEqualTo("allLogs");
        assertThat(diag.path("enabled_metric").get(0).path("category").asText()).isEqualTo("AllMetrics");
    }

    @Test
    void deploymentsAreChainedOneAfterAnother() {
        JsonNode tf = Synth.of(s -> {
            OpenAiAccount a = new OpenAiAccount(s, "Aoai", props("oai-test-x", null));
            ContentFilter f = new ContentFilter(s, "Filter", new ContentFilter.Props("strict", a.resourceId(), null, "Low", null, null, null));
            a.addDeploymentPrerequisite(f.resource());
            a.addDeployment(new OpenAiAccount.DeploymentOptions("gpt-4o", "gpt-4o", "2024-11-20", null, 30, null, "strict"));
            a.addDeployment(new OpenAiAccount.DeploymentOptions("mini", "gpt-4o-mini", "2024-07-18", "Standard", 10, "NoAutoUpgrade", null));
            a.addDeployment(new OpenAiAccount.DeploymentOptions("emb", "text-embedding-3-small", "1", "Standard", 5, null, null));
        });
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        var deployments = Synth.all(tf, "azurerm_cognitive_deployment");
        assertThat(deployments).hasSize(3);
        String filterAddress = "azurerm_cognitive_account_rai_policy." + Synth.all(tf, "azurerm_cognitive_account_rai_policy").keySet().iterator().next();
        var byName = new java.util.HashMap<String, String>();
        deployments.forEach((address, d) -> byName.put(d.path("name").asText(), "azurerm_cognitive_deployment." + address));
        JsonNode first = deployments.get(byName.get("gpt-4o").substring("azurerm_cognitive_deployment.".length()));
        JsonNode second = deployments.get(byName.get("mini").substring("azurerm_cognitive_deployment.".length()));
        JsonNode third = deployments.get(byName.get("emb").substring("azurerm_cognitive_deployment.".length()));
        assertThat(first.path("depends_on")).extracting(JsonNode::asText).containsExactly(filterAddress);
        assertThat(second.path("depends_on")).extracting(JsonNode::asText).containsExactly(byName.get("gpt-4o"));
        assertThat(third.path("depends_on")).extracting(JsonNode::asText).containsExactly(byName.get("mini"));
        assertThat(first.path("rai_policy_name").asText()).isEqualTo("strict");
        assertThat(first.path("sku").path("name").asText()).isEqualTo("GlobalStandard");
        assertThat(first.path("sku").path("capacity").asInt()).isEqualTo(30);
        assertThat(first.path("model").path("version").asText()).isEqualTo("2024-11-20");
        assertThat(first.path("version_upgrade_option").asText()).isEqualTo("OnceCurrentVersionExpired");
    }

    @Test
    void customerManagedKeyAddsUserAssignedIdentity() {
        String uami = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk";
        JsonNode acct = Synth.single(Synth.of(s -> new OpenAiAccount(s, "Aoai", props("oai-cmk",
                new OpenAiAccount.CustomerManagedKey("https://kv-x.vault.azure.net/keys/aoai", uami, "66666666-7777-8888-9999-000000000000")))),
                "azurerm_cognitive_account");
        assertThat(acct.path("identity").path("type").asText()).isEqualTo("SystemAssigned, UserAssigned");
        assertThat(acct.path("identity").path("identity_ids").get(0).asText()).isEqualTo(uami);
        assertThat(acct.path("customer_managed_key").path("key_vault_key_id").asText()).isEqualTo("https://kv-x.vault.azure.net/keys/aoai");
    }

    @Test
    void contentFilterBlocksEveryHarmCategoryOnBothSidesAndJailbreaks() {
        JsonNode policy = Synth.single(Synth.of(s -> new ContentFilter(s, "F", new ContentFilter.Props("strict", "acct", null, "Low", null, null, null))),
                "azurerm_cognitive_account_rai_policy");
        assertThat(policy.path("base_policy_name").asText()).isEqualTo("Microsoft.DefaultV2");
        assertThat(policy.path("content_filter")).hasSize(9)
                .allSatisfy(f -> assertThat(f.path("block_enabled").asBoolean()).isTrue());
        assertThat(policy.path("content_filter")).filteredOn(f -> f.path("source").asText().equals("Completion"))
                .extracting(f -> f.path("name").asText()).containsExactlyInAnyOrder("Hate", "Sexual", "Violence", "SelfHarm");
        assertThat(policy.path("content_filter")).anySatisfy(f -> assertThat(f.path("name").asText()).isEqualTo("Jailbreak"));
    }

    @Test
    void blocklistTermsAreTypedAzapiItems() {
        JsonNode tf = Synth.of(s -> new Blocklist(s, "B", new io.github.aoaiplatform.azapi.AzapiProvider(s, "Azapi"),
                new Blocklist.Props("codenames", "acct-id", "d", List.of("bluebird", "kestrel"))));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        var items = Synth.all(tf, "azapi_resource");
        assertThat(items).hasSize(2);
        assertThat(items.values()).allSatisfy(i -> {
            assertThat(i.path("type").asText()).isEqualTo(Blocklist.ITEM_TYPE);
            assertThat(i.path("parent_id").asText()).startsWith("${azurerm_cognitive_account_rai_blocklist.");
            assertThat(i.path("body").path("properties").path("isRegex").asBoolean(true)).isFalse();
        });
        assertThat(items.values()).extracting(i -> i.path("body").path("properties").path("pattern").asText())
                .containsExactlyInAnyOrder("bluebird", "kestrel");
    }

    @Test
    void failsOnBadNamesZeroCapacityAndUnknownModels() {
        assertThatThrownBy(() -> props("Bad_Name", null)).hasMessageContaining("'Bad_Name'").hasMessageContaining("custom subdomain");
        assertThatThrownBy(() -> new OpenAiAccount.DeploymentOptions("d", "gpt-4o", "2024-11-20", null, 0, null, null))
                .hasMessageContaining("capacity must be greater than 0");
        assertThatThrownBy(() -> new OpenAiAccount.DeploymentOptions("d", "gpt-9", "1", null, 1, null, null))
                .hasMessageContaining("unknown model 'gpt-9'");
        assertThatThrownBy(() -> new OpenAiAccount.DeploymentOptions("d", "text-embedding-3-large", "1", "ProvisionedManaged", 1, null, null))
                .hasMessageContaining("cannot be deployed as ProvisionedManaged");
        assertThatThrownBy(() -> new OpenAiAccount.Props("ok-name", "eastus", "rg", null, null, null, null, "law", null, null, null, null))
                .hasMessageContaining("privateEndpointSubnetId is required");
    }
}
