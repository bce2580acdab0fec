package io.github.aoaiplatform.apim.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code <retry>}: runs its child policies once, then again while condition is true, up to count retries.
 *
 * <p>count 0–50, interval &ge; 0 seconds; max-interval (requires delta, &ge; interval) and delta (&gt; 0) and
 * first-fast-retry default to: unset. At least one child policy is required.
 * Note: APIM documents count as 1–50; count 0 (from {@link #onThrottlingAndServerErrors(int)} with one backend)
 * means "no retry" and may be rejected by APIM, so callers may prefer to omit the retry for a single backend.
 */
public final class Retry extends PolicyElement {

    static final String ELEMENT = "retry";
    /** Largest count APIM accepts. */
    public static final int MAX_COUNT = 50;

    /** Retries on HTTP 429 and 5xx. */
    public static final String THROTTLING_OR_SERVER_ERROR_CONDITION =
            "@(context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)";

    private final String condition;
    private final int count;
    private final int intervalSeconds;
    private final Integer maxIntervalSeconds;
    private final Integer deltaSeconds;
    private final Boolean firstFastRetry;
    private final List<PolicyElement> policies;

    private Retry(Builder b) {
        this.condition = Checks.requireText(b.condition, ELEMENT, "condition",
                "pass a boolean expression such as Retry.THROTTLING_OR_SERVER_ERROR_CONDITION");
        this.count = Checks.requireRange(b.count, 0, MAX_COUNT, ELEMENT, "count", "");
        this.intervalSeconds = Checks.requireRange(b.intervalSeconds, 0, Integer.MAX_VALUE, ELEMENT, "interval", " seconds");
        this.deltaSeconds = b.deltaSeconds == null ? null
                : Checks.requireRange(b.deltaSeconds, 1, Integer.MAX_VALUE, ELEMENT, "delta", " seconds");
        this.maxIntervalSeconds = b.maxIntervalSeconds == null ? null
                : Checks.requireRange(b.maxIntervalSeconds, Math.max(1, intervalSeconds), Integer.MAX_VALUE, ELEMENT,
                        "max-interval", " seconds (and >= interval)");
        if (maxIntervalSeconds != null && deltaSeconds == null) {
            throw Checks.invalid(ELEMENT, "max-interval", "requires 'delta' (exponential retry uses interval, delta and max-interval)",
                    "call deltaSeconds(...) or remove maxIntervalSeconds(...)");
        }
        this.firstFastRetry = b.firstFastRetry;
        this.policies = Checks.nonNullList(b.policies, ELEMENT, "policies");
        if (policies.isEmpty()) {
            throw Checks.invalid(ELEMENT, "policies", "requires at least one child policy", "add e.g. ForwardRequest.withBufferedRequestBody()");
        }
    }

    public static Builder builder(String condition, int count, int intervalSeconds) {
        return new Builder(condition, count, intervalSeconds);
    }

    /**
     * Load-balancing retry across {@code backendCount} pooled backends: condition
     * {@link #THROTTLING_OR_SERVER_ERROR_CONDITION}, count = backendCount − 1 (min 0), interval 0,
     * first-fast-retry true, child {@code <forward-request buffer-request-body="true"/>}.
     */
    public static Retry onThrottlingAndServerErrors(int backendCount) {
        return onThrottlingAndServerErrors(backendCount, ForwardRequest.withBufferedRequestBody());
    }

    /** As {@link #onThrottlingAndServerErrors(int)} with a custom forward-request (keep buffer-request-body true). */
    public static Retry onThrottlingAndServerErrors(int backendCount, ForwardRequest forwardRequest) {
        if (backendCount < 1 || backendCount > MAX_COUNT + 1) {
            throw Checks.invalid(ELEMENT, "count", "is derived as backendCount - 1, but backendCount was " + backendCount,
                    "pass the number of pooled backends (1-" + (MAX_COUNT + 1) + ")");
        }
        return builder(THROTTLING_OR_SERVER_ERROR_CONDITION, Math.max(0, backendCount - 1), 0)
                .firstFastRetry(true)
                .policies(Checks.requireNonNull(forwardRequest, ELEMENT, "forward-request"))
                .build();
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    public String condition() {
        return condition;
    }

    public int count() {
        return count;
    }

    public int intervalSeconds() {
        return intervalSeconds;
    }

    /** first-fast-retry, or {@code null} when unset. */
    public Boolean firstFastRetry() {
        return firstFastRetry;
    }

    public List<PolicyElement> policies() {
        return policies;
    }

    @Override
    List<PolicyElement> nestedElements() {
        return policies;
    }

    @Override
    XmlNode toNode() {
        XmlNode.Builder node = XmlNode.element(ELEMENT)
                .attr("condition", condition)
                .attr("count", count)
                .attr("interval", intervalSeconds)
                .attr("max-interval", maxIntervalSeconds)
                .attr("delta", deltaSeconds)
                .attr("first-fast-retry", firstFastRetry);
        for (PolicyElement policy : policies) {
            node.child(policy.toNode());
        }
        return node.build();
    }

    /** Builder; {@link #policies(PolicyElement...)} replaces, {@link #policy(PolicyElement)} appends. */
    public static final class Builder {
        private final String condition;
        private final int count;
        private final int intervalSeconds;
        private Integer maxIntervalSeconds;
        private Integer deltaSeconds;
        private Boolean firstFastRetry;
        private List<PolicyElement> policies = new ArrayList<>();

        private Builder(String condition, int count, int intervalSeconds) {
            this.condition = condition;
            this.count = count;
            this.intervalSeconds = intervalSeconds;
        }

        public Builder maxIntervalSeconds(int seconds) {
            this.maxIntervalSeconds = seconds;
            return this;
        }

        public Builder deltaSeconds(int seconds) {
            this.deltaSeconds = seconds;
            return this;
        }

        /** Defaults to: unset (APIM default false). */
        public Builder firstFastRetry(boolean firstFastRetry) {
            this.firstFastRetry = firstFastRetry;
            return this;
        }

        public Builder policies(PolicyElement... children) {
            this.policies = new ArrayList<>(Arrays.asList(Checks.requireNonNull(children, ELEMENT, "policies")));
            return this;
        }

        public Builder policy(PolicyElement child) {
            this.policies.add(child);
            return this;
        }

        public Retry build() {
            return new Retry(this);
        }
    }
}
