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

    public static Builder builder() {
        return new Builder();
    }

    /** {@code <forward-request buffer-request-body="true"/>}: required for retries, which resend the body. */
    public static ForwardRequest withBufferedRequestBody() {
        return builder().bufferRequestBody(true).build();
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /** buffer-request-body, or {@code null} when unset. */
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

        public Builder timeoutSeconds(int seconds) {
            this.timeoutSeconds = seconds;
            return this;
        }

        public Builder bufferRequestBody(boolean buffer) {
            this.bufferRequestBody = buffer;
            return this;
        }

        public Builder bufferResponse(boolean buffer) {
            this.bufferResponse = buffer;
            return this;
        }

        public Builder failOnErrorStatusCode(boolean fail) {
            this.failOnErrorStatusCode = fail;
            return this;
        }

        public ForwardRequest build() {
            return new ForwardRequest(this);
        }
    }
}
