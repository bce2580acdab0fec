package io.github.aoaiplatform.apim.policy;

import static io.github.aoaiplatform.apim.policy.PolicyXml.attr;
import static io.github.aoaiplatform.apim.policy.PolicyXml.element;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class RateLimitAndQuotaTest {

    static final String KEY = "@(context.Subscription.Id)";

    @Test
    void rendersRateLimitByKey() {
        RateLimitByKey policy = RateLimitByKey.builder(100, 60, KEY)
                .incrementCondition("@(context.Response.StatusCode == 200)")
                .retryAfterHeaderName("Retry-After")
                .remainingCallsHeaderName("x-remaining-calls")
                .build();
        String xml = PolicyDocument.builder().inbound(policy).build().toXml();
        assertThat(PolicyXml.attributeOrder(xml, "rate-limit-by-key")).containsExactly(
                "calls", "renewal-period", "increment-condition", "counter-key", "retry-after-header-name",
                "remaining-calls-header-name");
        Document doc = PolicyXml.parse(xml);
        String path = "/policies/inbound/rate-limit-by-key";
        assertThat(attr(doc, path, "calls")).isEqualTo("100");
        assertThat(attr(doc, path, "renewal-period")).isEqualTo("60");
        assertThat(attr(doc, path, "counter-key")).isEqualTo(KEY);
        assertThat(attr(doc, path, "increment-condition")).isEqualTo("@(context.Response.StatusCode == 200)");
        assertThat(attr(doc, path, "remaining-calls-header-name")).isEqualTo("x-remaining-calls");
    }

    @Test
    void acceptsRenewalPeriodBoundaries() {
        assertThat(RateLimitByKey.builder(1, 1, KEY).build().toXml()).contains("renewal-period=\"1\"");
        assertThat(RateLimitByKey.builder(1, 300, KEY).build().toXml()).contains("renewal-period=\"300\"");
    }

    @Test
    void failsOnRenewalPeriodOver300() {
        assertThatThrownBy(() -> RateLimitByKey.builder(10, 301, KEY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'renewal-period'")
                .hasMessageContaining("301");
    }

    @Test
    void failsOnZeroRenewalPeriod() {
        assertThatThrownBy(() -> RateLimitByKey.builder(10, 0, KEY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'renewal-period'");
    }

    @Test
    void failsOnZeroCalls() {
        assertThatThrownBy(() -> RateLimitByKey.builder(0, 60, KEY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'calls'");
    }

    @Test
    void failsOnRateLimitWithoutCounterKey() {
        assertThatThrownBy(() -> RateLimitByKey.builder(1, 60, null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'counter-key'");
    }

    @Test
    void rendersQuotaByKey() {
        QuotaByKey policy = QuotaByKey.builder(KEY, 86_400)
                .calls(10_000)
                .bandwidthKilobytes(40_000)
                .incrementCondition(QuotaByKey.SUCCESSFUL_RESPONSES_CONDITION)
                .firstPeriodStart(Instant.parse("2025-01-01T00:00:00.123Z"))
                .build();
        String xml = PolicyDocument.builder().inbound(policy).build().toXml();
        assertThat(PolicyXml.attributeOrder(xml, "quota-by-key")).containsExactly(
                "calls", "bandwidth", "renewal-period", "increment-condition", "counter-key", "first-period-start");
        Document doc = PolicyXml.parse(xml);
        String path = "/policies/inbound/quota-by-key";
        assertThat(attr(doc, path, "bandwidth")).isEqualTo("40000");
        assertThat(attr(doc, path, "renewal-period")).isEqualTo("86400");
        assertThat(attr(doc, path, "increment-condition"))
                .isEqualTo("@(context.Response.StatusCode >= 200 && context.Response.StatusCode < 300)");
        assertThat(attr(doc, path, "first-period-start")).isEqualTo("2025-01-01T00:00:00Z");
    }

    @Test
    void quotaWithBandwidthOnlyOmitsCalls() {
        Document doc = PolicyXml.inbound(QuotaByKey.builder(KEY, 3600).bandwidthKilobytes(1).build());
        assertThat(element(doc, "/policies/inbound/quota-by-key").hasAttribute("calls")).isFalse();
        assertThat(element(doc, "/policies/inbound/quota-by-key").hasAttribute("increment-condition")).isFalse();
    }

    @Test
    void failsOnQuotaWithoutCallsOrBandwidth() {
        assertThatThrownBy(() -> QuotaByKey.builder(KEY, 3600).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'calls'")
                .hasMessageContaining("'bandwidth'");
    }

    @Test
    void failsOnQuotaWithZeroRenewalPeriod() {
        assertThatThrownBy(() -> QuotaByKey.builder(KEY, 0).calls(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'renewal-period'");
    }

    @Test
    void failsOnQuotaWithZeroBandwidth() {
        assertThatThrownBy(() -> QuotaByKey.builder(KEY, 60).bandwidthKilobytes(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bandwidth'");
    }
}
