package io.github.aoaiplatform.apim.policy;

import static io.github.aoaiplatform.apim.policy.PolicyXml.attr;
import static io.github.aoaiplatform.apim.policy.PolicyXml.elements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EmitTokenMetricTest {

    @ParameterizedTest
    @CsvSource({"AZURE_OPENAI, azure-openai-emit-token-metric", "LLM, llm-emit-token-metric"})
    void rendersDimensionsInOrderForBothFlavors(LlmFlavor flavor, String elementName) {
        EmitTokenMetric metric = EmitTokenMetric.builder(flavor, "aoai")
                .dimension(MetricDimension.API_ID)
                .dimension("Client IP", "@(context.Request.IpAddress)")
                .dimension(MetricDimension.of(MetricDimension.BACKEND_ID))
                .build();
        assertThat(metric.elementName()).isEqualTo(elementName);
        Document doc = PolicyXml.inbound(metric);
        String path = "/policies/inbound/" + elementName;
        assertThat(attr(doc, path, "namespace")).isEqualTo("aoai");
        assertThat(elements(doc, path + "/dimension")).extracting(e -> e.getAttribute("name"))
                .containsExactly("API ID", "Client IP", "Backend ID");
        Element apiId = elements(doc, path + "/dimension").get(0);
        assertThat(apiId.hasAttribute("value")).isFalse();
        assertThat(attr(doc, path + "/dimension[2]", "value")).isEqualTo("@(context.Request.IpAddress)");
    }

    @Test
    void acceptsExactlyTenDimensions() {
        EmitTokenMetric.Builder builder = EmitTokenMetric.builder(LlmFlavor.AZURE_OPENAI, "aoai");
        for (int i = 0; i < EmitTokenMetric.MAX_DIMENSIONS; i++) {
            builder.dimension("d" + i, "v" + i);
        }
        Document doc = PolicyXml.inbound(builder.build());
        assertThat(elements(doc, "/policies/inbound/azure-openai-emit-token-metric/dimension")).hasSize(10);
    }

    @Test
    void failsWhenMoreThanTenDimensions() {
        EmitTokenMetric.Builder builder = EmitTokenMetric.builder(LlmFlavor.AZURE_OPENAI, "aoai");
        for (String name : MetricDimension.DEFAULT_DIMENSIONS) {
            builder.dimension(name);
        }
        builder.dimension("Client IP", "@(context.Request.IpAddress)")
                .dimension("Deployment", "@(context.Request.MatchedParameters[\"deployment-id\"])")
                .dimension("Team", "platform");
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dimension'")
                .hasMessageContaining("11")
                .hasMessageContaining("10");
    }

    @Test
    void failsOnDuplicateDimensionNames() {
        assertThatThrownBy(() -> EmitTokenMetric.builder(LlmFlavor.LLM, "aoai")
                .dimension(MetricDimension.API_ID)
                .dimension("api id", "x")
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dimension'")
                .hasMessageContaining("api id");
    }

    @Test
    void failsOnCustomDimensionWithoutValue() {
        assertThatThrownBy(() -> MetricDimension.of("Client IP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'value'")
                .hasMessageContaining("Client IP");
    }

    @Test
    void failsOnDimensionWithoutName() {
        assertThatThrownBy(() -> MetricDimension.of(" ", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'name'");
    }

    @Test
    void failsWithoutNamespace() {
        assertThatThrownBy(() -> EmitTokenMetric.builder(LlmFlavor.AZURE_OPENAI, null).dimension(MetricDimension.API_ID).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'namespace'");
    }

    @Test
    void failsOnExpressionNamespace() {
        assertThatThrownBy(() -> EmitTokenMetric.builder(LlmFlavor.AZURE_OPENAI, "@(\"ns\")")
                .dimension(MetricDimension.API_ID).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'namespace'");
    }

    @Test
    void failsWithoutDimensions() {
        assertThatThrownBy(() -> EmitTokenMetric.builder(LlmFlavor.AZURE_OPENAI, "aoai").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dimension'");
    }
}
