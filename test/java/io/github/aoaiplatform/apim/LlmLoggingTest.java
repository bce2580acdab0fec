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
        JsonNode tf = Synth.of(s -> new LlmLogging(s, "Llm", new AzapiProvider(s, "Azapi"),
                new LlmLogging.Props("/subscriptions/x/resourceGroups/r/providers/Microsoft.ApiManagement/service/apim", "azure-openai", 65536, null)));
        JsonNode d = Synth.single(tf, "azapi_resource");
        assertLogsEveryPromptAndCompletion(d, 65536);
        assertThat(d.path("parent_id").asText()).isEqualTo("/subscriptions/x/resourceGroups/r/providers/Microsoft.ApiManagement/service/apim/apis/azure-openai");
        assertThat(d.path("body").path("properties").path("loggerId").asText())
                .isEqualTo("/subscriptions/x/resourceGroups/r/providers/Microsoft.ApiManagement/service/apim/loggers/azuremonitor");
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
        assertThatThrownBy(() -> new LlmLogging.Props("g", "a", 0, null)).hasMessageContaining("between 1 and 262144");
        assertThatThrownBy(() -> new LlmLogging.Props("g", "a", 262145, null)).hasMessageContaining("between 1 and 262144");
    }
}
