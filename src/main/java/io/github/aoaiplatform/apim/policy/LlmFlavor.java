package io.github.aoaiplatform.apim.policy;

/**
 * Which family of APIM AI-gateway policies to render: {@code azure-openai-*} (Azure OpenAI APIs) or
 * {@code llm-*} (OpenAI-compatible / Azure AI Model Inference APIs).
 */
public enum LlmFlavor {
    /** {@code azure-openai-*} policies, for Azure OpenAI APIs. */
    AZURE_OPENAI("azure-openai-"),
    /** {@code llm-*} policies, for OpenAI-compatible and Azure AI Model Inference APIs. */
    LLM("llm-");

    private final String prefix;

    LlmFlavor(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Element-name prefix, e.g. {@code azure-openai-}.
     *
     * @return the prefix, ending with a hyphen
     */
    public String prefix() {
        return prefix;
    }
}
