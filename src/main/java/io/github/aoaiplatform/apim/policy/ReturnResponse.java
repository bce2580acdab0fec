package io.github.aoaiplatform.apim.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <return-response>} with {@code <set-status code reason/>}, optional {@code <set-header>}s and an optional
 * {@code <set-body>} (text or policy expression), rendered in that order. Ends the pipeline (any section).
 */
public final class ReturnResponse extends PolicyElement {

    static final String ELEMENT = "return-response";

    private final int statusCode;
    private final String reason;
    private final List<SetHeader> headers;
    private final SetBody body;

    private ReturnResponse(Builder b) {
        this.statusCode = Checks.requireRange(b.statusCode, 100, 599, ELEMENT, "code", "");
        this.reason = Checks.requireText(b.reason, ELEMENT, "reason", "pass a reason phrase, e.g. \"Internal Server Error\"");
        this.headers = List.copyOf(b.headers);
        this.body = b.body == null ? null : SetBody.of(b.body);
    }

    /**
     * Starts a builder without headers or body.
     *
     * @param statusCode the HTTP status code, 100 to 599
     * @param reason the reason phrase, e.g. {@code Internal Server Error}
     * @return a new builder
     */
    public static Builder builder(int statusCode, String reason) {
        return new Builder(statusCode, reason);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The status code of the response.
     *
     * @return the HTTP status code
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The set-body text, or {@code null} when there is no body.
     *
     * @return the body text or expression, or {@code null}
     */
    public String body() {
        return body == null ? null : body.body();
    }

    @Override
    XmlNode toNode() {
        XmlNode.Builder node = XmlNode.element(ELEMENT)
                .child(XmlNode.element("set-status").attr("code", statusCode).attr("reason", reason).build());
        for (SetHeader header : headers) {
            node.child(header.toNode());
        }
        if (body != null) {
            node.child(body.toNode());
        }
        return node.build();
    }

    /** Builder; headers append in order. Body defaults to: none. */
    public static final class Builder {
        private final int statusCode;
        private final String reason;
        private final List<SetHeader> headers = new ArrayList<>();
        private String body;

        private Builder(int statusCode, String reason) {
            this.statusCode = statusCode;
            this.reason = reason;
        }

        /**
         * Adds {@code <set-header name exists-action="override">} with the values.
         *
         * @param name the header name
         * @param values the header values, literals or policy expressions; at least one
         * @return this builder
         */
        public Builder header(String name, String... values) {
            headers.add(SetHeader.override(name, values));
            return this;
        }

        /**
         * Adds a ready-made set-header.
         *
         * @param header the header; must not be null
         * @return this builder
         */
        public Builder header(SetHeader header) {
            headers.add(Checks.requireNonNull(header, ELEMENT, "set-header"));
            return this;
        }

        /**
         * Sets the response body ({@code <set-body>}). Defaults to: none.
         *
         * @param body the body text or a policy expression, or {@code null} for no body
         * @return this builder
         */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if the status code is out of range, the reason is blank or the body is blank
         */
        public ReturnResponse build() {
            return new ReturnResponse(this);
        }
    }
}
