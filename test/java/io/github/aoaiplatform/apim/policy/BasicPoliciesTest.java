package io.github.aoaiplatform.apim.policy;

import static io.github.aoaiplatform.apim.policy.PolicyXml.attr;
import static io.github.aoaiplatform.apim.policy.PolicyXml.childNames;
import static io.github.aoaiplatform.apim.policy.PolicyXml.element;
import static io.github.aoaiplatform.apim.policy.PolicyXml.inbound;
import static io.github.aoaiplatform.apim.policy.PolicyXml.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class BasicPoliciesTest {

    @Test
    void rendersSetBackendServiceByBackendId() {
        Document doc = inbound(SetBackendService.backendId("aoai-pool"));
        String path = "/policies/inbound/set-backend-service";
        assertThat(attr(doc, path, "backend-id")).isEqualTo("aoai-pool");
        assertThat(element(doc, path).hasAttribute("base-url")).isFalse();
    }

    @Test
    void rendersSetBackendServiceByBaseUrl() {
        Document doc = inbound(SetBackendService.baseUrl("https://{{aoai-host}}/openai"));
        String path = "/policies/inbound/set-backend-service";
        assertThat(attr(doc, path, "base-url")).isEqualTo("https://{{aoai-host}}/openai");
        assertThat(element(doc, path).hasAttribute("backend-id")).isFalse();
    }

    @Test
    void failsOnSetBackendServiceWithoutBackendId() {
        assertThatThrownBy(() -> SetBackendService.backendId(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'backend-id'");
    }

    @Test
    void failsOnSetBackendServiceWithRelativeBaseUrl() {
        assertThatThrownBy(() -> SetBackendService.baseUrl("/openai"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'base-url'");
    }

    @Test
    void rendersManagedIdentityDefaults() {
        Document doc = inbound(AuthenticationManagedIdentity.builder().build());
        String path = "/policies/inbound/authentication-managed-identity";
        assertThat(attr(doc, path, "resource")).isEqualTo("https://cognitiveservices.azure.com");
        assertThat(element(doc, path).getAttributes().getLength()).isEqualTo(1);
    }

    @Test
    void rendersManagedIdentityWithTokenVariableAndBearerHeader() {
        String xml = PolicyDocument.builder().inbound(
                AuthenticationManagedIdentity.builder()
                        .clientId("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
                        .outputTokenVariableName("msi-access-token")
                        .ignoreError(false)
                        .build(),
                SetHeader.bearerTokenFromVariable("msi-access-token")).build().toXml();
        assertThat(PolicyXml.attributeOrder(xml, "authentication-managed-identity"))
                .containsExactly("resource", "client-id", "output-token-variable-name", "ignore-error");
        Document doc = PolicyXml.parse(xml);
        assertThat(attr(doc, "/policies/inbound/authentication-managed-identity", "client-id"))
                .isEqualTo("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        assertThat(attr(doc, "/policies/inbound/set-header", "name")).isEqualTo("Authorization");
        assertThat(attr(doc, "/policies/inbound/set-header", "exists-action")).isEqualTo("override");
        assertThat(texts(doc, "/policies/inbound/set-header/value"))
                .containsExactly("@(\"Bearer \" + (string)context.Variables[\"msi-access-token\"])");
    }

    @Test
    void failsOnManagedIdentityClientIdThatIsAName() {
        assertThatThrownBy(() -> AuthenticationManagedIdentity.builder().clientId("my-identity").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'client-id'");
    }

    @Test
    void failsOnBearerVariableNameThatWouldBreakTheExpression() {
        assertThatThrownBy(() -> SetHeader.bearerTokenFromVariable("a\"]) + x(\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'value'");
    }

    @Test
    void rendersSetHeaderActionsAndValues() {
        Document doc = PolicyXml.renderIn(PolicySection.OUTBOUND, Choose.builder().when("@(true)",
                SetHeader.append("x-multi", "a", "@(context.RequestId.ToString())"),
                SetHeader.skip("x-skip", "s"),
                SetHeader.delete("x-powered-by"),
                SetHeader.of("x-of", SetHeader.ExistsAction.OVERRIDE, List.of("o"))).build());
        String when = "/policies/outbound/choose/when";
        assertThat(PolicyXml.elements(doc, when + "/set-header")).extracting(e -> e.getAttribute("exists-action"))
                .containsExactly("append", "skip", "delete", "override");
        assertThat(texts(doc, when + "/set-header[1]/value")).containsExactly("a", "@(context.RequestId.ToString())");
        assertThat(childNames(element(doc, when + "/set-header[3]"))).isEmpty();
    }

    @Test
    void failsOnDeleteHeaderWithValues() {
        assertThatThrownBy(() -> SetHeader.of("x", SetHeader.ExistsAction.DELETE, List.of("v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'value'")
                .hasMessageContaining("delete");
    }

    @Test
    void failsOnOverrideHeaderWithoutValues() {
        assertThatThrownBy(() -> SetHeader.override("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'value'");
    }

    @Test
    void failsOnHeaderWithoutName() {
        assertThatThrownBy(() -> SetHeader.override(null, "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'name'");
    }

    @Test
    void rendersSetVariable() {
        String xml = PolicyDocument.builder().inbound(SetVariable.of("model", "@(context.Request.MatchedParameters[\"deployment-id\"])"))
                .build().toXml();
        assertThat(PolicyXml.attributeOrder(xml, "set-variable")).containsExactly("name", "value");
        assertThat(attr(PolicyXml.parse(xml), "/policies/inbound/set-variable", "value"))
                .isEqualTo("@(context.Request.MatchedParameters[\"deployment-id\"])");
    }

    @Test
    void failsOnSetVariableWithInvalidName() {
        assertThatThrownBy(() -> SetVariable.of("has space", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'name'");
    }

    @Test
    void rendersReturnResponse() {
        Document doc = PolicyXml.renderIn(PolicySection.ON_ERROR, ReturnResponse.builder(418, "I'm a teapot")
                .header("Content-Type", "application/json")
                .header(SetHeader.delete("x-backend"))
                .body("{\"error\":\"<teapot>\"}")
                .build());
        String path = "/policies/on-error/return-response";
        assertThat(childNames(element(doc, path))).containsExactly("set-status", "set-header", "set-header", "set-body");
        assertThat(attr(doc, path + "/set-status", "code")).isEqualTo("418");
        assertThat(attr(doc, path + "/set-status", "reason")).isEqualTo("I'm a teapot");
        assertThat(texts(doc, path + "/set-body")).containsExactly("{\"error\":\"<teapot>\"}");
    }

    @Test
    void failsOnReturnResponseWithInvalidStatus() {
        assertThatThrownBy(() -> ReturnResponse.builder(600, "Nope").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'code'");
    }

    @Test
    void failsOnReturnResponseWithoutReason() {
        assertThatThrownBy(() -> ReturnResponse.builder(500, null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'reason'");
    }

    @Test
    void rendersChooseBranchesInOrder() {
        Choose choose = Choose.of(List.of(
                        When.of("@(context.Request.Method == \"POST\")", SetVariable.of("a", "1"), SetVariable.of("b", "2")),
                        When.of("@(context.Request.Method == \"GET\")")),
                Otherwise.of(SetVariable.of("c", "3")));
        Document doc = inbound(choose);
        String path = "/policies/inbound/choose";
        assertThat(childNames(element(doc, path))).containsExactly("when", "when", "otherwise");
        assertThat(attr(doc, path + "/when[1]", "condition")).isEqualTo("@(context.Request.Method == \"POST\")");
        assertThat(PolicyXml.elements(doc, path + "/when[1]/set-variable")).extracting(e -> e.getAttribute("name"))
                .containsExactly("a", "b");
        assertThat(childNames(element(doc, path + "/when[2]"))).isEmpty();
        assertThat(attr(doc, path + "/otherwise/set-variable", "name")).isEqualTo("c");
    }

    @Test
    void failsOnChooseWithoutWhen() {
        assertThatThrownBy(() -> Choose.builder().otherwise(SetVariable.of("a", "1")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'when'");
    }

    @Test
    void failsOnWhenWithoutCondition() {
        assertThatThrownBy(() -> When.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'condition'");
    }

    @Test
    void rendersLogToEventHub() {
        String message = "@(string.Join(\",\", DateTime.UtcNow, context.Deployment.ServiceName, context.RequestId))";
        String xml = PolicyDocument.builder().outbound(LogToEventHub.builder("aoai-usage-logger", message)
                .partitionId(1).build()).build().toXml();
        assertThat(PolicyXml.attributeOrder(xml, "log-to-eventhub")).containsExactly("logger-id", "partition-id");
        Document doc = PolicyXml.parse(xml);
        assertThat(attr(doc, "/policies/outbound/log-to-eventhub", "logger-id")).isEqualTo("aoai-usage-logger");
        assertThat(texts(doc, "/policies/outbound/log-to-eventhub")).containsExactly(message);
    }

    @Test
    void rendersTraceWithMessageAndMetadataInOrder() {
        String message = "@((string)context.Variables[\"usage-record\"])";
        String xml = PolicyDocument.builder().outbound(Trace.builder("aoai-usage", message).severity(Trace.Severity.INFORMATION)
                .metadata("aoaiRecord", "usage").metadata("requestId", "@(context.RequestId.ToString())").build()).build().toXml();
        assertThat(PolicyXml.attributeOrder(xml, "trace")).containsExactly("source", "severity");
        Document doc = PolicyXml.parse(xml);
        assertThat(attr(doc, "/policies/outbound/trace", "severity")).isEqualTo("information");
        assertThat(texts(doc, "/policies/outbound/trace/message")).containsExactly(message);
        assertThat(attr(doc, "/policies/outbound/trace/metadata[1]", "name")).isEqualTo("aoaiRecord");
        assertThat(attr(doc, "/policies/outbound/trace/metadata[2]", "value")).isEqualTo("@(context.RequestId.ToString())");
        assertThat(PolicyDocument.builder().inbound(Trace.builder("s", "m").build()).build().toXml())
                .as("severity left to APIM's default").doesNotContain("severity=");
    }

    @Test
    void failsOnTraceWithoutSourceOrWithAnExpressionSource() {
        assertThatThrownBy(() -> Trace.builder(null, "m").build()).hasMessageContaining("'source'");
        assertThatThrownBy(() -> Trace.builder("@(\"x\")", "m").build()).hasMessageContaining("'source'");
        assertThatThrownBy(() -> Trace.builder("s", " ").build()).hasMessageContaining("'message'");
    }

    @Test
    void failsOnLogToEventHubWithPartitionIdAndKey() {
        assertThatThrownBy(() -> LogToEventHub.builder("l", "@(\"m\")").partitionId(0).partitionKey("@(\"k\")").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'partition-id'")
                .hasMessageContaining("'partition-key'");
    }

    @Test
    void failsOnLogToEventHubWithoutLogger() {
        assertThatThrownBy(() -> LogToEventHub.builder(null, "@(\"m\")").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'logger-id'");
    }

    @Test
    void rendersIncludeFragmentAndBase() {
        Document doc = inbound(IncludeFragment.of("aoai-common-inbound"));
        assertThat(childNames(element(doc, "/policies/inbound"))).containsExactly("base", "include-fragment");
        assertThat(attr(doc, "/policies/inbound/include-fragment", "fragment-id")).isEqualTo("aoai-common-inbound");
        assertThat(element(doc, "/policies/inbound/base").getAttributes().getLength()).isZero();
    }

    @Test
    void failsOnInvalidFragmentId() {
        assertThatThrownBy(() -> IncludeFragment.of("has space"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fragment-id'");
    }
}
