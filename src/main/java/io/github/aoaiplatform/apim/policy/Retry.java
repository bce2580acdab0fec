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

    /**
     * Retries on HTTP 429 and 5xx, and on transport failures (DNS, connection, timeout), after which there is no
     * response: {@code context.Response} is null then, so the condition tests for it first instead of throwing.
     */
    public static final String THROTTLING_OR_SERVER_ERROR_CONDITION = "@(context.Response == null"
            + " || context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)";

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

    /**
     * Starts a builder; child policies must still be added.
     *
     * @param condition a boolean policy expression evaluated after each attempt; retrying continues while it is
     *        true, e.g. {@link #THROTTLING_OR_SERVER_ERROR_CONDITION}
     * @param count the most retries, 0 to {@value #MAX_COUNT}
     * @param intervalSeconds seconds to wait between attempts (the first wait when delta is set); &ge; 0
     * @return a new builder
     */
    public static Builder builder(String condition, int count, int intervalSeconds) {
        return new Builder(condition, count, intervalSeconds);
    }

    /**
     * Load-balancing retry across {@code backendCount} pooled backends: condition
     * {@link #THROTTLING_OR_SERVER_ERROR_CONDITION}, count = backendCount − 1 (min 0), interval 0,
     * first-fast-retry true, child {@code <forward-request buffer-request-body="true"/>}.
     *
     * @param backendCount the number of backends in the pool, 1 to {@value #MAX_COUNT} + 1
     * @return the retry policy
     * @throws IllegalArgumentException if {@code backendCount} is out of range
     */
    public static Retry onThrottlingAndServerErrors(int backendCount) {
        return onThrottlingAndServerErrors(backendCount, ForwardRequest.withBufferedRequestBody());
    }

    /**
     * As {@link #onThrottlingAndServerErrors(int)} with custom child policies, run on every attempt: e.g. a
     * {@code set-backend-service} to a pool, so that each attempt selects a pool member again, then the
     * forward-request (keep buffer-request-body true).
     *
     * @param backendCount the number of backends in the pool, 1 to {@value #MAX_COUNT} + 1
     * @param attempt the policies of one attempt; at least one, none null
     * @return the retry policy
     * @throws IllegalArgumentException if {@code backendCount} is out of range
     */
    public static Retry onThrottlingAndServerErrors(int backendCount, PolicyElement... attempt) {
        if (backendCount < 1 || backendCount > MAX_COUNT + 1) {
            throw Checks.invalid(ELEMENT, "count", "is derived as backendCount - 1, but backendCount was " + backendCount,
                    "pass the number of pooled backends (1-" + (MAX_COUNT + 1) + ")");
        }
        return builder(THROTTLING_OR_SERVER_ERROR_CONDITION, Math.max(0, backendCount - 1), 0)
                .firstFastRetry(true)
                .policies(attempt)
                .build();
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The condition attribute.
     *
     * @return the boolean policy expression that decides whether to retry
     */
    public String condition() {
        return condition;
    }

    /**
     * The count attribute.
     *
     * @return the most retries after the first attempt
     */
    public int count() {
        return count;
    }

    /**
     * The interval attribute.
     *
     * @return the wait between attempts, in seconds
     */
    public int intervalSeconds() {
        return intervalSeconds;
    }

    /**
     * first-fast-retry, or {@code null} when unset.
     *
     * @return whether the first retry runs without waiting, or {@code null}
     */
    public Boolean firstFastRetry() {
        return firstFastRetry;
    }

    /**
     * The child policies run on every attempt.
     *
     * @return the immutable, ordered list of child policies
     */
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

        /**
         * Sets max-interval: the longest wait for exponential retry, in seconds. Requires delta and must be at least
         * the interval. Defaults to: unset.
         *
         * @param seconds the longest wait in seconds
         * @return this builder
         */
        public Builder maxIntervalSeconds(int seconds) {
            this.maxIntervalSeconds = seconds;
            return this;
        }

        /**
         * Sets delta: the interval increment in seconds. With delta alone the wait grows linearly; with max-interval
         * as well it grows exponentially. Defaults to: unset (fixed interval).
         *
         * @param seconds the increment in seconds; &gt; 0
         * @return this builder
         */
        public Builder deltaSeconds(int seconds) {
            this.deltaSeconds = seconds;
            return this;
        }

        /**
         * Sets first-fast-retry: when {@code true}, the first retry runs at once instead of after the interval.
         * Defaults to: unset (APIM default {@code false}).
         *
         * @param firstFastRetry whether the first retry skips the wait
         * @return this builder
         */
        public Builder firstFastRetry(boolean firstFastRetry) {
            this.firstFastRetry = firstFastRetry;
            return this;
        }

        /**
         * Replaces the child policies. Defaults to: none (at least one is required).
         *
         * @param children the policies run on every attempt, e.g. {@link ForwardRequest#withBufferedRequestBody()}
         * @return this builder
         */
        public Builder policies(PolicyElement... children) {
            this.policies = new ArrayList<>(Arrays.asList(Checks.requireNonNull(children, ELEMENT, "policies")));
            return this;
        }

        /**
         * Appends a child policy.
         *
         * @param child the policy; must not be null
         * @return this builder
         */
        public Builder policy(PolicyElement child) {
            this.policies.add(child);
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if a value is out of range, max-interval lacks delta, or there is no child
         *         policy
         */
        public Retry build() {
            return new Retry(this);
        }
    }
}
