package io.github.aoaiplatform.apim.policy;

import static io.github.aoaiplatform.apim.policy.PolicyXml.attr;
import static io.github.aoaiplatform.apim.policy.PolicyXml.element;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

class LlmTokenLimitTest {

    static final String KEY = "@(context.Subscription.Id)";

    @ParameterizedTest
    @CsvSource({"AZURE_OPENAI, azure-openai-token-limit", "LLM, llm-token-limit"})
    void flavorSelectsElementName(LlmFlavor flavor, String elementName) {
        LlmTokenLimit limit = LlmTokenLimit.builder(flavor, KEY).tokensPerMinute(1000).build();
        assertThat(limit.elementName()).isEqualTo(elementName);
        Document doc = PolicyXml.inbound(limit);
        assertThat(attr(doc, "/policies/inbound/" + elementName, "counter-key")).isEqualTo(KEY);
        assertThat(attr(doc, "/policies/inbound/" + elementName, "tokens-per-minute")).isEqualTo("1000");
        assertThat(attr(doc, "/policies/inbound/" + elementName, "estimate-prompt-tokens")).isEqualTo("false");
    }

    @Test
    void rendersAllAttributesInDocumentedOrder() {
        LlmTokenLimit limit = LlmTokenLimit.builder(LlmFlavor.AZURE_OPENAI, KEY)
                .tokensPerMinute(5000)
                .tokenQuota(1_000_000L)
                .tokenQuotaPeriod(TokenQuotaPeriod.WEEKLY)
                .estimatePromptTokens(true)
                .retryAfterHeaderName("Retry-After")
                .retryAfterVariableName("retryAfter")
                .remainingQuotaTokensHeaderName("x-quota-remaining")
                .remainingQuotaTokensVariableName("quotaRemaining")
                .remainingTokensHeaderName("x-tokens-remaining")
                .remainingTokensVariableName("tokensRemaining")
                .tokensConsumedHeaderName("x-tokens-consumed")
                .tokensConsumedVariableName("tokensConsumed")
                .build();
        String xml = PolicyDocument.builder().inbound(limit).build().toXml();
        assertThat(PolicyXml.attributeOrder(xml, "azure-openai-token-limit")).containsExactly(
                "counter-key", "tokens-per-minute", "token-quota", "token-quota-period", "estimate-prompt-tokens",
                "retry-after-header-name", "retry-after-variable-name", "remaining-quota-tokens-header-name",
                "remaining-quota-tokens-variable-name", "remaining-tokens-header-name", "remaining-tokens-variable-name",
                "tokens-consumed-header-name", "tokens-consumed-variable-name");
        Document doc = PolicyXml.parse(xml);
        String path = "/policies/inbound/azure-openai-token-limit";
        assertThat(attr(doc, path, "token-quota")).isEqualTo("1000000");
        assertThat(attr(doc, path, "token-quota-period")).isEqualTo("Weekly");
        assertThat(attr(doc, path, "estimate-prompt-tokens")).isEqualTo("true");
        assertThat(attr(doc, path, "tokens-consumed-variable-name")).isEqualTo("tokensConsumed");
    }

    @Test
    void quotaOnlyOmitsTokensPerMinute() {
        Document doc = PolicyXml.inbound(LlmTokenLimit.builder(LlmFlavor.LLM, KEY)
                .tokenQuota(100, TokenQuotaPeriod.HOURLY).build());
        assertThat(element(doc, "/policies/inbound/llm-token-limit").hasAttribute("tokens-per-minute")).isFalse();
        assertThat(attr(doc, "/policies/inbound/llm-token-limit", "token-quota-period")).isEqualTo("Hourly");
    }

    @Test
    void failsOnTokenQuotaWithoutPeriod() {
        assertThatThrownBy(() -> LlmTokenLimit.builder(LlmFlavor.AZURE_OPENAI, KEY).tokenQuota(1000L).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'token-quota-period'")
                .hasMessageContaining("azure-openai-token-limit");
    }

    @Test
    void failsOnPeriodWithoutTokenQuota() {
        assertThatThrownBy(() -> LlmTokenLimit.builder(LlmFlavor.LLM, KEY).tokensPerMinute(1)
                .tokenQuotaPeriod(TokenQuotaPeriod.DAILY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'token-quota-period'")
                .hasMessageContaining("llm-token-limit");
    }

    @Test
    void failsWithoutTokensPerMinuteOrQuota() {
        assertThatThrownBy(() -> LlmTokenLimit.builder(LlmFlavor.LLM, KEY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tokens-per-minute'")
                .hasMessageContaining("'token-quota'");
    }

    @Test
    void failsOnZeroTokensPerMinute() {
        assertThatThrownBy(() -> LlmTokenLimit.builder(LlmFlavor.LLM, KEY).tokensPerMinute(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tokens-per-minute'");
    }

    @Test
    void failsOnNegativeTokenQuota() {
        assertThatThrownBy(() -> LlmTokenLimit.builder(LlmFlavor.LLM, KEY).tokenQuota(-5, TokenQuotaPeriod.DAILY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'token-quota'");
    }

    @Test
    void failsOnBlankCounterKey() {
        assertThatThrownBy(() -> LlmTokenLimit.builder(LlmFlavor.AZURE_OPENAI, "").tokensPerMinute(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'counter-key'");
    }
}
