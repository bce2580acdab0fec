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

    public static Builder builder(LlmFlavor flavor, String counterKey) {
        return new Builder(flavor, counterKey);
    }

    @Override
    public String elementName() {
        return flavor.prefix() + "token-limit";
    }

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

        public Builder tokensPerMinute(int tokensPerMinute) {
            this.tokensPerMinute = tokensPerMinute;
            return this;
        }

        /** Requires {@link #tokenQuotaPeriod(TokenQuotaPeriod)}. */
        public Builder tokenQuota(long tokenQuota) {
            this.tokenQuota = tokenQuota;
            return this;
        }

        public Builder tokenQuotaPeriod(TokenQuotaPeriod period) {
            this.tokenQuotaPeriod = period;
            return this;
        }

        /** Shorthand for {@code tokenQuota(quota).tokenQuotaPeriod(period)}. */
        public Builder tokenQuota(long tokenQuota, TokenQuotaPeriod period) {
            return tokenQuota(tokenQuota).tokenQuotaPeriod(period);
        }

        /** Defaults to: {@code false}. */
        public Builder estimatePromptTokens(boolean estimate) {
            this.estimatePromptTokens = estimate;
            return this;
        }

        public Builder retryAfterHeaderName(String name) {
            this.retryAfterHeaderName = name;
            return this;
        }

        public Builder retryAfterVariableName(String name) {
            this.retryAfterVariableName = name;
            return this;
        }

        public Builder remainingQuotaTokensHeaderName(String name) {
            this.remainingQuotaTokensHeaderName = name;
            return this;
        }

        public Builder remainingQuotaTokensVariableName(String name) {
            this.remainingQuotaTokensVariableName = name;
            return this;
        }

        public Builder remainingTokensHeaderName(String name) {
            this.remainingTokensHeaderName = name;
            return this;
        }

        public Builder remainingTokensVariableName(String name) {
            this.remainingTokensVariableName = name;
            return this;
        }

        public Builder tokensConsumedHeaderName(String name) {
            this.tokensConsumedHeaderName = name;
            return this;
        }

        public Builder tokensConsumedVariableName(String name) {
            this.tokensConsumedVariableName = name;
            return this;
        }

        public LlmTokenLimit build() {
            return new LlmTokenLimit(this);
        }
    }
}
