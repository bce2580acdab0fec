package io.github.aoaiplatform.apim.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * {@code <quota-by-key>} (inbound only): calls and/or bandwidth (KB) per renewal-period (&gt; 0 seconds) per
 * counter-key. At least one of calls or bandwidth is required. increment-condition and first-period-start
 * default to: unset.
 */
public final class QuotaByKey extends PolicyElement {

    static final String ELEMENT = "quota-by-key";

    /** increment-condition that counts only successful (2xx) responses. */
    public static final String SUCCESSFUL_RESPONSES_CONDITION =
            "@(context.Response.StatusCode >= 200 && context.Response.StatusCode < 300)";

    private final Integer calls;
    private final Long bandwidthKilobytes;
    private final int renewalPeriodSeconds;
    private final String incrementCondition;
    private final String counterKey;
    private final Instant firstPeriodStart;

    private QuotaByKey(Builder b) {
        if (b.calls == null && b.bandwidthKilobytes == null) {
            throw Checks.invalid(ELEMENT, "calls", "and 'bandwidth' are both unset; at least one is required",
                    "call calls(...) and/or bandwidthKilobytes(...)");
        }
        this.calls = b.calls == null ? null : Checks.requireRange(b.calls, 1, Integer.MAX_VALUE, ELEMENT, "calls", "");
        this.bandwidthKilobytes = b.bandwidthKilobytes == null ? null
                : Checks.requirePositive(b.bandwidthKilobytes, ELEMENT, "bandwidth");
        this.renewalPeriodSeconds = Checks.requireRange(b.renewalPeriodSeconds, 1, Integer.MAX_VALUE, ELEMENT,
                "renewal-period", " seconds");
        this.incrementCondition = Checks.optionalText(b.incrementCondition, ELEMENT, "increment-condition");
        this.counterKey = Checks.requireText(b.counterKey, ELEMENT, "counter-key", "use e.g. @(context.Subscription.Id)");
        this.firstPeriodStart = b.firstPeriodStart == null ? null : b.firstPeriodStart.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Starts a builder; set calls and/or bandwidth before building.
     *
     * @param counterKey the key the quota is tracked per, e.g. {@code @(context.Subscription.Id)}
     * @param renewalPeriodSeconds the length of a quota period in seconds, after which the counters reset; &gt; 0
     * @return a new builder
     */
    public static Builder builder(String counterKey, int renewalPeriodSeconds) {
        return new Builder(counterKey, renewalPeriodSeconds);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    @Override
    Set<PolicySection> allowedSections() {
        return PolicySection.INBOUND_ONLY;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT)
                .attr("calls", calls)
                .attr("bandwidth", bandwidthKilobytes)
                .attr("renewal-period", renewalPeriodSeconds)
                .attr("increment-condition", incrementCondition)
                .attr("counter-key", counterKey)
                .attr("first-period-start", firstPeriodStart == null ? null : firstPeriodStart.toString())
                .build();
    }

    /** Builder; optional attributes default to: unset. */
    public static final class Builder {
        private final String counterKey;
        private final int renewalPeriodSeconds;
        private Integer calls;
        private Long bandwidthKilobytes;
        private String incrementCondition;
        private Instant firstPeriodStart;

        private Builder(String counterKey, int renewalPeriodSeconds) {
            this.counterKey = counterKey;
            this.renewalPeriodSeconds = renewalPeriodSeconds;
        }

        /**
         * Sets calls: the most calls per period per counter key. Defaults to: unset.
         *
         * @param calls the call quota; &gt; 0
         * @return this builder
         */
        public Builder calls(int calls) {
            this.calls = calls;
            return this;
        }

        /**
         * Maximum total kilobytes per period (renders {@code bandwidth}). Defaults to: unset.
         *
         * @param kilobytes the bandwidth quota in kilobytes; &gt; 0
         * @return this builder
         */
        public Builder bandwidthKilobytes(long kilobytes) {
            this.bandwidthKilobytes = kilobytes;
            return this;
        }

        /**
         * Sets increment-condition: a boolean expression deciding whether a request counts towards the quota, e.g.
         * {@link QuotaByKey#SUCCESSFUL_RESPONSES_CONDITION}. Defaults to: unset (every request counts).
         *
         * @param condition the boolean policy expression
         * @return this builder
         */
        public Builder incrementCondition(String condition) {
            this.incrementCondition = condition;
            return this;
        }

        /**
         * Sets first-period-start: when the first quota period begins; later periods follow every renewal-period.
         * Rendered as ISO-8601 UTC truncated to seconds, e.g. {@code 2025-01-01T00:00:00Z}. Defaults to: unset
         * (APIM default {@code 0001-01-01T00:00:00Z}).
         *
         * @param start the start of the first period
         * @return this builder
         */
        public Builder firstPeriodStart(Instant start) {
            this.firstPeriodStart = start;
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if neither calls nor bandwidth is set, a number is not positive, or the
         *         counter key is blank
         */
        public QuotaByKey build() {
            return new QuotaByKey(this);
        }
    }
}
