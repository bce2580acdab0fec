package io.github.aoaiplatform.apim;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformStack;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.github.aoaiplatform.apim.GatewayFixtures.account;
import static io.github.aoaiplatform.apim.GatewayFixtures.apiProps;
import static io.github.aoaiplatform.apim.GatewayFixtures.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OpenAiApi and Department used as a library: on an imported API Management, from account objects. */
class OpenAiApiLibraryTest {
    static final String APIM_ID = GatewayFixtures.IDS + "Microsoft.ApiManagement/service/apim-landing-zone";

    static IApiManagement importedApim(Construct s) { return GatewayFixtures.once(s, "Apim", () -> ApiGateway.fromResourceId(s, "Apim", APIM_ID, identity(s))); }

    static DepartmentProps.Builder department(OpenAiApi api, String name) {
        return DepartmentProps.builder().api(api).costCenter("CC-1")
                .policy(DepartmentPolicyProps.builder().name(name).tokensPerMinute(1000).build());
    }

    /** Runs the cross-construct validations the way synth does, returning their messages. */
    static List<String> validationErrors(Consumer<TerraformStack> body) {
        TerraformStack stack = new TerraformStack(Testing.app(), "test");
        body.accept(stack);
        List<String> errors = new ArrayList<>();
        for (var c : stack.getNode().findAll()) errors.addAll(c.getNode().validate());
        return errors.stream().filter(e -> e.contains("Props.")).toList();   // not the stack's missing-provider notice
    }

    @Test
    void apiAndDepartmentAttachToAnImportedApiManagementAndCreateNoService() {
        JsonNode tf = Synth.of(s -> {
            IApiManagement apim = importedApim(s);
            var api = new OpenAiApi(s, "OpenAiApi", apiProps(apim, s, OpenAiBackend.of(account(s, "aoai-jpe", "japaneast", "gpt-4o")))
                    .subscriptionRequired(true).departmentRequired(true).build());
            new Department(s, "Department-finance", department(api, "finance").build());
        });
        assertThat(Synth.all(tf, "azurerm_api_management")).isEmpty();
        assertThat(Synth.all(tf, "azurerm_api_management_named_value")).isEmpty();
        JsonNode api = Synth.single(tf, "azurerm_api_management_api");
        assertThat(api.path("api_management_name").asText()).isEqualTo("apim-landing-zone");
        assertThat(api.path("resource_group_name").asText()).isEqualTo("rg");
        assertThat(Synth.single(tf, "azurerm_api_management_product").path("api_management_name").asText()).isEqualTo("apim-landing-zone");
        assertThat(Synth.all(tf, "azurerm_api_management_api_diagnostic")).as("no logger known on an imported service").isEmpty();
        // the imported service need not have the named value, so the policy names the client id itself
        assertThat(GatewayFixtures.policyXml(tf)).contains("client-id=\"" + GatewayFixtures.GUID + "\"").doesNotContain("{{uami-client-id}}");
    }

    @Test
    void twoAccountsInOneRegionGetTheirOwnBackendsAndAPool() {
        JsonNode tf = Synth.of(s -> {
            IApiManagement apim = importedApim(s);
            new OpenAiApi(s, "OpenAiApi", apiProps(apim, s,
                    OpenAiBackend.builder().account(account(s, "aoai-eus-ptu", "eastus", "gpt-4o")).key("eastus-ptu").priority(0).build(),
                    OpenAiBackend.of(account(s, "aoai-eus", "eastus", "gpt-4o", "gpt-4o-mini"))).build());
        });
        var backends = Synth.all(tf, "azurerm_api_management_backend");
        assertThat(backends.keySet()).anyMatch(k -> k.startsWith("OpenAiApi_Backend-eastus-ptu_")).anyMatch(k -> k.startsWith("OpenAiApi_Backend-eastus_"));
        assertThat(backends.values()).extracting(b -> b.path("url").asText())
                .containsExactlyInAnyOrder("https://aoai-eus-ptu.openai.azure.com/openai", "https://aoai-eus.openai.azure.com/openai");
        JsonNode pool = Synth.singleAzapi(tf, BackendPool.TYPE);
        assertThat(pool.path("name").asText()).isEqualTo("pool-gpt-4o");
        assertThat(pool.path("body").path("properties").path("pool").path("services")).extracting(m -> m.path("priority").asInt()).containsExactly(0, 1);
        assertThat(GatewayFixtures.policyXml(tf)).contains("backend-id=\"aoai-eastus-ptu\"").contains("backend-id=\"pool-gpt-4o\"");
    }

    @Test
    void failsOnDuplicateBackendKeysNamingTheField() {
        Synth.of(s -> assertThatThrownBy(() -> apiProps(importedApim(s), s,
                OpenAiBackend.of(account(s, "aoai-a", "eastus", "gpt-4o")), OpenAiBackend.of(account(s, "aoai-b", "eastus", "gpt-4o"))).build())
                .hasMessageContaining("OpenAiApiProps.backends[1].key: 'eastus' is used by another backend"));
    }

    @Test
    void failsOnMissingPolicySettingsNamingEveryField() {
        assertThatThrownBy(() -> OpenAiApiProps.builder().tenantId("not-a-guid").tokensPerMinutePerUser(0).build())
                .hasMessageContaining("OpenAiApiProps.apiManagement: is required")
                .hasMessageContaining("OpenAiApiProps.backends: must list at least one")
                .hasMessageContaining("OpenAiApiProps.tenantId: 'not-a-guid' is not a GUID")
                .hasMessageContaining("OpenAiApiProps.audienceAppId: is required")
                .hasMessageContaining("OpenAiApiProps.tokensPerMinutePerUser: must be > 0")
                .hasMessageContaining("OpenAiApiProps.azapi: is required");
    }

    @Test
    void failsWhenModelsNameADeploymentNoAccountServes() {
        assertThat(validationErrors(s -> new OpenAiApi(s, "OpenAiApi", apiProps(importedApim(s), s,
                OpenAiBackend.of(account(s, "aoai-jpe", "japaneast", "gpt-4o"))).models(Map.of("gpt-4o", "gpt-4o", "gpt-5", "gpt-5")).build())))
                .singleElement().asString().startsWith("OpenAiApiProps.models: deployment 'gpt-5' is served by no backend account");
    }

    @Test
    void failsOnTwoApisWithOneNameOnTheSameService() {
        assertThat(validationErrors(s -> {
            IApiManagement apim = importedApim(s);
            var account = account(s, "aoai-jpe", "japaneast", "gpt-4o");
            new OpenAiApi(s, "First", apiProps(apim, s, OpenAiBackend.of(account)).build());
            new OpenAiApi(s, "Second", OpenAiApiProps.builder().apiManagement(apim).backends(List.of(OpenAiBackend.of(account)))
                    .tenantId(GatewayFixtures.TENANT).audienceAppId(GatewayFixtures.APP).tokensPerMinutePerUser(1)
                    .azapi((com.hashicorp.cdktf.TerraformProvider) s.getNode().findChild("Azapi")).build());
        })).hasSize(2).allMatch(e -> e.startsWith("OpenAiApiProps.apiName: 'azure-openai' is also used by"));
    }

    @Test
    void failsOnADepartmentOnAnApiThatDoesNotRequireDepartments() {
        for (boolean keys : new boolean[] {false, true})
            assertThat(validationErrors(s -> {
                var api = new OpenAiApi(s, "OpenAiApi", apiProps(importedApim(s), s, OpenAiBackend.of(account(s, "aoai-jpe", "japaneast", "gpt-4o")))
                        .subscriptionRequired(keys).build());
                new Department(s, "Department-finance", department(api, "finance").build());
            })).singleElement().asString().startsWith("DepartmentProps.api: API 'azure-openai' does not require departments");
    }

    @Test
    void failsOnDepartmentsRequiredWithoutSubscriptionKeys() {
        assertThatThrownBy(() -> OpenAiApiProps.builder().departmentRequired(true).build())
                .hasMessageContaining("OpenAiApiProps.departmentRequired: needs subscriptionRequired(true)");
    }

    @Test
    void failsOnADepartmentAllowedAnUndeployedModel() {
        assertThat(validationErrors(s -> {
            var api = new OpenAiApi(s, "OpenAiApi", apiProps(importedApim(s), s, OpenAiBackend.of(account(s, "aoai-jpe", "japaneast", "gpt-4o")))
                    .subscriptionRequired(true).departmentRequired(true).build());
            new Department(s, "Department-finance", department(api, "finance").policy(DepartmentPolicyProps.builder().name("finance")
                    .tokensPerMinute(1000).allowedDeployments(List.of("gpt-4o", "o3")).build()).build());
        })).singleElement().asString().startsWith("DepartmentPolicyProps.allowedDeployments[1]: deployment 'o3' is served by no account");
    }

    @Test
    void failsOnBadDepartmentPropsNamingTheFields() {
        Synth.of(s -> {
            var api = new OpenAiApi(s, "OpenAiApi", apiProps(importedApim(s), s, OpenAiBackend.of(account(s, "aoai-jpe", "japaneast", "gpt-4o"))).build());
            assertThatThrownBy(() -> department(api, "finance").costCenter(" ").subscriptions(List.of("default", "Bad", "default")).build())
                    .hasMessageContaining("DepartmentProps.costCenter: is required")
                    .hasMessageContaining("DepartmentProps.subscriptions[1]: 'Bad' must be")
                    .hasMessageContaining("DepartmentProps.subscriptions[2]: 'default' is listed twice");
        });
    }

    @Test
    void propsCollectionsAreImmutableCopies() {
        Synth.of(s -> {
            List<OpenAiBackend> backends = new ArrayList<>(List.of(OpenAiBackend.of(account(s, "aoai-jpe", "japaneast", "gpt-4o"))));
            Map<String, String> models = new LinkedHashMap<>(Map.of("gpt-4o", "gpt-4o"));
            OpenAiApiProps props = apiProps(importedApim(s), s).backends(backends).models(models).build();
            backends.add(OpenAiBackend.of(account(s, "aoai-eus", "eastus", "gpt-4o")));
            models.put("other", "other");
            assertThat(props.backends()).hasSize(1);
            assertThat(props.models()).containsOnlyKeys("gpt-4o");
            assertThatThrownBy(() -> props.backends().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> props.models().clear()).isInstanceOf(UnsupportedOperationException.class);
        });
    }
}
