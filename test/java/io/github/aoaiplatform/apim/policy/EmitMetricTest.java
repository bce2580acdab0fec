package io.github.aoaiplatform.apim.policy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.util.List;

import static io.github.aoaiplatform.apim.policy.PolicyXml.attr;
import static io.github.aoaiplatform.apim.policy.PolicyXml.elements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmitMetricTest {

    static final List<MetricDimension> DIMENSIONS = List.of(MetricDimension.of(MetricDimension.API_ID), MetricDimension.of("User", "@(\"u\")"));

    @Test
    void rendersNameValueNamespaceAndDimensionsInOrder() {
        Document doc = PolicyXml.parse(PolicyDocument.builder()
                .outbound(EmitMetric.builder("Cached Prompt Tokens", "aoai-platform", "@(3.0)").dimensions(DIMENSIONS).build()).build().toXml());
        String metric = "/policies/outbound/emit-metric";
        assertThat(attr(doc, metric, "name")).isEqualTo("Cached Prompt Tokens");
        assertThat(attr(doc, metric, "value")).isEqualTo("@(3.0)");
        assertThat(attr(doc, metric, "namespace")).isEqualTo("aoai-platform");
        assertThat(elements(doc, metric + "/dimension")).extracting(e -> e.getAttribute("name")).containsExactly("API ID", "User");
    }

    @Test
    void failsOnAnExpressionNameNoDimensionsOrADuplicate() {
        assertThatThrownBy(() -> EmitMetric.builder("@(\"x\")", "ns", "1").dimensions(DIMENSIONS).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("emit-metric").hasMessageContaining("name");
        assertThatThrownBy(() -> EmitMetric.builder("m", "ns", "1").build())
                .hasMessageContaining("requires at least one dimension");
        assertThatThrownBy(() -> EmitMetric.builder("m", "ns", "1").dimensions(DIMENSIONS).dimensions(List.of(MetricDimension.of("user", "v"))).build())
                .hasMessageContaining("\"user\" is declared more than once");
    }
}
