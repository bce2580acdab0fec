package io.github.aoaiplatform.apim.policy;

import static io.github.aoaiplatform.apim.policy.PolicyXml.attr;
import static io.github.aoaiplatform.apim.policy.PolicyXml.parse;
import static io.github.aoaiplatform.apim.policy.PolicyXml.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Values (attributes and text) must survive rendering + standard parsing character for character. */
class EscapingTest {

    static Stream<String> trickyValues() {
        return Stream.of(
                "@(context.Request.Headers.GetValueOrDefault(\"x\",\"\"))",
                "@{ return \"a<b\"; }",
                "@(context.Response.StatusCode >= 200 && context.Response.StatusCode < 300)",
                "say \"hi\" & 'bye' <tag> </tag> ]]> &amp; &#10;",
                "@{\n    var s = \"line1\";\n\treturn s + '\\n' + \"<x/>\";\n}",
                "  leading and trailing spaces  ",
                "unicode: äöü € 😀 \u00a0");
    }

    @ParameterizedTest
    @MethodSource("trickyValues")
    void attributeValuesRoundTripExactly(String value) {
        Document doc = parse(PolicyDocument.builder().inbound(SetVariable.of("v", value)).build().toXml());
        assertThat(attr(doc, "/policies/inbound/set-variable", "value")).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("trickyValues")
    void textValuesRoundTripExactly(String value) {
        Document doc = parse(PolicyDocument.builder()
                .inbound(SetHeader.override("x-test", value), SetBody.of(value))
                .build().toXml());
        assertThat(texts(doc, "/policies/inbound/set-header/value")).containsExactly(value);
        assertThat(texts(doc, "/policies/inbound/set-body")).containsExactly(value);
    }

    @ParameterizedTest
    @MethodSource("trickyValues")
    void conditionsAndCounterKeysRoundTripExactly(String value) {
        Choose choose = Choose.builder().when(value, SetVariable.of("v", value)).build();
        LlmTokenLimit limit = LlmTokenLimit.builder(LlmFlavor.LLM, value).tokensPerMinute(1).build();
        Document doc = parse(PolicyDocument.builder().inbound(limit, choose).build().toXml());
        assertThat(attr(doc, "/policies/inbound/choose/when", "condition")).isEqualTo(value);
        assertThat(attr(doc, "/policies/inbound/llm-token-limit", "counter-key")).isEqualTo(value);
    }

    @Test
    void carriageReturnInTextRoundTrips() {
        String value = "a\r\nb\rc";
        Document doc = parse(PolicyDocument.builder().inbound(SetBody.of(value), SetVariable.of("v", value)).build().toXml());
        assertThat(texts(doc, "/policies/inbound/set-body")).containsExactly(value);
        assertThat(attr(doc, "/policies/inbound/set-variable", "value")).isEqualTo(value);
    }

    @Test
    void markupInValuesIsEscapedNotInterpreted() {
        String xml = PolicyDocument.builder()
                .inbound(SetVariable.of("v", "\"/><return-response/><x a=\""), SetBody.of("</set-body><base/>"))
                .build().toXml();
        Document doc = parse(xml);
        assertThat(PolicyXml.elements(doc, "//return-response")).isEmpty();
        assertThat(PolicyXml.elements(doc, "/policies/inbound/base")).hasSize(1);
        assertThat(xml).contains("&lt;/set-body&gt;");
    }

    @Test
    void failsOnCharacterXmlCannotRepresent() {
        assertThatThrownBy(() -> SetVariable.of("v", "bad\u0000value"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'value'")
                .hasMessageContaining("U+0000");
    }
}
