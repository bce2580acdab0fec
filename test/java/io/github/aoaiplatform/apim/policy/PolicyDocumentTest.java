package io.github.aoaiplatform.apim.policy;

import static io.github.aoaiplatform.apim.policy.PolicyXml.childNames;
import static io.github.aoaiplatform.apim.policy.PolicyXml.element;
import static io.github.aoaiplatform.apim.policy.PolicyXml.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PolicyDocumentTest {

    @Test
    void emptyDocumentRendersFourSectionsInOrderWithDefaultBase() {
        String xml = PolicyDocument.builder().build().toXml();
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("policies");
        assertThat(childNames(doc.getDocumentElement())).containsExactly("inbound", "backend", "outbound", "on-error");
        for (String section : new String[] {"inbound", "backend", "outbound", "on-error"}) {
            assertThat(childNames(element(doc, "/policies/" + section))).as(section).containsExactly("base");
        }
    }

    @Test
    void sectionsRenderInFixedOrderRegardlessOfBuilderCallOrder() {
        PolicyDocument document = PolicyDocument.builder()
                .onError(SetVariable.of("e", "1"))
                .outbound(SetVariable.of("o", "1"))
                .backend(SetVariable.of("b", "1"))
                .inbound(SetVariable.of("i", "1"))
                .build();
        Document doc = parse(document.toXml());
        assertThat(childNames(doc.getDocumentElement())).containsExactly("inbound", "backend", "outbound", "on-error");
        assertThat(PolicyXml.attr(doc, "/policies/on-error/set-variable", "name")).isEqualTo("e");
        assertThat(PolicyXml.attr(doc, "/policies/inbound/set-variable", "name")).isEqualTo("i");
    }

    @Test
    void elementsKeepInsertionOrderWithinASection() {
        PolicyDocument document = PolicyDocument.builder()
                .inbound(SetVariable.of("c", "3"), SetVariable.of("a", "1"))
                .inbound(SetVariable.of("b", "2"))
                .add(PolicySection.INBOUND, IncludeFragment.of("z-fragment"))
                .build();
        Document doc = parse(document.toXml());
        assertThat(childNames(element(doc, "/policies/inbound")))
                .containsExactly("base", "set-variable", "set-variable", "set-variable", "include-fragment");
        assertThat(PolicyXml.elements(doc, "/policies/inbound/set-variable"))
                .extracting(e -> e.getAttribute("name"))
                .containsExactly("c", "a", "b");
    }

    @Test
    void baseIsRenderedFirstByDefaultInInboundOutboundAndOnError() {
        PolicyDocument document = PolicyDocument.builder()
                .inbound(SetVariable.of("x", "1"))
                .outbound(SetVariable.of("x", "1"))
                .onError(SetVariable.of("x", "1"))
                .build();
        Document doc = parse(document.toXml());
        for (String section : new String[] {"inbound", "outbound", "on-error"}) {
            assertThat(childNames(element(doc, "/policies/" + section))).as(section).containsExactly("base", "set-variable");
        }
        assertThat(document.includesBase(PolicySection.INBOUND)).isTrue();
    }

    @Test
    void backendOmitsBaseWhenItForwardsOrRetries() {
        Document withRetry = parse(PolicyDocument.builder().backend(Retry.onThrottlingAndServerErrors(2)).build().toXml());
        assertThat(childNames(element(withRetry, "/policies/backend"))).containsExactly("retry");

        Document withForward = parse(PolicyDocument.builder()
                .backend(ForwardRequest.withBufferedRequestBody()).build().toXml());
        assertThat(childNames(element(withForward, "/policies/backend"))).containsExactly("forward-request");

        Choose nestedForward = Choose.builder().when("@(true)", ForwardRequest.withBufferedRequestBody()).build();
        PolicyDocument nested = PolicyDocument.builder().backend(nestedForward).build();
        assertThat(nested.includesBase(PolicySection.BACKEND)).isFalse();
    }

    @Test
    void backendKeepsBaseWithoutForwarding() {
        PolicyDocument document = PolicyDocument.builder().backend(SetBackendService.backendId("pool")).build();
        assertThat(document.includesBase(PolicySection.BACKEND)).isTrue();
        assertThat(childNames(element(parse(document.toXml()), "/policies/backend")))
                .containsExactly("base", "set-backend-service");
    }

    @Test
    void includeBaseCanBeSwitchedOffAndExplicitBaseKeepsItsPosition() {
        PolicyDocument document = PolicyDocument.builder()
                .includeBase(PolicySection.INBOUND, false)
                .inbound(SetVariable.of("x", "1"))
                .outbound(SetVariable.of("y", "1"), Base.INSTANCE)
                .build();
        Document doc = parse(document.toXml());
        assertThat(childNames(element(doc, "/policies/inbound"))).containsExactly("set-variable");
        assertThat(childNames(element(doc, "/policies/outbound"))).containsExactly("set-variable", "base");
    }

    @Test
    void renderingIsDeterministic() {
        String first = SamplePolicies.defaultApiPolicy().toXml();
        String second = SamplePolicies.defaultApiPolicy().toXml();
        assertThat(first).isEqualTo(second);
        PolicyDocument document = SamplePolicies.defaultApiPolicy();
        assertThat(document.toXml()).isEqualTo(document.toXml()).isEqualTo(first);
    }

    @Test
    void outputHasNoXmlDeclarationAndUsesFourSpaceIndentation() {
        String xml = PolicyDocument.builder().inbound(SetVariable.of("x", "1")).build().toXml();
        assertThat(xml).startsWith("<policies>\n    <inbound>\n        <base/>\n");
        assertThat(xml).doesNotContain("<?xml").doesNotContain("\r").doesNotContain("\t");
        assertThat(xml).endsWith("</policies>\n");
    }

    @Test
    void elementsAccessorReflectsRenderedContent() {
        SetVariable variable = SetVariable.of("x", "1");
        PolicyDocument document = PolicyDocument.builder().inbound(variable).build();
        assertThat(document.elements(PolicySection.INBOUND)).containsExactly(Base.INSTANCE, variable);
        assertThat(document.elements(PolicySection.BACKEND)).containsExactly(Base.INSTANCE);
    }

    @Test
    void failsOnDuplicateBase() {
        assertThatThrownBy(() -> PolicyDocument.builder().inbound(Base.INSTANCE, Base.INSTANCE).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'base'")
                .hasMessageContaining("inbound");
    }

    @Test
    void failsOnExplicitBaseWhenBaseSwitchedOff() {
        assertThatThrownBy(() -> PolicyDocument.builder()
                .includeBase(PolicySection.OUTBOUND, false)
                .outbound(Base.INSTANCE)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'base'");
    }

    @Test
    void failsOnBaseCombinedWithForwardingInBackend() {
        assertThatThrownBy(() -> PolicyDocument.builder()
                .includeBase(PolicySection.BACKEND, true)
                .backend(ForwardRequest.withBufferedRequestBody())
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'base'")
                .hasMessageContaining("backend");
    }

    @Test
    void failsOnForwardRequestOutsideBackend() {
        assertThatThrownBy(() -> PolicyDocument.builder().inbound(ForwardRequest.withBufferedRequestBody()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'forward-request'")
                .hasMessageContaining("backend");
    }

    @Test
    void failsOnInboundOnlyPolicyNestedInOutbound() {
        Choose choose = Choose.builder()
                .when("@(true)", Cors.builder().allowedOrigins("https://a.contoso.com").build())
                .build();
        assertThatThrownBy(() -> PolicyDocument.builder().outbound(choose).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cors'")
                .hasMessageContaining("outbound");
    }

    @Test
    void failsOnNullElement() {
        assertThatThrownBy(() -> PolicyDocument.builder().inbound((PolicyElement) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'elements'");
    }
}
