package io.github.aoaiplatform.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.app.ConfigException;
import io.github.aoaiplatform.app.StateConfig;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The remote state bootstrap ({@code stacks/bootstrap/state.json}); schema conformance and its golden file are in the shared tests. */
class StateBootstrapStackTest {
    @TempDir Path tmp;

    private static JsonNode state() { return Synth.parse(Synth.stateJson()); }

    private static Map<String, JsonNode> byName(JsonNode tf, String type) {
        var out = new java.util.TreeMap<String, JsonNode>();
        Synth.all(tf, type).values().forEach(r -> out.put(r.path("name").asText(), r));
        return out;
    }

    @Test
    void theStateAccountIsPrivateEntraOnlyVersionedSoftDeletedAndLocked() {
        JsonNode tf = state();
        JsonNode account = Synth.single(tf, "azurerm_storage_account");
        assertThat(account.path("name").asText()).isEqualTo("sttfstateaoaishared");
        assertThat(account.path("shared_access_key_enabled").asBoolean(true)).isFalse();
        assertThat(account.path("default_to_oauth_authentication").asBoolean()).isTrue();
        assertThat(account.path("public_network_access_enabled").asBoolean(true)).isFalse();
        assertThat(account.path("allow_nested_items_to_be_public").asBoolean(true)).isFalse();
        assertThat(account.path("min_tls_version").asText()).isEqualTo("TLS1_2");
        JsonNode blob = account.path("blob_properties");
        assertThat(blob.path("versioning_enabled").asBoolean()).isTrue();
        assertThat(blob.path("delete_retention_policy").path("days").asInt()).isEqualTo(30);
        assertThat(blob.path("container_delete_retention_policy").path("days").asInt()).isEqualTo(30);
        assertThat(tf.path("provider").path("azurerm").get(0).path("storage_use_azuread").asBoolean()).isTrue();

        String accountId = Synth.ref("azurerm_storage_account.StateAccount", "id");
        JsonNode lock = Synth.single(tf, "azurerm_management_lock");
        assertThat(lock.path("lock_level").asText()).isEqualTo("CanNotDelete");
        assertThat(lock.path("scope").asText()).isEqualTo(accountId);

        JsonNode container = Synth.single(tf, "azurerm_storage_container");
        assertThat(container.path("storage_account_id").asText()).isEqualTo(accountId);
        assertThat(container.path("container_access_type").asText()).isEqualTo("private");

        JsonNode pe = Synth.single(tf, "azurerm_private_endpoint");
        var config = StateConfig.load(Synth.STACKS.resolve(StateConfig.FILE), Synth.environmentConfigs());
        assertThat(pe.path("subnet_id").asText()).isEqualTo(config.privateEndpoint().subnetId());
        assertThat(pe.path("private_service_connection").path("private_connection_resource_id").asText()).isEqualTo(accountId);
        assertThat(pe.path("private_service_connection").path("subresource_names")).extracting(JsonNode::asText).containsExactly("blob");
        assertThat(pe.path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText)
                .containsExactly(config.privateEndpoint().blobDnsZoneId());
        assertThat(tf.path("terraform").path("backend").has("local")).isTrue();
    }

    @Test
    void everyEnvironmentStoresItsStateInTheAccountTheBootstrapCreates() {
        var config = StateConfig.load(Synth.STACKS.resolve(StateConfig.FILE), Synth.environmentConfigs());
        Synth.environmentConfigs().forEach((env, c) -> {
            if (!c.backend().type().equals("azurerm")) return;
            JsonNode backend = Synth.environment(env).path("terraform").path("backend").path("azurerm");
            assertThat(backend.path("storage_account_name").asText()).isEqualTo(config.storageAccountName());
            assertThat(backend.path("resource_group_name").asText()).isEqualTo(config.resourceGroupName());
            assertThat(backend.path("container_name").asText()).isEqualTo(config.containerName());
            assertThat(backend.path("use_azuread_auth").asBoolean()).as("Entra auth: the account has no shared keys").isTrue();
        });
    }

    @Test
    void eachEnvironmentGetsAPlanAndADeployIdentityTrustedOnlyForItsGitHubSubjects() {
        JsonNode tf = state();
        var identities = byName(tf, "azurerm_user_assigned_identity");
        var credentials = Synth.all(tf, "azurerm_federated_identity_credential");
        for (String env : Synth.environments()) {
            assertThat(identities).containsKeys("id-aoai-" + env + "-plan", "id-aoai-" + env + "-deploy");
            assertThat(subjects(credentials, "Deploy-" + env)).containsExactly("repo:contoso/aoai-platform:environment:" + env);
            assertThat(subjects(credentials, "Plan-" + env)).containsExactlyInAnyOrder(
                    "repo:contoso/aoai-platform:pull_request", "repo:contoso/aoai-platform:ref:refs/heads/main");
        }
        assertThat(credentials.values()).allSatisfy(c -> {
            assertThat(c.path("issuer").asText()).isEqualTo("https://token.actions.githubusercontent.com");
            assertThat(c.path("audience")).extracting(JsonNode::asText).containsExactly("api://AzureADTokenExchange");
        });
        assertThat(credentials).hasSize(3 * Synth.environments().size());
    }

    private static List<String> subjects(Map<String, JsonNode> credentials, String identityId) {
        String parent = Synth.ref("azurerm_user_assigned_identity." + identityId, "id");
        return credentials.values().stream().filter(c -> c.path("parent_id").asText().equals(parent)).map(c -> c.path("subject").asText()).toList();
    }

    @Test
    void rolesAreLeastPrivilegeAndScopedToEachEnvironmentsSubscriptionAndTheStateContainer() {
        JsonNode tf = state();
        String container = Synth.ref("azurerm_storage_account.StateAccount", "id") + "/blobServices/default/containers/tfstate";
        var assignments = Synth.all(tf, "azurerm_role_assignment");
        for (String env : Synth.environments()) {
            String subscription = "/subscriptions/" + java.util.Objects.requireNonNullElse(Synth.config(env).subscriptionId(), "00000000-0000-0000-0000-000000000000");
            Map<String, JsonNode> deploy = forPrincipal(assignments, "Deploy-" + env);
            var monitoring = Synth.config(env).monitoring();
            String writer = Synth.ref("azurerm_role_definition.RoleDefinitionWriterRole", "role_definition_resource_id");
            if (monitoring.promptLogReaders().isEmpty())
                assertThat(deploy.keySet()).containsExactlyInAnyOrder("Contributor", "Role Based Access Control Administrator", "Storage Blob Data Contributor");
            else    // the workspace defines a query-only role for its prompt-log readers
                assertThat(deploy.keySet()).containsExactlyInAnyOrder("Contributor", "Role Based Access Control Administrator", "Storage Blob Data Contributor", writer);
            assertThat(deploy.get("Contributor").path("scope").asText()).isEqualTo(subscription);
            assertThat(deploy.get("Storage Blob Data Contributor").path("scope").asText()).isEqualTo(container);
            JsonNode rbac = deploy.get("Role Based Access Control Administrator");
            assertThat(rbac.path("condition_version").asText()).isEqualTo("2.0");
            assertThat(rbac.path("condition").asText()).contains("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "2b629674-e913-4c01-ae53-ef4638d8f975",
                            "3913510d-42f4-4e42-8a64-420c390055eb")   // OpenAI User, Event Hubs Data Sender, Monitoring Metrics Publisher
                    .contains("roleAssignments/write").contains("roleAssignments/delete");
            String queryOnlyRole = io.github.aoaiplatform.monitoring.LogAnalytics.queryOnlyRoleGuid(PlatformStack.workspaceName(Synth.config(env)));
            if (monitoring.promptLogReaders().isEmpty()) assertThat(rbac.path("condition").asText()).doesNotContain(queryOnlyRole);
            else assertThat(rbac.path("condition").asText()).contains(queryOnlyRole, "acdd72a7-3385-48ef-bd42-f606fba81ae7");   // + Reader
            // the role the environment's stack defines has exactly that id
            var defined = Synth.all(Synth.environment(env), "azurerm_role_definition").values();
            assertThat(defined).extracting(d -> d.path("role_definition_id").asText())
                    .containsExactlyElementsOf(monitoring.promptLogReaders().isEmpty() ? List.of() : List.of(queryOnlyRole));

            Map<String, JsonNode> plan = forPrincipal(assignments, "Plan-" + env);
            assertThat(plan.keySet()).containsExactlyInAnyOrder(Synth.ref("azurerm_role_definition.PlanRole", "role_definition_resource_id"), "Storage Blob Data Reader");
            assertThat(plan.get("Storage Blob Data Reader").path("scope").asText()).isEqualTo(container);
        }
        JsonNode planRole = Synth.allResources(tf).get("azurerm_role_definition.PlanRole");
        assertThat(planRole.path("permissions").get(0).path("actions")).extracting(JsonNode::asText)
                .contains("*/read").noneMatch(a -> a.endsWith("/write") || a.endsWith("/delete") || a.equals("*"));
        JsonNode writerRole = Synth.allResources(tf).get("azurerm_role_definition.RoleDefinitionWriterRole");
        assertThat(writerRole.path("permissions").get(0).path("actions")).extracting(JsonNode::asText)
                .as("role definitions only: which roles it may assign stays limited by the condition")
                .allMatch(a -> a.startsWith("Microsoft.Authorization/roleDefinitions/"));
    }

    /** Role (name, or definition id for the custom role) -> assignment, for the identity with this construct id. */
    private static Map<String, JsonNode> forPrincipal(Map<String, JsonNode> assignments, String identityId) {
        String principal = Synth.ref("azurerm_user_assigned_identity." + identityId, "principal_id");
        var out = new java.util.HashMap<String, JsonNode>();
        assignments.values().stream().filter(a -> a.path("principal_id").asText().equals(principal))
                .forEach(a -> out.put(a.has("role_definition_name") ? a.path("role_definition_name").asText() : a.path("role_definition_id").asText(), a));
        return out;
    }

    @Test
    void onlyEnvironmentsThatRegisterTheirEntraAppGetTheGraphAppRole() {
        JsonNode tf = state();
        var graphAssignments = Synth.all(tf, "azuread_app_role_assignment");
        List<String> registering = Synth.environments().stream().filter(e -> Synth.config(e).identity().application() != null).toList();
        assertThat(registering).as("stacks/test.json registers its app").isNotEmpty();
        assertThat(graphAssignments).hasSize(registering.size());
        for (String env : registering)
            assertThat(graphAssignments.values()).anySatisfy(a -> assertThat(a.path("principal_object_id").asText())
                    .isEqualTo(Synth.ref("azurerm_user_assigned_identity.Deploy-" + env, "principal_id")));
        assertThat(graphAssignments.values()).allSatisfy(a -> assertThat(a.path("app_role_id").asText()).contains("Application.ReadWrite.OwnedBy"));
        assertThat(Synth.all(tf, "azuread_service_principal").isEmpty()).isTrue();
        assertThat(tf.path("data").path("azuread_service_principal").elements().next().path("client_id").asText())
                .isEqualTo("00000003-0000-0000-c000-000000000000");
    }

    @Test
    void outputsTheClientIdsTheWorkflowsNeed() {
        JsonNode outputs = state().path("output");
        for (String env : Synth.environments()) {
            assertThat(outputs.path("github_plan_client_ids").path("value").path(env).asText())
                    .isEqualTo(Synth.ref("azurerm_user_assigned_identity.Plan-" + env, "client_id"));
            assertThat(outputs.path("github_deploy_client_ids").path("value").path(env).asText())
                    .isEqualTo(Synth.ref("azurerm_user_assigned_identity.Deploy-" + env, "client_id"));
        }
    }

    private Path stacksWithState(String stateJson) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("stacks"));
        Files.copy(Synth.STACKS.resolve("test.json"), dir.resolve("test.json"));
        Files.createDirectories(dir.resolve("pricing"));
        Files.copy(Synth.STACKS.resolve("pricing/azure-openai.json"), dir.resolve("pricing/azure-openai.json"));
        Files.createDirectories(dir.resolve("bootstrap"));
        Files.writeString(dir.resolve(StateConfig.FILE), stateJson);
        return dir;
    }

    private static String stateFile() throws IOException { return Files.readString(Synth.STACKS.resolve(StateConfig.FILE)); }

    @Test
    void failsWhenAnEnvironmentKeepsItsStateInAnotherAccountNamingBoth() throws IOException {
        Path dir = stacksWithState(stateFile().replace("\"sttfstateaoaishared\"", "\"stother\""));
        assertThatThrownBy(() -> Main.synth(dir, List.of(), tmp.resolve("out").toString()))
                .hasMessageContaining("bootstrap/state.json")
                .hasMessageContaining("storageAccountName: stacks/test.json keeps its state in rg-tfstate-shared/sttfstateaoaishared/tfstate, not in this account rg-tfstate-shared/stother/tfstate");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void failsWhenAnEnvironmentKeepsItsStateInTheBootstrapStacksOwnBlob() throws IOException {
        Path dir = stacksWithState(stateFile());
        Files.writeString(dir.resolve("test.json"), Files.readString(dir.resolve("test.json"))
                .replace("\"containerName\": \"tfstate\"", "\"containerName\": \"tfstate\", \"key\": \"" + StateConfig.STATE_KEY + "\""));
        assertThatThrownBy(() -> Main.synth(dir, List.of(), tmp.resolve("out").toString()))
                .hasMessageContaining("bootstrap/state.json")
                .hasMessageContaining("stacks/test.json: backend.key 'aoai-platform/state.tfstate' is this bootstrap stack's own state");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void failsOnBadValuesNamingEveryFieldAndTheFix() throws IOException {
        Path dir = stacksWithState(stateFile()
                .replace("\"tenantId\": \"00000000-0000-0000-0000-000000000000\"", "\"tenantId\": \"nope\"")
                .replace("/subnets/snet-private-endpoints", "")
                .replace("\"contoso/aoai-platform\"", "\"aoai-platform\"")
                .replace("\"softDeleteDays\": 30", "\"softDeleteDays\": 0, \"typo\": true"));
        assertThatThrownBy(() -> StateConfig.load(dir.resolve(StateConfig.FILE), Synth.environmentConfigs()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("typo: unknown key");
        Files.writeString(dir.resolve(StateConfig.FILE), Files.readString(dir.resolve(StateConfig.FILE)).replace(", \"typo\": true", ""));
        assertThatThrownBy(() -> StateConfig.load(dir.resolve(StateConfig.FILE), Synth.environmentConfigs()))
                .hasMessageContaining("tenantId: 'nope' is not a GUID")
                .hasMessageContaining("privateEndpoint.subnetId:").hasMessageContaining("expected a Microsoft.Network/virtualNetworks/subnets id")
                .hasMessageContaining("github.repository: 'aoai-platform' is not owner/name")
                .hasMessageContaining("softDeleteDays: must be 1-365 days, got 0");
    }

    @Test
    void afterTheFirstApplyItsOwnStateMovesIntoTheAccountItCreated() throws IOException {
        Path dir = stacksWithState(stateFile().replace("\"softDeleteDays\": 30,", "\"softDeleteDays\": 30, \"backend\": \"azurerm\","));
        Path out = tmp.resolve("out");
        Main.synth(dir, List.of(StateConfig.STACK_NAME), out.toString());
        JsonNode backend = Synth.parse(Files.readString(out.resolve("stacks/state/cdk.tf.json"))).path("terraform").path("backend");
        assertThat(backend.has("local")).isFalse();
        assertThat(backend.path("azurerm").path("storage_account_name").asText()).isEqualTo("sttfstateaoaishared");
        assertThat(backend.path("azurerm").path("container_name").asText()).isEqualTo("tfstate");
        assertThat(backend.path("azurerm").path("key").asText()).isEqualTo("aoai-platform/state.tfstate");
        assertThat(backend.path("azurerm").path("use_azuread_auth").asBoolean()).isTrue();
        Files.writeString(dir.resolve(StateConfig.FILE), stateFile().replace("\"softDeleteDays\": 30,", "\"softDeleteDays\": 30, \"backend\": \"s3\","));
        assertThatThrownBy(() -> Main.synth(dir, List.of(StateConfig.STACK_NAME), out.toString()))
                .hasMessageContaining("backend: 's3' is not local or azurerm");
    }

    @Test
    void isNeverTakenForAnEnvironmentAndIsSynthesizedBesideThem() throws IOException {
        Path dir = stacksWithState(stateFile());
        assertThat(Main.stackFiles(dir)).extracting(p -> p.getFileName().toString()).containsExactly("test.json");
        Path out = tmp.resolve("out");
        assertThat(Main.synth(dir, List.of(), out.toString())).containsExactly("test", StateConfig.STACK_NAME);
        assertThat(out.resolve("stacks/state/cdk.tf.json")).exists();
        assertThat(out.resolve("stacks/state/" + StackDiagram.FILE_NAME)).exists();
        assertThat(Main.synth(dir, List.of(StateConfig.STACK_NAME), tmp.resolve("only").toString())).containsExactly(StateConfig.STACK_NAME);
    }
}
