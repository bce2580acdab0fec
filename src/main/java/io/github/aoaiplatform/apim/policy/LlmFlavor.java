package io.github.aoaiplatform.apim.policy;

/**
 * Which family of APIM AI-gateway policies to render: {@code azure-openai-*} (Azure OpenAI APIs) or
 * {@code llm-*} (OpenAI-compatible / Azure AI Model Inference APIs).
 */
public enum LlmFlavor {
    AZURE_OPENAI("azure-openai-"),
    LLM("llm-");

    private final String prefix;

    LlmFlavor(String prefix) {
        this.prefix = prefix;
    }

    /** Element-name prefix, e.g. {@code azure-openai-}. */
    public String prefix() {
        return prefix;
    }
}
