package io.github.aoaiplatform.examples;

import com.contoso.landingzone.LandingZoneApp;
import com.contoso.landingzone.LandingZoneStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Testing;
import io.github.aoaiplatform.apim.BackendPool;
import io.github.aoaiplatform.apim.Department;
import io.github.aoaiplatform.apim.DepartmentPolicyProps;
import io.github.aoaiplatform.apim.DepartmentProps;
import io.github.aoaiplatform.openai.IOpenAiAccount;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's landing-zone example (examples/landing-zone), synthesized as its own app would. */
class LandingZoneExampleTest {
    static final String HUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/";
    static final String PE_SUBNET_ID = HUB + "Microsoft.Network/virtualNetworks/vnet-hub-eus/subnets/snet-private-endpoints";
    static final List<String> HUB_ZONE_IDS = List.of(
            HUB + "Microsoft.Network/privateDnsZones/privatelink.openai.azure.com",
            HUB + "Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com");
    static final String WORKSPACE_ID = HUB + "Microsoft.OperationalInsights/workspaces/log-hub-eus";
    static final String APIM_ID = HUB + "Microsoft.ApiManagement/service/apim-contoso-hub";
    static final String APIM_PRINCIPAL_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    static JsonNode tf;

    @BeforeAll
    static void synthesize() {
        tf = Synth.parse(Testing.synth(LandingZoneApp.build(Testing.app()), true));
    }

    @Test
    void createsNoneOfTheImportedResources() {
        assertThat(tf.path("resource").fieldNames()).toIterable().doesNotContain(
                "azurerm_virtual_network", "azurerm_subnet", "azurerm_private_dns_zone", "azurerm_log_analytics_workspace",
                "azurerm_api_management", "azurerm_resource_group", "azurerm_user_assigned_identity");
        assertThat(tf.path("data").isMissingNode()).as("no data sources either: imports are by id").isTrue();
    }

    @Test
    void createsTwoRegionalAccountsInTheExistingResourceGroup() {
        var accounts = Synth.all(tf, "azurerm_cognitive_account").values();
        assertThat(accounts).extracting(a -> a.path("name").asText() + "@" + a.path("location").asText())
                .containsExactlyInAnyOrder("oai-contoso-lz-eus@eastus", "oai-contoso-lz-swc@swedencentral");
        assertThat(accounts).allSatisfy(a -> {
            assertThat(a.path("resource_group_name").asText()).isEqualTo("rg-ai-landing-zone");
            assertThat(a.path("public_network_access_enabled").asBoolean(true)).isFalse();
            assertThat(a.path("local_auth_enabled").asBoolean(true)).isFalse();
            assertThat(a.path("tags").path("cost-center").asText()).as("Tags.of(stack) reaches the accounts").isEqualTo("CC-4001");
        });
        assertThat(Synth.all(tf, "azurerm_cognitive_deployment").values()).extracting(d -> d.path("name").asText())
                .containsExactlyInAnyOrder("gpt-4o", "gpt-4o", "text-embedding-3-small");
    }

    @Test
    void privateEndpointsAreInTheHubSubnetAndZones() {
        var endpoints = Synth.all(tf, "azurerm_private_endpoint");
        assertThat(endpoints).hasSize(2);
        for (String account : Synth.all(tf, "azurerm_cognitive_account").keySet()) {
            JsonNode endpoint = endpoints.values().stream()
                    .filter(e -> e.path("private_service_connection").path("private_connection_resource_id").asText()
                            .equals(Synth.ref("azurerm_cognitive_account." + account, "id")))
                    .findFirst().orElseThrow(() -> new AssertionError("no private endpoint for " + account));
            assertThat(endpoint.path("subnet_id").asText()).isEqualTo(PE_SUBNET_ID);
            assertThat(endpoint.path("private_dns_zone_group").path("private_dns_zone_ids"))
                    .extracting(JsonNode::asText).containsExactlyElementsOf(HUB_ZONE_IDS);
        }
    }

    @Test
    void diagnosticsGoToTheHubWorkspace() {
        assertThat(Synth.all(tf, "azurerm_monitor_diagnostic_setting").values())
                .hasSize(2).allSatisfy(d -> assertThat(d.path("log_analytics_workspace_id").asText()).isEqualTo(WORKSPACE_ID));
    }

    @Test
    void theApimIdentityMayInvokeBothAccountsAndNothingElse() {
        var assignments = Synth.all(tf, "azurerm_role_assignment").values();
        assertThat(assignments).extracting(r -> r.path("scope").asText()).containsExactlyInAnyOrderElementsOf(
                Synth.all(tf, "azurerm_cognitive_account").keySet().stream().map(a -> Synth.ref("azurerm_cognitive_account." + a, "id")).toList());
        assertThat(assignments).allSatisfy(r -> {
            assertThat(r.path("principal_id").asText()).isEqualTo(APIM_PRINCIPAL_ID);
            assertThat(r.path("role_definition_name").asText()).isEqualTo(IOpenAiAccount.INVOKE_ROLE);
        });
    }

    @Test
    void theApiBackendsPoolAndDepartmentGoOnTheHubApiManagement() {
        JsonNode api = Synth.single(tf, "azurerm_api_management_api");
        assertThat(api.path("api_management_name").asText()).isEqualTo("apim-contoso-hub");
        assertThat(api.path("resource_group_name").asText()).isEqualTo("rg-hub");
        assertThat(api.path("subscription_required").asBoolean()).isTrue();

        assertThat(Synth.all(tf, "azurerm_api_management_backend").values()).extracting(b -> b.path("url").asText())
                .containsExactlyInAnyOrder(ref("oai-contoso-lz-eus"), ref("oai-contoso-lz-swc"));
        JsonNode pool = Synth.singleAzapi(tf, BackendPool.TYPE);
        assertThat(pool.path("name").asText()).isEqualTo("pool-gpt-4o");
        assertThat(pool.path("parent_id").asText()).isEqualTo(APIM_ID);
        assertThat(pool.path("body").path("properties").path("pool").path("services")).hasSize(2);

        String policy = Synth.single(tf, "azurerm_api_management_api_policy").path("xml_content").asText();
        assertThat(policy).contains("validate-azure-ad-token").contains("backend-id=\"pool-gpt-4o\"")
                .contains("backend-id=\"aoai-eastus\"");

        JsonNode product = Synth.single(tf, "azurerm_api_management_product");
        assertThat(product.path("product_id").asText()).isEqualTo("legal");
        assertThat(product.path("api_management_name").asText()).isEqualTo("apim-contoso-hub");
        assertThat(Synth.single(tf, "azurerm_api_management_product_policy").path("xml_content").asText()).contains("gpt-4o");
        assertThat(Synth.all(tf, "azurerm_api_management_subscription")).hasSize(1);
    }

    /** A backend's URL: the account's endpoint attribute plus the Azure OpenAI path. */
    private static String ref(String accountName) {
        String address = Synth.all(tf, "azurerm_cognitive_account").entrySet().stream()
                .filter(e -> e.getValue().path("name").asText().equals(accountName)).map(Map.Entry::getKey).findFirst().orElseThrow();
        return Synth.ref("azurerm_cognitive_account." + address, "endpoint") + "openai";
    }

    @Test
    void conformsToTheProviderSchemas() {
        assertThat(SchemaConformance.violations(tf)).isEmpty();
    }

    @Test
    void failsAtSynthWhenADepartmentIsAllowedADeploymentNoAccountServes() {
        LandingZoneStack stack = LandingZoneApp.build(Testing.app());
        new Department(stack, "Department-research", DepartmentProps.builder().api(stack.api()).costCenter("CC-5001")
                .policy(DepartmentPolicyProps.builder().name("research").allowedDeployments(List.of("gpt-4o", "o3-mini"))
                        .tokensPerMinute(10_000).build())
                .build());
        assertThatThrownBy(() -> Testing.synth(stack, true))
                .hasMessageContaining("DepartmentPolicyProps.allowedDeployments[1]: deployment 'o3-mini' is served by no account");
    }
}
