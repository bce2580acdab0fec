package io.github.aoaiplatform.apim.policy;

import java.util.Set;

/**
 * {@code <rate-limit-by-key>} (inbound only): calls (&gt; 0) per renewal-period (1–300 seconds) per counter-key.
 * increment-condition and the header/variable name attributes default to: unset.
 */
public final class RateLimitByKey extends PolicyElement {

    static final String ELEMENT = "rate-limit-by-key";
    /** Largest renewal-period APIM accepts, in seconds. */
    public static final int MAX_RENEWAL_PERIOD_SECONDS = 300;

    private final int calls;
    private final int renewalPeriodSeconds;
    private final String incrementCondition;
    private final String counterKey;
    private final String retryAfterHeaderName;
    private final String retryAfterVariableName;
    private final String remainingCallsHeaderName;
    private final String remainingCallsVariableName;
    private final String totalCallsHeaderName;

    private RateLimitByKey(Builder b) {
        this.calls = Checks.requireRange(b.calls, 1, Integer.MAX_VALUE, ELEMENT, "calls", "");
        this.renewalPeriodSeconds = Checks.requireRange(b.renewalPeriodSeconds, 1, MAX_RENEWAL_PERIOD_SECONDS, ELEMENT,
                "renewal-period", " seconds");
        this.incrementCondition = Checks.optionalText(b.incrementCondition, ELEMENT, "increment-condition");
        this.counterKey = Checks.requireText(b.counterKey, ELEMENT, "counter-key", "use e.g. @(context.Subscription.Id)");
        this.retryAfterHeaderName = Checks.optionalText(b.retryAfterHeaderName, ELEMENT, "retry-after-header-name");
        this.retryAfterVariableName = Checks.optionalText(b.retryAfterVariableName, ELEMENT, "retry-after-variable-name");
        this.remainingCallsHeaderName = Checks.optionalText(b.remainingCallsHeaderName, ELEMENT, "remaining-calls-header-name");
        this.remainingCallsVariableName = Checks.optionalText(b.remainingCallsVariableName, ELEMENT,
                "remaining-calls-variable-name");
        this.totalCallsHeaderName = Checks.optionalText(b.totalCallsHeaderName, ELEMENT, "total-calls-header-name");
    }

    /**
     * Starts a builder.
     *
     * @param calls the most calls per renewal period per counter key; &gt; 0
     * @param renewalPeriodSeconds the sliding window in seconds, 1 to {@value #MAX_RENEWAL_PERIOD_SECONDS}
     * @param counterKey the key calls are counted per, e.g. {@code @(context.Subscription.Id)}
     * @return a new builder
     */
    public static Builder builder(int calls, int renewalPeriodSeconds, String counterKey) {
        return new Builder(calls, renewalPeriodSeconds, counterKey);
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
                .attr("renewal-period", renewalPeriodSeconds)
                .attr("increment-condition", incrementCondition)
                .attr("counter-key", counterKey)
                .attr("retry-after-header-name", retryAfterHeaderName)
                .attr("retry-after-variable-name", retryAfterVariableName)
                .attr("remaining-calls-header-name", remainingCallsHeaderName)
                .attr("remaining-calls-variable-name", remainingCallsVariableName)
                .attr("total-calls-header-name", totalCallsHeaderName)
                .build();
    }

    /** Builder; optional attributes default to: unset. */
    public static final class Builder {
        private final int calls;
        private final int renewalPeriodSeconds;
        private final String counterKey;
        private String incrementCondition;
        private String retryAfterHeaderName;
        private String retryAfterVariableName;
        private String remainingCallsHeaderName;
        private String remainingCallsVariableName;
        private String totalCallsHeaderName;

        private Builder(int calls, int renewalPeriodSeconds, String counterKey) {
            this.calls = calls;
            this.renewalPeriodSeconds = renewalPeriodSeconds;
            this.counterKey = counterKey;
        }

        /**
         * Sets increment-condition: a boolean expression deciding whether a request counts towards the limit.
         * Defaults to: unset (every request counts).
         *
         * @param condition the boolean policy expression
         * @return this builder
         */
        public Builder incrementCondition(String condition) {
            this.incrementCondition = condition;
            return this;
        }

        /**
         * Sets retry-after-header-name: a response header, replacing {@code Retry-After}, that tells throttled
         * callers how many seconds to wait. Defaults to: unset.
         *
         * @param name the header name
         * @return this builder
         */
        public Builder retryAfterHeaderName(String name) {
            this.retryAfterHeaderName = name;
            return this;
        }

        /**
         * Sets retry-after-variable-name: the context variable that receives the seconds to wait when throttled.
         * Defaults to: unset.
         *
         * @param name the variable name
         * @return this builder
         */
        public Builder retryAfterVariableName(String name) {
            this.retryAfterVariableName = name;
            return this;
        }

        /**
         * Sets remaining-calls-header-name: a response header with the calls left in the current period.
         * Defaults to: unset.
         *
         * @param name the header name
         * @return this builder
         */
        public Builder remainingCallsHeaderName(String name) {
            this.remainingCallsHeaderName = name;
            return this;
        }

        /**
         * Sets remaining-calls-variable-name: the context variable that receives the calls left in the current
         * period. Defaults to: unset.
         *
         * @param name the variable name
         * @return this builder
         */
        public Builder remainingCallsVariableName(String name) {
            this.remainingCallsVariableName = name;
            return this;
        }

        /**
         * Sets total-calls-header-name: a response header with the calls limit. Defaults to: unset.
         *
         * @param name the header name
         * @return this builder
         */
        public Builder totalCallsHeaderName(String name) {
            this.totalCallsHeaderName = name;
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if calls or renewal-period is out of range, the counter key is blank or a
         *         name is blank
         */
        public RateLimitByKey build() {
            return new RateLimitByKey(this);
        }
    }
}
