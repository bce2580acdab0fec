package io.github.aoaiplatform.apim.policy;

import static io.github.aoaiplatform.apim.policy.PolicyXml.attr;
import static io.github.aoaiplatform.apim.policy.PolicyXml.childNames;
import static io.github.aoaiplatform.apim.policy.PolicyXml.element;
import static io.github.aoaiplatform.apim.policy.PolicyXml.elements;
import static io.github.aoaiplatform.apim.policy.PolicyXml.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class GenericErrorsTest {

    static final String CHOOSE = "/policies/on-error/choose";

    static Document render() {
        return PolicyXml.parse(PolicyDocument.builder().onError(GenericErrors.onErrorSection()).build().toXml());
    }

    @Test
    void onErrorHasBaseThenOneChooseWithThreeBranches() {
        Document doc = render();
        assertThat(childNames(element(doc, "/policies/on-error"))).containsExactly("base", "choose");
        assertThat(childNames(element(doc, CHOOSE))).containsExactly("when", "when", "otherwise");
    }

    @Test
    void keepsGatewayStatusesAndOnlyReplacesBody() {
        Document doc = render();
        String when = CHOOSE + "/when[1]";
        String condition = attr(doc, when, "condition");
        for (int status : GenericErrors.PASSTHROUGH_STATUS_CODES) {
            assertThat(condition).contains("StatusCode == " + status);
        }
        assertThat(childNames(element(doc, when))).containsExactly("set-header", "set-body");
        assertThat(elements(doc, when + "//return-response")).isEmpty();
        assertThat(attr(doc, when + "/set-header", "name")).isEqualTo("Content-Type");
        assertThat(texts(doc, when + "/set-header/value")).containsExactly("application/json");
        assertThat(texts(doc, when + "/set-body")).singleElement().asString()
                .contains("context.RequestId").contains("Unauthorized").contains("TooManyRequests");
    }

    @Test
    void backendFailuresReturn503AndEverythingElse500() {
        Document doc = render();
        assertThat(attr(doc, CHOOSE + "/when[2]", "condition")).isEqualTo("@(context.LastError != null && ("
                + "context.LastError.Source == \"forward-request\" || context.LastError.Reason == \"BackendConnectionFailure\""
                + " || context.LastError.Reason == \"Timeout\"))");
        assertThat(attr(doc, CHOOSE + "/when[2]/return-response/set-status", "code")).isEqualTo("503");
        assertThat(attr(doc, CHOOSE + "/otherwise/return-response/set-status", "code")).isEqualTo("500");
        assertThat(attr(doc, CHOOSE + "/otherwise/return-response/set-status", "reason")).isEqualTo("Internal Server Error");
        for (String path : new String[] {CHOOSE + "/when[2]/return-response", CHOOSE + "/otherwise/return-response"}) {
            assertThat(attr(doc, path + "/set-header", "name")).isEqualTo("Content-Type");
            assertThat(texts(doc, path + "/set-header/value")).containsExactly("application/json");
            assertThat(texts(doc, path + "/set-body")).singleElement().asString()
                    .startsWith("@(\"{\\\"error\\\":{\\\"code\\\":\\\"")
                    .endsWith("\\\",\\\"requestId\\\":\\\"\" + context.RequestId + \"\\\"}}\")");
        }
    }

    @Test
    void bodiesNeverEchoErrorOrBackendDetails() {
        Document doc = render();
        for (Element body : elements(doc, CHOOSE + "//set-body")) {
            assertThat(body.getTextContent())
                    .contains("context.RequestId")
                    .doesNotContain("LastError")
                    .doesNotContain("context.Response.Body")
                    .doesNotContain("StatusReason")
                    .doesNotContain("Backend");
        }
        assertThat(elements(doc, CHOOSE + "//set-body")).hasSize(3);
    }

    @Test
    void jsonErrorExpressionMatchesExpectedCSharp() {
        assertThat(GenericErrors.jsonErrorExpression("X", "Y z."))
                .isEqualTo("@(\"{\\\"error\\\":{\\\"code\\\":\\\"X\\\",\\\"message\\\":\\\"Y z.\\\",\\\"requestId\\\":\\\"\""
                        + " + context.RequestId + \"\\\"}}\")");
    }

    @Test
    void failsOnErrorMessageWithQuote() {
        assertThatThrownBy(() -> GenericErrors.errorResponse(500, "Internal Server Error", "X", "say \"hi\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'message'");
    }
}
