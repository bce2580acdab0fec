package io.github.aoaiplatform.apim.policy;

import java.util.Set;

/**
 * {@code <azure-openai-token-limit>} / {@code <llm-token-limit>} (by {@link LlmFlavor}; inbound only).
 *
 * <p>counter-key is required. At least one of tokens-per-minute (&gt; 0) or token-quota (&gt; 0) is required;
 * token-quota requires token-quota-period and vice versa. estimate-prompt-tokens defaults to: {@code false}
 * (always rendered, APIM requires it). Header/variable name attributes default to: unset.
 */
public final class LlmTokenLimit extends PolicyElement {

    private final LlmFlavor flavor;
    private final String counterKey;
    private final Integer tokensPerMinute;
    private final Long tokenQuota;
    private final TokenQuotaPeriod tokenQuotaPeriod;
    private final boolean estimatePromptTokens;
    private final String retryAfterHeaderName;
    private final String retryAfterVariableName;
    private final String remainingQuotaTokensHeaderName;
    private final String remainingQuotaTokensVariableName;
    private final String remainingTokensHeaderName;
    private final String remainingTokensVariableName;
    private final String tokensConsumedHeaderName;
    private final String tokensConsumedVariableName;

    private LlmTokenLimit(Builder b) {
        this.flavor = Checks.requireNonNull(b.flavor, "token-limit", "flavor");
        String element = flavor.prefix() + "token-limit";
        this.counterKey = Checks.requireText(b.counterKey, element, "counter-key",
                "use e.g. @(context.Subscription.Id) or a client-id expression");
        if (b.tokensPerMinute == null && b.tokenQuota == null) {
            throw Checks.invalid(element, "tokens-per-minute", "and 'token-quota' are both unset; at least one is required",
                    "call tokensPerMinute(...) and/or tokenQuota(..., period)");
        }
        this.tokensPerMinute = b.tokensPerMinute == null ? null
                : (int) Checks.requirePositive(b.tokensPerMinute, element, "tokens-per-minute");
        this.tokenQuota = b.tokenQuota == null ? null : Checks.requirePositive(b.tokenQuota, element, "token-quota");
        this.tokenQuotaPeriod = b.tokenQuotaPeriod;
        if (tokenQuota != null && tokenQuotaPeriod == null) {
            throw Checks.invalid(element, "token-quota-period", "is required when 'token-quota' is set",
                    "call tokenQuotaPeriod(TokenQuotaPeriod.MONTHLY) (Hourly|Daily|Weekly|Monthly|Yearly)");
        }
        if (tokenQuota == null && tokenQuotaPeriod != null) {
            throw Checks.invalid(element, "token-quota-period", "is set but 'token-quota' is not",
                    "call tokenQuota(...) or remove tokenQuotaPeriod(...)");
        }
        this.estimatePromptTokens = b.estimatePromptTokens;
        this.retryAfterHeaderName = Checks.optionalText(b.retryAfterHeaderName, element, "retry-after-header-name");
        this.retryAfterVariableName = Checks.optionalText(b.retryAfterVariableName, element, "retry-after-variable-name");
        this.remainingQuotaTokensHeaderName = Checks.optionalText(b.remainingQuotaTokensHeaderName, element,
                "remaining-quota-tokens-header-name");
        this.remainingQuotaTokensVariableName = Checks.optionalText(b.remainingQuotaTokensVariableName, element,
                "remaining-quota-tokens-variable-name");
        this.remainingTokensHeaderName = Checks.optionalText(b.remainingTokensHeaderName, element, "remaining-tokens-header-name");
        this.remainingTokensVariableName = Checks.optionalText(b.remainingTokensVariableName, element,
                "remaining-tokens-variable-name");
        this.tokensConsumedHeaderName = Checks.optionalText(b.tokensConsumedHeaderName, element, "tokens-consumed-header-name");
        this.tokensConsumedVariableName = Checks.optionalText(b.tokensConsumedVariableName, element,
                "tokens-consumed-variable-name");
    }

    /**
     * Starts a builder; set tokens-per-minute and/or a token quota before building.
     *
     * @param flavor which element to render ({@code azure-openai-} or {@code llm-} prefix)
     * @param counterKey the key tokens are counted per (one counter per value across all scopes), e.g.
     *        {@code @(context.Subscription.Id)}
     * @return a new builder
     */
    public static Builder builder(LlmFlavor flavor, String counterKey) {
        return new Builder(flavor, counterKey);
    }

    @Override
    public String elementName() {
        return flavor.prefix() + "token-limit";
    }

    /**
     * The policy family this limit renders as.
     *
     * @return the flavor
     */
    public LlmFlavor flavor() {
        return flavor;
    }

    @Override
    Set<PolicySection> allowedSections() {
        return PolicySection.INBOUND_ONLY;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(elementName())
                .attr("counter-key", counterKey)
                .attr("tokens-per-minute", tokensPerMinute)
                .attr("token-quota", tokenQuota)
                .attr("token-quota-period", tokenQuotaPeriod == null ? null : tokenQuotaPeriod.xmlValue())
                .attr("estimate-prompt-tokens", estimatePromptTokens)
                .attr("retry-after-header-name", retryAfterHeaderName)
                .attr("retry-after-variable-name", retryAfterVariableName)
                .attr("remaining-quota-tokens-header-name", remainingQuotaTokensHeaderName)
                .attr("remaining-quota-tokens-variable-name", remainingQuotaTokensVariableName)
                .attr("remaining-tokens-header-name", remainingTokensHeaderName)
                .attr("remaining-tokens-variable-name", remainingTokensVariableName)
                .attr("tokens-consumed-header-name", tokensConsumedHeaderName)
                .attr("tokens-consumed-variable-name", tokensConsumedVariableName)
                .build();
    }

    /** Builder; all optional attributes default to: unset. */
    public static final class Builder {
        private final LlmFlavor flavor;
        private final String counterKey;
        private Integer tokensPerMinute;
        private Long tokenQuota;
        private TokenQuotaPeriod tokenQuotaPeriod;
        private boolean estimatePromptTokens;
        private String retryAfterHeaderName;
        private String retryAfterVariableName;
        private String remainingQuotaTokensHeaderName;
        private String remainingQuotaTokensVariableName;
        private String remainingTokensHeaderName;
        private String remainingTokensVariableName;
        private String tokensConsumedHeaderName;
        private String tokensConsumedVariableName;

        private Builder(LlmFlavor flavor, String counterKey) {
            this.flavor = flavor;
            this.counterKey = counterKey;
        }

        /**
         * Sets tokens-per-minute: the most prompt plus completion tokens per minute per counter key; callers over it
         * get {@code 429 Too Many Requests}. Defaults to: unset.
         *
         * @param tokensPerMinute the limit; &gt; 0
         * @return this builder
         */
        public Builder tokensPerMinute(int tokensPerMinute) {
            this.tokensPerMinute = tokensPerMinute;
            return this;
        }

        /**
         * Sets token-quota: the most tokens per token-quota-period per counter key; callers over it get
         * {@code 403 Forbidden}. Requires {@link #tokenQuotaPeriod(TokenQuotaPeriod)}. Defaults to: unset.
         *
         * @param tokenQuota the quota; &gt; 0
         * @return this builder
         */
        public Builder tokenQuota(long tokenQuota) {
            this.tokenQuota = tokenQuota;
            return this;
        }

        /**
         * Sets token-quota-period: how often the token quota resets. Required with token-quota. Defaults to: unset.
         *
         * @param period the reset period
         * @return this builder
         */
        public Builder tokenQuotaPeriod(TokenQuotaPeriod period) {
            this.tokenQuotaPeriod = period;
            return this;
        }

        /**
         * Shorthand for {@code tokenQuota(quota).tokenQuotaPeriod(period)}.
         *
         * @param tokenQuota the most tokens per period per counter key; &gt; 0
         * @param period how often the quota resets
         * @return this builder
         */
        public Builder tokenQuota(long tokenQuota, TokenQuotaPeriod period) {
            return tokenQuota(tokenQuota).tokenQuotaPeriod(period);
        }

        /**
         * Sets estimate-prompt-tokens: when {@code true}, APIM estimates prompt tokens before calling the backend and
         * rejects requests already over the limit; when {@code false}, it counts the usage the backend reports.
         * Defaults to: {@code false}.
         *
         * @param estimate whether to estimate prompt tokens up front
         * @return this builder
         */
        public Builder estimatePromptTokens(boolean estimate) {
            this.estimatePromptTokens = estimate;
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
         * Sets remaining-quota-tokens-header-name: a response header with the tokens left in the current quota period.
         * Defaults to: unset.
         *
         * @param name the header name
         * @return this builder
         */
        public Builder remainingQuotaTokensHeaderName(String name) {
            this.remainingQuotaTokensHeaderName = name;
            return this;
        }

        /**
         * Sets remaining-quota-tokens-variable-name: the context variable that receives the tokens left in the
         * current quota period. Defaults to: unset.
         *
         * @param name the variable name
         * @return this builder
         */
        public Builder remainingQuotaTokensVariableName(String name) {
            this.remainingQuotaTokensVariableName = name;
            return this;
        }

        /**
         * Sets remaining-tokens-header-name: a response header with the tokens left in the current minute.
         * Defaults to: unset.
         *
         * @param name the header name
         * @return this builder
         */
        public Builder remainingTokensHeaderName(String name) {
            this.remainingTokensHeaderName = name;
            return this;
        }

        /**
         * Sets remaining-tokens-variable-name: the context variable that receives the tokens left in the current
         * minute. Defaults to: unset.
         *
         * @param name the variable name
         * @return this builder
         */
        public Builder remainingTokensVariableName(String name) {
            this.remainingTokensVariableName = name;
            return this;
        }

        /**
         * Sets tokens-consumed-header-name: a response header with the prompt plus completion tokens the request
         * used. Defaults to: unset.
         *
         * @param name the header name
         * @return this builder
         */
        public Builder tokensConsumedHeaderName(String name) {
            this.tokensConsumedHeaderName = name;
            return this;
        }

        /**
         * Sets tokens-consumed-variable-name: the context variable that receives the prompt plus completion tokens
         * the request used. Defaults to: unset.
         *
         * @param name the variable name
         * @return this builder
         */
        public Builder tokensConsumedVariableName(String name) {
            this.tokensConsumedVariableName = name;
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if the counter key is blank, no limit is set, a limit is not positive, or
         *         token-quota and token-quota-period are not set together
         */
        public LlmTokenLimit build() {
            return new LlmTokenLimit(this);
        }
    }
}
