package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.core.PropsCheck;

/**
 * The inputs of an {@link LlmLogging}.
 *
 * @param api            the API whose prompts and completions are logged. Required.
 * @param maxSizeInBytes largest prompt or completion logged per message, 1-{@value LlmLogging#MAX_BYTES}; Defaults to:
 *                       {@value LlmLogging#MAX_BYTES}.
 * @param azapi          the azapi provider (azurerm cannot express the {@code largeLanguageModel} block). Required.
 */
public record LlmLoggingProps(OpenAiApi api, Integer maxSizeInBytes, TerraformProvider azapi) {
    /**
     * Validates every field and fills defaults; see the record's components.
     *
     * @param api see {@link #api()}
     * @param maxSizeInBytes see {@link #maxSizeInBytes()}
     * @param azapi see {@link #azapi()}
     */
    public LlmLoggingProps {
        PropsCheck check = PropsCheck.of("LlmLoggingProps");
        check.require("api", api);
        maxSizeInBytes = maxSizeInBytes == null ? LlmLogging.MAX_BYTES : maxSizeInBytes;
        check.between("maxSizeInBytes", maxSizeInBytes, 1, LlmLogging.MAX_BYTES);
        check.require("azapi", azapi);
        check.throwIfAny();
    }

    /** @return a builder for {@link LlmLoggingProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link LlmLoggingProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private OpenAiApi api;
        private Integer maxSizeInBytes;
        private TerraformProvider azapi;

        private Builder() {}

        /**
         * Sets {@link LlmLoggingProps#api()}.
         *
         * @param api the value
         * @return this builder
         */
        public Builder api(OpenAiApi api) { this.api = api; return this; }

        /**
         * Sets {@link LlmLoggingProps#maxSizeInBytes()}.
         *
         * @param maxSizeInBytes the value
         * @return this builder
         */
        public Builder maxSizeInBytes(Integer maxSizeInBytes) { this.maxSizeInBytes = maxSizeInBytes; return this; }

        /**
         * Sets {@link LlmLoggingProps#azapi()}.
         *
         * @param azapi the value
         * @return this builder
         */
        public Builder azapi(TerraformProvider azapi) { this.azapi = azapi; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public LlmLoggingProps build() { return new LlmLoggingProps(api, maxSizeInBytes, azapi); }
    }
}
