package io.github.aoaiplatform.apim.policy;

import static io.github.aoaiplatform.apim.policy.PolicyXml.attr;
import static io.github.aoaiplatform.apim.policy.PolicyXml.childNames;
import static io.github.aoaiplatform.apim.policy.PolicyXml.element;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

class RetryAndForwardRequestTest {

    static final String RETRY = "/policies/backend/retry";

    static Document backend(PolicyElement element) {
        return PolicyXml.renderIn(PolicySection.BACKEND, element);
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "2, 1", "3, 2", "5, 4"})
    void throttlingFactoryRetriesOncePerAdditionalBackend(int backends, int expectedCount) {
        Retry retry = Retry.onThrottlingAndServerErrors(backends);
        assertThat(retry.count()).isEqualTo(expectedCount);
        assertThat(retry.intervalSeconds()).isZero();
        assertThat(retry.firstFastRetry()).isTrue();
        assertThat(retry.policies()).singleElement().isInstanceOfSatisfying(ForwardRequest.class,
                forward -> assertThat(forward.bufferRequestBody()).isTrue());

        Document doc = backend(retry);
        assertThat(attr(doc, RETRY, "count")).isEqualTo(Integer.toString(expectedCount));
        assertThat(attr(doc, RETRY, "interval")).isEqualTo("0");
        assertThat(attr(doc, RETRY, "first-fast-retry")).isEqualTo("true");
        assertThat(attr(doc, RETRY, "condition"))
                .isEqualTo("@(context.Response == null || context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)");
        assertThat(childNames(element(doc, RETRY))).containsExactly("forward-request");
        assertThat(attr(doc, RETRY + "/forward-request", "buffer-request-body")).isEqualTo("true");
    }

    @Test
    void throttlingFactoryRunsCustomAttemptPoliciesInOrder() {
        Retry retry = Retry.onThrottlingAndServerErrors(2, SetBackendService.backendId("pool-gpt-4o"),
                ForwardRequest.builder().bufferRequestBody(true).timeoutSeconds(120).build());
        Document doc = backend(retry);
        assertThat(childNames(element(doc, RETRY))).containsExactly("set-backend-service", "forward-request");
        assertThat(attr(doc, RETRY + "/set-backend-service", "backend-id")).isEqualTo("pool-gpt-4o");
        assertThat(attr(doc, RETRY + "/forward-request", "timeout")).isEqualTo("120");
    }

    @Test
    void failsOnZeroBackends() {
        assertThatThrownBy(() -> Retry.onThrottlingAndServerErrors(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'count'")
                .hasMessageContaining("backendCount");
    }

    @Test
    void rendersExponentialRetryAttributesInOrder() {
        Retry retry = Retry.builder("@(context.Response.StatusCode == 503)", 5, 1)
                .deltaSeconds(2)
                .maxIntervalSeconds(30)
                .firstFastRetry(false)
                .policy(ForwardRequest.withBufferedRequestBody())
                .build();
        String xml = PolicyDocument.builder().backend(retry).build().toXml();
        assertThat(PolicyXml.attributeOrder(xml, "retry"))
                .containsExactly("condition", "count", "interval", "max-interval", "delta", "first-fast-retry");
        Document doc = PolicyXml.parse(xml);
        assertThat(attr(doc, RETRY, "max-interval")).isEqualTo("30");
        assertThat(attr(doc, RETRY, "delta")).isEqualTo("2");
        assertThat(attr(doc, RETRY, "first-fast-retry")).isEqualTo("false");
    }

    @Test
    void retryKeepsChildOrder() {
        Retry retry = Retry.builder("@(true)", 1, 0)
                .policies(SetVariable.of("attempt", "@(1)"), ForwardRequest.withBufferedRequestBody(),
                        SetHeader.delete("x-debug"))
                .build();
        assertThat(childNames(element(backend(retry), RETRY))).containsExactly("set-variable", "forward-request", "set-header");
    }

    @Test
    void failsOnNegativeCount() {
        assertThatThrownBy(() -> Retry.builder("@(true)", -1, 0).policy(ForwardRequest.withBufferedRequestBody()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'count'");
    }

    @Test
    void failsOnCountOver50() {
        assertThatThrownBy(() -> Retry.builder("@(true)", 51, 0).policy(ForwardRequest.withBufferedRequestBody()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'count'");
    }

    @Test
    void failsOnNegativeInterval() {
        assertThatThrownBy(() -> Retry.builder("@(true)", 1, -1).policy(ForwardRequest.withBufferedRequestBody()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'interval'");
    }

    @Test
    void failsOnMaxIntervalWithoutDelta() {
        assertThatThrownBy(() -> Retry.builder("@(true)", 1, 1).maxIntervalSeconds(10)
                .policy(ForwardRequest.withBufferedRequestBody()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'max-interval'")
                .hasMessageContaining("'delta'");
    }

    @Test
    void failsOnRetryWithoutChildPolicies() {
        assertThatThrownBy(() -> Retry.builder("@(true)", 1, 0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'policies'");
    }

    @Test
    void failsOnRetryWithoutCondition() {
        assertThatThrownBy(() -> Retry.builder("", 1, 0).policy(ForwardRequest.withBufferedRequestBody()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'condition'");
    }

    @Test
    void rendersForwardRequestAttributesOnlyWhenSet() {
        Document bare = backend(ForwardRequest.builder().build());
        assertThat(element(bare, "/policies/backend/forward-request").getAttributes().getLength()).isZero();

        String xml = PolicyDocument.builder().backend(ForwardRequest.builder()
                .timeoutSeconds(60).bufferRequestBody(true).bufferResponse(false).failOnErrorStatusCode(true).build())
                .build().toXml();
        assertThat(PolicyXml.attributeOrder(xml, "forward-request"))
                .containsExactly("timeout", "buffer-request-body", "buffer-response", "fail-on-error-status-code");
        Document doc = PolicyXml.parse(xml);
        assertThat(attr(doc, "/policies/backend/forward-request", "buffer-response")).isEqualTo("false");
        assertThat(attr(doc, "/policies/backend/forward-request", "fail-on-error-status-code")).isEqualTo("true");
    }

    @Test
    void failsOnNegativeForwardTimeout() {
        assertThatThrownBy(() -> ForwardRequest.builder().timeoutSeconds(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'timeout'");
    }
}
