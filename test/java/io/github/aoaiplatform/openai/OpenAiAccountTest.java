package io.github.aoaiplatform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.azapi.AzapiProvider;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.core.PrincipalType;
import io.github.aoaiplatform.core.RoleAssignmentOptions;
import io.github.aoaiplatform.identity.UserAssignedIdentity;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.aoaiplatform.openai.OpenAiFixtures.accountProps;
import static io.github.aoaiplatform.openai.OpenAiFixtures.hub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiAccountTest {
    private static final String ACCOUNT_ID = OpenAiFixtures.SUBSCRIPTION
            + "/resourceGroups/ptu/providers/Microsoft.CognitiveServices/accounts/oai-ptu-eastus";
    private static final String GATEWAY_PRINCIPAL = "11111111-2222-3333-4444-555555555555";

    private static DeploymentOptions.Builder gpt4o() {
        return DeploymentOptions.builder().name("gpt-4o").model("gpt-4o").version("2024-11-20").capacity(30);
    }

    @Test
    void defaultsArePrivateEntraOnlyWithPrivateEndpointAndDiagnostics() {
        JsonNode tf = Synth.of(s -> new OpenAiAccount(s, "Aoai", accountProps(hub(s), "oai-test-x").tags(Map.of("env", "t")).build()));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        JsonNode acct = Synth.single(tf, "azurerm_cognitive_account");
        assertThat(acct.path("kind").asText()).isEqualTo("OpenAI");
        assertThat(acct.path("location").asText()).as("the resource group's region").isEqualTo("eastus");
        assertThat(acct.path("resource_group_name").asText()).isEqualTo("rg");
        assertThat(acct.path("custom_subdomain_name").asText()).isEqualTo("oai-test-x");
        assertThat(acct.path("public_network_access_enabled").asBoolean(true)).isFalse();
        assertThat(acct.path("local_auth_enabled").asBoolean(true)).isFalse();
        assertThat(acct.path("network_acls").path("default_action").asText()).isEqualTo("Deny");
        assertThat(acct.path("identity").path("type").asText()).isEqualTo("SystemAssigned");
        assertThat(acct.path("identity").has("identity_ids")).isFalse();
        assertThat(acct.has("customer_managed_key")).isFalse();
        assertThat(acct.path("outbound_network_access_restricted").asBoolean(false)).as("no exfiltration through the model").isTrue();
        assertThat(acct.has("fqdns")).as("no outbound host by default").isFalse();
        assertThat(Synth.all(tf, "azurerm_management_lock")).isEmpty();
        assertThat(Synth.all(tf, "azurerm_role_assignment")).isEmpty();

        String accountAddress = "azurerm_cognitive_account." + Synth.all(tf, "azurerm_cognitive_account").keySet().iterator().next();
        JsonNode pe = Synth.single(tf, "azurerm_private_endpoint");
        assertThat(pe.path("name").asText()).isEqualTo("pep-oai-test-x");
        assertThat(pe.path("location").asText()).as("the subnet's region").isEqualTo("japaneast");
        assertThat(pe.path("subnet_id").asText()).isEqualTo(OpenAiFixtures.SUBNET_ID);
        assertThat(pe.path("tags").path("env").asText()).as("the account's tags reach its endpoint").isEqualTo("t");
        assertThat(pe.path("private_service_connection").path("private_connection_resource_id").asText())
                .isEqualTo(Synth.ref(accountAddress, "id"));
        assertThat(pe.path("private_service_connection").path("subresource_names").get(0).asText()).isEqualTo("account");
        assertThat(pe.path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText)
                .containsExactly(OpenAiFixtures.OPENAI_ZONE_ID, OpenAiFixtures.COGNITIVE_ZONE_ID);

        JsonNode diag = Synth.single(tf, "azurerm_monitor_diagnostic_setting");
        assertThat(diag.path("target_resource_id").asText()).isEqualTo(Synth.ref(accountAddress, "id"));
        assertThat(diag.path("log_analytics_workspace_id").asText()).isEqualTo(OpenAiFixtures.WORKSPACE_ID);
        assertThat(diag.path("enabled_log").get(0).path("category_group").asText()).isEqualTo("allLogs");
        assertThat(diag.path("enabled_metric").get(0).path("category").asText()).isEqualTo("AllMetrics");
    }

    @Test
    void lockAndRoleAssignmentsComeFromProps() {
        JsonNode tf = Synth.of(s -> new OpenAiAccount(s, "Aoai", accountProps(hub(s), "oai-test-x").lock(Lock.canNotDelete())
                .roleAssignments(List.of(new RoleAssignmentOptions("Reader", IPrincipal.of(GATEWAY_PRINCIPAL, PrincipalType.GROUP), "audit")))
                .build()));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        assertThat(Synth.all(tf, "azurerm_management_lock").values()).extracting(l -> l.path("name").asText())
                .containsExactlyInAnyOrder("lock-oai-test-x", "lock-pep-oai-test-x");
        JsonNode reader = Synth.single(tf, "azurerm_role_assignment");
        assertThat(reader.path("role_definition_name").asText()).isEqualTo("Reader");
        assertThat(reader.path("principal_id").asText()).isEqualTo(GATEWAY_PRINCIPAL);
        assertThat(reader.path("principal_type").asText()).isEqualTo("Group");
    }

    @Test
    void deploymentsAreChainedOneAfterAnotherAfterTheContentFilters() {
        JsonNode tf = Synth.of(s -> {
            OpenAiAccount a = new OpenAiAccount(s, "Aoai", accountProps(hub(s), "oai-test-x").build());
            var azapi = new AzapiProvider(s, "Azapi");
            new ContentFilter(s, "Filter", ContentFilterProps.builder().account(a).azapi(azapi)
                    .filter(ContentFilterOptions.builder().name("strict").severityThreshold("Low").build()).build());
            a.addDeployment(gpt4o().contentFilter("strict").build());
            a.addDeployment(DeploymentOptions.builder().name("mini").model("gpt-4o-mini").version("2024-07-18").sku("Standard")
                    .capacity(10).versionUpgrade("NoAutoUpgrade").build());
            // a filter added after the first deployment still comes before it
            new ContentFilter(s, "Late", ContentFilterProps.builder().account(a).azapi(azapi)
                    .filter(ContentFilterOptions.builder().name("late").build()).build());
            a.addDeployment(DeploymentOptions.builder().name("emb").model("text-embedding-3-small").version("1").sku("Standard")
                    .capacity(5).contentFilter("Microsoft.DefaultV2").build());
            assertThat(a.deploymentNames()).containsExactly("gpt-4o", "mini", "emb");
        });
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        Map<String, String> addressByName = new HashMap<>();
        Synth.all(tf, "azurerm_cognitive_deployment").forEach((address, d) -> addressByName.put(d.path("name").asText(), address));
        Map<String, String> filterByName = new HashMap<>();
        Synth.all(tf, "azapi_resource").forEach((address, f) -> filterByName.put(f.path("name").asText(), "azapi_resource." + address));
        var deployments = Synth.all(tf, "azurerm_cognitive_deployment");
        JsonNode first = deployments.get(addressByName.get("gpt-4o"));
        assertThat(first.path("depends_on")).extracting(JsonNode::asText)
                .containsExactly(filterByName.get("strict"), filterByName.get("late"));
        assertThat(deployments.get(addressByName.get("mini")).path("depends_on")).extracting(JsonNode::asText)
                .containsExactly("azurerm_cognitive_deployment." + addressByName.get("gpt-4o"));
        assertThat(deployments.get(addressByName.get("emb")).path("depends_on")).extracting(JsonNode::asText)
                .containsExactly("azurerm_cognitive_deployment." + addressByName.get("mini"));
        assertThat(first.path("rai_policy_name").asText()).isEqualTo("strict");
        assertThat(deployments.get(addressByName.get("mini")).path("rai_policy_name").asText())
                .as("a deployment without a filter gets the account's default, explicitly").isEqualTo("Microsoft.DefaultV2");
        assertThat(first.path("sku").path("name").asText()).isEqualTo("GlobalStandard");
        assertThat(first.path("sku").path("capacity").asInt()).isEqualTo(30);
        assertThat(first.path("model").path("version").asText()).isEqualTo("2024-11-20");
        assertThat(first.path("version_upgrade_option").asText()).isEqualTo("OnceCurrentVersionExpired");
    }

    @Test
    void customerManagedKeyRunsTheAccountAsTheKeysIdentity() {
        String uami = OpenAiFixtures.SUBSCRIPTION + "/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk";
        JsonNode acct = Synth.single(Synth.of(s -> new OpenAiAccount(s, "Aoai", accountProps(hub(s), "oai-cmk")
                .customerManagedKey(CustomerManagedKeyOptions.builder().keyVaultKeyId("https://kv-x.vault.azure.net/keys/aoai")
                        .identity(UserAssignedIdentity.fromAttributes(s, "Cmk", uami, GATEWAY_PRINCIPAL, "66666666-7777-8888-9999-000000000000"))
                        .build()).build())),
                "azurerm_cognitive_account");
        assertThat(acct.path("identity").path("type").asText()).isEqualTo("SystemAssigned, UserAssigned");
        assertThat(acct.path("identity").path("identity_ids")).extracting(JsonNode::asText).containsExactly(uami);
        assertThat(acct.path("customer_managed_key").path("key_vault_key_id").asText()).isEqualTo("https://kv-x.vault.azure.net/keys/aoai");
        assertThat(acct.path("customer_managed_key").path("identity_client_id").asText()).isEqualTo("66666666-7777-8888-9999-000000000000");
    }

    @Test
    void grantInvokeAssignsOnlyTheOpenAiUserRoleOnce() {
        JsonNode tf = Synth.of(s -> {
            OpenAiAccount a = new OpenAiAccount(s, "Aoai", accountProps(hub(s), "oai-test-x").build());
            IPrincipal gateway = IPrincipal.of(GATEWAY_PRINCIPAL, PrincipalType.SERVICE_PRINCIPAL);
            assertThat(a.grantInvoke(gateway)).isSameAs(a.grantInvoke(gateway));
            OpenAiAccount.fromResourceId(s, "Ptu", ACCOUNT_ID, "eastus", List.of("gpt-4o")).grantInvoke(gateway);
        });
        var grants = Synth.all(tf, "azurerm_role_assignment").values();
        assertThat(grants).hasSize(2).allSatisfy(g -> {
            assertThat(g.path("role_definition_name").asText()).isEqualTo(IOpenAiAccount.INVOKE_ROLE);
            assertThat(g.path("principal_id").asText()).isEqualTo(GATEWAY_PRINCIPAL);
        });
        assertThat(grants).extracting(g -> g.path("scope").asText()).contains(ACCOUNT_ID)
                .anySatisfy(scope -> assertThat(scope).startsWith("${azurerm_cognitive_account."));
    }

    @Test
    void importedAccountKnowsItsEndpointAndDeployments() {
        Synth.of(s -> {
            IOpenAiAccount ptu = OpenAiAccount.fromResourceId(s, "Ptu", ACCOUNT_ID, "eastus", List.of("gpt-4o"));
            assertThat(ptu.name()).isEqualTo("oai-ptu-eastus");
            assertThat(ptu.endpoint()).isEqualTo("https://oai-ptu-eastus.openai.azure.com/");
            assertThat(ptu.deploymentNames()).containsExactly("gpt-4o");
        });
    }

    @Test
    void contentFilterBlocksEveryHarmCategoryOnBothSidesAndJailbreaks() {
        JsonNode policy = Synth.single(Synth.of(s -> new ContentFilter(s, "F", ContentFilterProps.builder()
                        .account(OpenAiAccount.fromResourceId(s, "A", ACCOUNT_ID, "eastus", List.of("gpt-4o"))).azapi(new AzapiProvider(s, "Azapi"))
                        .filter(ContentFilterOptions.builder().name("strict").severityThreshold("Low").build()).build())),
                "azapi_resource");
        assertThat(policy.path("type").asText()).isEqualTo(ContentFilter.TYPE);
        assertThat(policy.path("parent_id").asText()).isEqualTo(ACCOUNT_ID);
        assertThat(policy.path("name").asText()).isEqualTo("strict");
        assertThat(policy.has("schema_validation_enabled")).as("azapi checks the body against its schema").isFalse();
        JsonNode props = policy.path("body").path("properties");
        assertThat(props.path("basePolicyName").asText()).isEqualTo("Microsoft.DefaultV2");
        assertThat(props.path("mode").asText()).isEqualTo("Default");
        assertThat(props.path("contentFilters")).hasSize(9)
                .allSatisfy(f -> assertThat(f.path("blocking").asBoolean() && f.path("enabled").asBoolean()).isTrue());
        assertThat(props.path("contentFilters")).filteredOn(f -> f.path("source").asText().equals("Completion"))
                .allSatisfy(f -> assertThat(f.path("severityThreshold").asText()).isEqualTo("Low"))
                .extracting(f -> f.path("name").asText()).containsExactlyInAnyOrder("Hate", "Sexual", "Violence", "SelfHarm");
        assertThat(props.path("contentFilters")).anySatisfy(f -> assertThat(f.path("name").asText() + "/" + f.path("source").asText())
                .isEqualTo("Jailbreak/Prompt"));
        assertThat(props.path("customBlocklists")).isEmpty();
    }

    /** The property names and values of {@code RaiPolicyProperties} in the API version {@link ContentFilter#TYPE} names
     *  (azure-rest-api-specs, Microsoft.CognitiveServices stable/2024-10-01/cognitiveservices.json). */
    private static final Map<String, List<String>> RAI_POLICY_2024_10_01 = Map.of(
            "properties", List.of("basePolicyName", "mode", "contentFilters", "customBlocklists"),
            "contentFilters[]", List.of("name", "enabled", "severityThreshold", "blocking", "source"),
            "customBlocklists[]", List.of("blocklistName", "blocking", "source"),
            "mode", List.of("Default", "Deferred", "Blocking", "Asynchronous_filter"),
            "severityThreshold", List.of("Low", "Medium", "High"),
            "source", List.of("Prompt", "Completion"));

    @Test
    void contentFilterBodyMatchesTheRaiPolicyApiVersionItNames() {
        assertThat(ContentFilter.TYPE).endsWith("@2024-10-01");
        JsonNode tf = Synth.of(s -> {
            OpenAiAccount a = new OpenAiAccount(s, "Aoai", accountProps(hub(s), "oai-test-x").build());
            var azapi = new AzapiProvider(s, "Azapi");
            new Blocklist(s, "Codenames", BlocklistProps.builder().account(a).azapi(azapi)
                    .blocklist(BlocklistOptions.builder().name("codenames").terms(List.of("bluebird")).build()).build());
            new ContentFilter(s, "Filter", ContentFilterProps.builder().account(a).azapi(azapi).tags(Map.of("env", "t"))
                    .filter(ContentFilterOptions.builder().name("strict").mode("Asynchronous_filter").blocklists(List.of("codenames")).build()).build());
        });
        JsonNode policy = Synth.all(tf, "azapi_resource").values().stream()
                .filter(r -> r.path("type").asText().equals(ContentFilter.TYPE)).findFirst().orElseThrow();
        JsonNode body = policy.path("body");
        assertThat(body.fieldNames()).toIterable().containsExactly("properties");
        assertThat(policy.path("tags").path("env").asText()).as("raiPolicies have tags: azapi's tags attribute").isEqualTo("t");
        JsonNode props = body.path("properties");
        assertThat(props.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(RAI_POLICY_2024_10_01.get("properties"));
        assertThat(RAI_POLICY_2024_10_01.get("mode")).contains(props.path("mode").asText());
        for (JsonNode f : props.path("contentFilters")) {
            assertThat(RAI_POLICY_2024_10_01.get("contentFilters[]")).containsAll(() -> f.fieldNames());
            assertThat(RAI_POLICY_2024_10_01.get("source")).contains(f.path("source").asText());
            if (f.has("severityThreshold")) assertThat(RAI_POLICY_2024_10_01.get("severityThreshold")).contains(f.path("severityThreshold").asText());
        }
        assertThat(props.path("customBlocklists")).hasSize(2).allSatisfy(b -> {
            assertThat(b.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(RAI_POLICY_2024_10_01.get("customBlocklists[]"));
            assertThat(b.path("blocklistName").asText()).isEqualTo("codenames");
            assertThat(b.path("blocking").asBoolean()).isTrue();
        }).extracting(b -> b.path("source").asText()).containsExactly("Prompt", "Completion");
        String blocklist = Synth.all(tf, "azurerm_cognitive_account_rai_blocklist").keySet().iterator().next();
        assertThat(policy.path("depends_on")).extracting(JsonNode::asText)
                .as("the policy waits for the blocklist it attaches").containsExactly("azurerm_cognitive_account_rai_blocklist." + blocklist);
    }

    @Test
    void failsWhenAFilterAttachesABlocklistTheAccountDoesNotHave() {
        assertThatThrownBy(() -> Synth.of(s -> {
            OpenAiAccount a = new OpenAiAccount(s, "Aoai", accountProps(hub(s), "oai-test-x").build());
            new ContentFilter(s, "Filter", ContentFilterProps.builder().account(a).azapi(new AzapiProvider(s, "Azapi"))
                    .filter(ContentFilterOptions.builder().name("strict").blocklists(List.of("missing")).build()).build());
        })).isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("ContentFilterOptions.blocklists[0]: 'missing' is not a blocklist on account 'oai-test-x'");
        assertThatThrownBy(() -> ContentFilterOptions.builder().name("f").blocklists(List.of("a", "a")).build())
                .hasMessageContaining("ContentFilterOptions.blocklists[1]: 'a' is listed twice");
        assertThatThrownBy(() -> ContentFilterProps.builder().filter(ContentFilterOptions.builder().name("f").build()).build())
                .hasMessageContaining("ContentFilterProps.azapi: is required");
    }

    @Test
    void outboundAccessIsRestrictedToTheAllowedHostNames() {
        JsonNode acct = Synth.single(Synth.of(s -> new OpenAiAccount(s, "Aoai", accountProps(hub(s), "oai-test-x")
                .allowedFqdns(List.of("api.contoso.com", "*.blob.core.windows.net")).build())), "azurerm_cognitive_account");
        assertThat(acct.path("outbound_network_access_restricted").asBoolean()).isTrue();
        assertThat(acct.path("fqdns")).extracting(JsonNode::asText).containsExactly("api.contoso.com", "*.blob.core.windows.net");
    }

    @Test
    void failsOnAnAllowedFqdnThatIsNoHostName() {
        assertThatThrownBy(() -> Synth.of(s -> accountProps(hub(s), "oai-test-x")
                .allowedFqdns(List.of("https://api.contoso.com/x", "api.contoso.com", "api.contoso.com")).build()))
                .hasMessageContaining("OpenAiAccountProps.allowedFqdns[0]")
                .hasMessageContaining("OpenAiAccountProps.allowedFqdns[2]: 'api.contoso.com' is listed twice");
    }

    @Test
    void blocklistTermsAreTypedAzapiItems() {
        JsonNode tf = Synth.of(s -> new Blocklist(s, "B", BlocklistProps.builder()
                .account(OpenAiAccount.fromResourceId(s, "A", ACCOUNT_ID, "eastus", List.of("gpt-4o")))
                .blocklist(BlocklistOptions.builder().name("codenames").description("d").terms(List.of("bluebird", "kestrel")).build())
                .azapi(new AzapiProvider(s, "Azapi")).build()));
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
    void propsCollectionsAreImmutableCopies() {
        Synth.of(s -> {
            var hub = hub(s);
            List<io.github.aoaiplatform.core.PrivateEndpointOptions> endpoints = new ArrayList<>(List.of(hub.endpoint()));
            Map<String, String> tags = new HashMap<>(Map.of("env", "t"));
            OpenAiAccountProps props = accountProps(hub, "oai-test-x").privateEndpoints(endpoints).tags(tags).build();
            endpoints.clear();
            tags.put("env", "changed");
            assertThat(props.privateEndpoints()).hasSize(1);
            assertThat(props.tags()).containsEntry("env", "t");
            assertThatThrownBy(() -> props.privateEndpoints().add(hub.endpoint())).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> props.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
            List<String> terms = new ArrayList<>(List.of("bluebird"));
            BlocklistOptions blocklist = BlocklistOptions.builder().name("b").terms(terms).build();
            terms.add("kestrel");
            assertThat(blocklist.terms()).containsExactly("bluebird");
        });
    }

    @Test
    void failsOnEveryBadAccountFieldAtOnce() {
        Synth.of(s -> {
            var hub = hub(s);
            assertThatThrownBy(() -> OpenAiAccountProps.builder().name("Bad_Name").location("mars").kind("Speech").build())
                    .isInstanceOf(InvalidPropsException.class)
                    .satisfies(e -> assertThat(((InvalidPropsException) e).problems()).extracting(InvalidPropsException.Problem::field)
                            .containsExactly("name", "resourceGroup", "location", "kind", "privateEndpoints", "diagnostics"))
                    .hasMessageContaining("OpenAiAccountProps.name: 'Bad_Name' must be 2-64 lower-case letters")
                    .hasMessageContaining("OpenAiAccountProps.kind: 'Speech' must be one of [OpenAI, AIServices]");
            assertThat(accountProps(hub, "oai-public").privateEndpoints(List.of()).publicNetworkAccess(true).build().privateEndpoints())
                    .as("a public account needs no endpoint").isEmpty();
        });
    }

    @Test
    void failsOnBadDeploymentFieldsNamingEach() {
        assertThatThrownBy(() -> DeploymentOptions.builder().name("bad name").model("gpt-4o").version("2024-11-20").capacity(0)
                .versionUpgrade("Sometimes").build())
                .isInstanceOf(InvalidPropsException.class)
                .satisfies(e -> assertThat(((InvalidPropsException) e).problems()).extracting(InvalidPropsException.Problem::field)
                        .containsExactly("name", "capacity", "versionUpgrade"))
                .hasMessageContaining("DeploymentOptions.capacity: must be greater than 0");
        assertThatThrownBy(() -> gpt4o().model("gpt-9").build()).hasMessageContaining("DeploymentOptions.model: unknown model 'gpt-9'");
        assertThatThrownBy(() -> gpt4o().version("1999-01-01").build()).hasMessageContaining("DeploymentOptions.version: unknown version");
        assertThatThrownBy(() -> DeploymentOptions.builder().name("emb").model("text-embedding-3-large").version("1")
                .sku("ProvisionedManaged").capacity(1).build())
                .hasMessageContaining("DeploymentOptions.sku: embedding model text-embedding-3-large cannot be deployed as ProvisionedManaged");
        assertThatThrownBy(() -> DeploymentOptions.builder().build())
                .satisfies(e -> assertThat(((InvalidPropsException) e).problems()).extracting(InvalidPropsException.Problem::field)
                        .containsExactly("name", "model", "version", "capacity"));
    }

    @Test
    void failsOnBadFilterBlocklistAndKeyFields() {
        assertThatThrownBy(() -> ContentFilterOptions.builder().name("f").severityThreshold("Extreme").mode("Sometimes").build())
                .hasMessageContaining("ContentFilterOptions.severityThreshold: 'Extreme' must be one of [Low, Medium, High]")
                .hasMessageContaining("ContentFilterOptions.mode: 'Sometimes'");
        assertThatThrownBy(() -> BlocklistOptions.builder().name("b").build()).hasMessageContaining("BlocklistOptions.terms: must list at least one term");
        assertThatThrownBy(() -> BlocklistOptions.builder().name("b").terms(List.of("ok", " ")).build()).hasMessageContaining("BlocklistOptions.terms[1]");
        assertThatThrownBy(() -> CustomerManagedKeyOptions.builder().keyVaultKeyId("kv-x/keys/aoai").build())
                .hasMessageContaining("CustomerManagedKeyOptions.keyVaultKeyId: 'kv-x/keys/aoai' must be a key id")
                .hasMessageContaining("CustomerManagedKeyOptions.identity: is required");
    }

    @Test
    void failsWhenADeploymentNamesAFilterItsAccountDoesNotHave() {
        assertThatThrownBy(() -> Synth.of(s -> {
            OpenAiAccount a = new OpenAiAccount(s, "Aoai", accountProps(hub(s), "oai-test-x").build());
            a.addDeployment(gpt4o().contentFilter("lenient").build());
        })).hasMessageContaining("DeploymentOptions.contentFilter: deployment 'gpt-4o' names content filter 'lenient', which account 'oai-test-x' does not have");
    }

    @Test
    void failsOnTwoDeploymentsOfOneNameOnAnAccount() {
        Synth.of(s -> {
            OpenAiAccount a = new OpenAiAccount(s, "Aoai", accountProps(hub(s), "oai-test-x").build());
            a.addDeployment(gpt4o().build());
            assertThatThrownBy(() -> a.addDeployment(gpt4o().capacity(10).build()))
                    .hasMessageContaining("DeploymentOptions.name: 'gpt-4o' is already deployed on account 'oai-test-x'");
        });
    }

    @Test
    void failsOnAnImportedIdOfAnotherType() {
        Synth.of(s -> assertThatThrownBy(() -> OpenAiAccount.fromResourceId(s, "A", OpenAiFixtures.WORKSPACE_ID, "eastus", List.of("gpt-4o")))
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("OpenAiAccount.fromResourceId.resourceId")
                .hasMessageContaining("Microsoft.CognitiveServices/accounts"));
    }
}
