package io.github.aoaiplatform.apim.policy;

import java.util.Set;

/**
 * {@code <forward-request>} (backend only). All attributes default to: unset (APIM defaults apply).
 */
public final class ForwardRequest extends PolicyElement {

    static final String ELEMENT = "forward-request";

    private final Integer timeoutSeconds;
    private final Boolean bufferRequestBody;
    private final Boolean bufferResponse;
    private final Boolean failOnErrorStatusCode;

    private ForwardRequest(Builder b) {
        this.timeoutSeconds = b.timeoutSeconds == null ? null
                : Checks.requireRange(b.timeoutSeconds, 0, Integer.MAX_VALUE, ELEMENT, "timeout", " seconds");
        this.bufferRequestBody = b.bufferRequestBody;
        this.bufferResponse = b.bufferResponse;
        this.failOnErrorStatusCode = b.failOnErrorStatusCode;
    }

    /**
     * Starts a builder with every attribute unset.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code <forward-request buffer-request-body="true"/>}: required for retries, which resend the body.
     *
     * @return the policy
     */
    public static ForwardRequest withBufferedRequestBody() {
        return builder().bufferRequestBody(true).build();
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * buffer-request-body, or {@code null} when unset.
     *
     * @return whether the request body is buffered for resending, or {@code null}
     */
    public Boolean bufferRequestBody() {
        return bufferRequestBody;
    }

    @Override
    Set<PolicySection> allowedSections() {
        return Set.of(PolicySection.BACKEND);
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT)
                .attr("timeout", timeoutSeconds)
                .attr("buffer-request-body", bufferRequestBody)
                .attr("buffer-response", bufferResponse)
                .attr("fail-on-error-status-code", failOnErrorStatusCode)
                .build();
    }

    /** Builder; every attribute defaults to: unset. */
    public static final class Builder {
        private Integer timeoutSeconds;
        private Boolean bufferRequestBody;
        private Boolean bufferResponse;
        private Boolean failOnErrorStatusCode;

        private Builder() {
        }

        /**
         * Sets timeout: seconds to wait for the backend's response headers before a timeout error. Defaults to: unset
         * (APIM default 300; values above 240 may not be honoured).
         *
         * @param seconds the timeout in seconds; &ge; 0
         * @return this builder
         */
        public Builder timeoutSeconds(int seconds) {
            this.timeoutSeconds = seconds;
            return this;
        }

        /**
         * Sets buffer-request-body: buffers the request body so that retries can resend it. Defaults to: unset
         * (APIM default {@code false}).
         *
         * @param buffer whether to buffer the request body
         * @return this builder
         */
        public Builder bufferRequestBody(boolean buffer) {
            this.bufferRequestBody = buffer;
            return this;
        }

        /**
         * Sets buffer-response: when {@code false}, each chunk of a chunked response (e.g. streamed completions) is
         * returned to the caller at once. Defaults to: unset (APIM default {@code true}).
         *
         * @param buffer whether to buffer response chunks
         * @return this builder
         */
        public Builder bufferResponse(boolean buffer) {
            this.bufferResponse = buffer;
            return this;
        }

        /**
         * Sets fail-on-error-status-code: when {@code true}, backend responses with status 400 to 599 run the
         * on-error section. Defaults to: unset (APIM default {@code false}).
         *
         * @param fail whether error status codes count as failures
         * @return this builder
         */
        public Builder failOnErrorStatusCode(boolean fail) {
            this.failOnErrorStatusCode = fail;
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if the timeout is negative
         */
        public ForwardRequest build() {
            return new ForwardRequest(this);
        }
    }
}
