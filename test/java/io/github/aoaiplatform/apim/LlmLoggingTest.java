package io.github.aoaiplatform.apim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.azapi.AzapiProvider;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmLoggingTest {
    static List<String> environments() { return Synth.environments(); }

    static void assertLogsEveryPromptAndCompletion(JsonNode diagnostic, int maxBytes) {
        assertThat(diagnostic.path("type").asText()).isEqualTo(LlmLogging.TYPE);
        assertThat(diagnostic.path("name").asText()).isEqualTo("azuremonitor");
        JsonNode props = diagnostic.path("body").path("properties");
        assertThat(props.path("loggerId").asText()).endsWith("/loggers/azuremonitor");
        assertThat(props.path("sampling").path("percentage").asInt()).isEqualTo(100);
        JsonNode llm = props.path("largeLanguageModel");
        assertThat(llm.path("logs").asText()).isEqualTo("enabled");
        for (String side : List.of("requests", "responses")) {
            assertThat(llm.path(side).path("messages").asText()).as(side).isEqualTo("all");
            assertThat(llm.path(side).path("maxSizeInBytes").asInt()).as(side).isEqualTo(maxBytes);
        }
    }

    @Test
    void logsAllRequestAndResponseMessagesOnTheApi() {
        String apimId = GatewayFixtures.IDS + "Microsoft.ApiManagement/service/apim";
        JsonNode tf = Synth.of(s -> {
            var apim = ApiGateway.fromResourceId(s, "Apim", apimId, GatewayFixtures.identity(s));
            var api = new OpenAiApi(s, "Api", GatewayFixtures.apiProps(apim, s, OpenAiBackend.of(GatewayFixtures.account(s, "aoai-x", "japaneast", "gpt-4o"))).build());
            new LlmLogging(s, "Llm", LlmLoggingProps.builder().api(api).maxSizeInBytes(65536).azapi((com.hashicorp.cdktf.TerraformProvider) s.getNode().findChild("Azapi")).build());
        });
        JsonNode d = Synth.single(tf, "azapi_resource");
        assertLogsEveryPromptAndCompletion(d, 65536);
        assertThat(d.path("parent_id").asText()).isEqualTo(apimId + "/apis/azure-openai");
        assertThat(d.path("body").path("properties").path("loggerId").asText())
                .isEqualTo(apimId + "/loggers/azuremonitor");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyEnvironmentLogsPromptsAndCompletionsOfTheOpenAiApi(String environment) {
        JsonNode tf = Synth.environment(environment);
        var diagnostics = Synth.all(tf, "azapi_resource").values().stream()
                .filter(r -> r.path("type").asText().equals(LlmLogging.TYPE)).toList();
        assertThat(diagnostics).hasSize(1);
        assertLogsEveryPromptAndCompletion(diagnostics.get(0), Synth.config(environment).monitoring().llmLogMaxBytes());
        String apim = Synth.all(tf, "azurerm_api_management").keySet().iterator().next();
        assertThat(diagnostics.get(0).path("parent_id").asText()).isEqualTo(Synth.ref("azurerm_api_management." + apim, "id") + "/apis/azure-openai");
        assertThat(diagnostics.get(0).path("depends_on")).extracting(JsonNode::asText).anyMatch(a -> a.startsWith("azurerm_api_management_api."));
    }

    @Test
    void failsOnLogSizeOutsideApimLimits() {
        assertThatThrownBy(() -> LlmLoggingProps.builder().maxSizeInBytes(0).build())
                .hasMessageContaining("LlmLoggingProps.maxSizeInBytes: must be between 1 and 262144")
                .hasMessageContaining("LlmLoggingProps.api: is required");
        assertThatThrownBy(() -> LlmLoggingProps.builder().maxSizeInBytes(262145).build())
                .hasMessageContaining("LlmLoggingProps.maxSizeInBytes: must be between 1 and 262144");
    }
}
