package io.github.aoaiplatform.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.apim.DepartmentPolicyProps;
import io.github.aoaiplatform.apim.DepartmentProps;
import io.github.aoaiplatform.apim.OpenAiApi;
import io.github.aoaiplatform.apim.OpenAiApiProps;
import io.github.aoaiplatform.apim.OpenAiBackend;
import io.github.aoaiplatform.azapi.AzapiProvider;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.ResourceGroup;
import io.github.aoaiplatform.monitoring.LogAnalytics;
import io.github.aoaiplatform.network.Subnet;
import io.github.aoaiplatform.openai.OpenAiAccount;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AiGatewayTest {
    static final String IDS = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/";

    static AiGatewayProps.Builder props(Construct s) {
        var rg = ResourceGroup.fromName(s, "Rg", "rg", "japaneast");
        var workspace = LogAnalytics.fromResourceId(s, "Logs", IDS + "Microsoft.OperationalInsights/workspaces/law");
        var peSubnet = Subnet.fromResourceId(s, "PeSubnet", IDS + "Microsoft.Network/virtualNetworks/vnet/subnets/pe", "japaneast");
        return AiGatewayProps.builder().name("apim-x").resourceGroup(rg).sku("StandardV2").publisherName("P").publisherEmail("p@example.com")
                .gatewaySubnet(Subnet.fromResourceId(s, "GwSubnet", IDS + "Microsoft.Network/virtualNetworks/vnet/subnets/gw", "japaneast"))
                .privateEndpoints(List.of(PrivateEndpointOptions.in(peSubnet, List.of())))
                .diagnostics(DiagnosticSettings.toWorkspace(workspace)).identityName("id-apim-x").appInsightsName("appi-x")
                .backends(List.of(
                        OpenAiBackend.of(OpenAiAccount.fromResourceId(s, "Jpe", IDS + "Microsoft.CognitiveServices/accounts/aoai-jpe", "japaneast", List.of("gpt-4o"))),
                        OpenAiBackend.of(OpenAiAccount.fromResourceId(s, "Eus", IDS + "Microsoft.CognitiveServices/accounts/aoai-eus", "eastus", List.of("gpt-4o")))))
                .models(Map.of("gpt-4o", "gpt-4o")).subscriptionRequired(true).departmentRequired(true)
                .tenantId("11111111-2222-3333-4444-555555555555").audienceAppId("66666666-7777-8888-9999-000000000000")
                .tokensPerMinutePerUser(1000).azapi(new AzapiProvider(s, "Azapi"));
    }

    @Test
    void composesTheGatewayGrantsInvokeOnEveryAccountAndKeepsAddressesUnderItsId() {
        JsonNode tf = Synth.of(s -> {
            AiGateway gw = new AiGateway(s, "Gateway", props(s).build());
            gw.addDepartment(DepartmentProps.builder().api(gw.openAiApi()).costCenter("CC-1")
                    .policy(DepartmentPolicyProps.builder().name("finance").tokensPerMinute(1000).build()).build());
        });
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        assertThat(Synth.all(tf, "azurerm_api_management").keySet()).singleElement().asString().startsWith("Gateway_");
        assertThat(Synth.all(tf, "azurerm_user_assigned_identity").keySet()).singleElement().asString().startsWith("Gateway_Identity_");
        assertThat(Synth.all(tf, "azurerm_application_insights").keySet()).singleElement().asString().startsWith("Gateway_AppInsights_");
        assertThat(Synth.all(tf, "azapi_resource").keySet()).filteredOn(a -> a.contains("Logger")).singleElement().asString().startsWith("Gateway_Logger_");
        assertThat(Synth.all(tf, "azurerm_api_management_product").keySet()).singleElement().asString().startsWith("Gateway_Department-finance_Product_");
        var grants = Synth.all(tf, "azurerm_role_assignment").values().stream()
                .filter(g -> !g.path("role_definition_name").asText().equals("Monitoring Metrics Publisher")).toList();
        assertThat(grants).extracting(g -> g.path("scope").asText())
                .containsExactlyInAnyOrder(IDS + "Microsoft.CognitiveServices/accounts/aoai-jpe", IDS + "Microsoft.CognitiveServices/accounts/aoai-eus");
        assertThat(grants).allMatch(g -> g.path("role_definition_name").asText().equals("Cognitive Services OpenAI User")
                && g.path("principal_id").asText().startsWith("${azurerm_user_assigned_identity.Gateway_Identity_"));
        assertThat(Synth.all(tf, "azurerm_api_management_api_diagnostic")).hasSize(1);
    }

    @Test
    void usesAnApplicationInsightsComponentPassedIn() {
        JsonNode tf = Synth.of(s -> new AiGateway(s, "Gateway", props(s).appInsightsName(null)
                .appInsights(io.github.aoaiplatform.monitoring.AppInsights.fromAttributes(s, "SharedInsights",
                        IDS + "Microsoft.Insights/components/appi-shared", "InstrumentationKey=00000000-0000-0000-0000-000000000000")).build()));
        assertThat(Synth.all(tf, "azurerm_application_insights")).isEmpty();
        String component = IDS + "Microsoft.Insights/components/appi-shared";
        JsonNode logger = Synth.all(tf, "azapi_resource").values().stream()
                .filter(r -> r.path("type").asText().equals(io.github.aoaiplatform.apim.ApiGateway.LOGGER_TYPE)).findFirst().orElseThrow();
        assertThat(logger.path("body").path("properties").path("resourceId").asText()).isEqualTo(component);
        assertThat(logger.path("body").path("properties").path("credentials").path("identityClientId").asText())
                .startsWith("${azurerm_user_assigned_identity.Gateway_Identity_");
        assertThat(Synth.all(tf, "azurerm_role_assignment").values())
                .filteredOn(r -> r.path("role_definition_name").asText().equals("Monitoring Metrics Publisher"))
                .singleElement().satisfies(r -> assertThat(r.path("scope").asText()).as("granted on the component passed in").isEqualTo(component));
    }

    @Test
    void failsWithoutAnAppInsightsNameOrAForeignDepartmentApi() {
        Synth.of(s -> {
            var builder = props(s);
            assertThatThrownBy(() -> builder.appInsightsName(null).identityName(null).build())
                    .hasMessageContaining("AiGatewayProps.appInsightsName: is required").hasMessageContaining("AiGatewayProps.identityName: is required");
            AiGateway gw = new AiGateway(s, "Gateway", builder.appInsightsName("appi-x").identityName("id-apim-x").build());
            var other = new OpenAiApi(s, "Other", OpenAiApiProps.builder().apiManagement(gw.apiManagement()).apiName("other").path("other")
                    .backends(List.of(OpenAiBackend.of(OpenAiAccount.fromResourceId(s, "X", IDS + "Microsoft.CognitiveServices/accounts/aoai-x", "japaneast", List.of("gpt-4o")))))
                    .subscriptionRequired(true).departmentRequired(true).tenantId("11111111-2222-3333-4444-555555555555").audienceAppId("a").tokensPerMinutePerUser(1)
                    .azapi((AzapiProvider) s.getNode().findChild("Azapi")).build());
            assertThatThrownBy(() -> gw.addDepartment(DepartmentProps.builder().api(other).costCenter("CC-1")
                    .policy(DepartmentPolicyProps.builder().name("finance").tokensPerMinute(1000).build()).build()))
                    .hasMessageContaining("DepartmentProps.api: must be this gateway's openAiApi()");
        });
    }
}
