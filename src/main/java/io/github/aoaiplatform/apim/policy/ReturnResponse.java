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

    public static Builder builder(int statusCode, String reason) {
        return new Builder(statusCode, reason);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    public int statusCode() {
        return statusCode;
    }

    /** The set-body text, or {@code null} when there is no body. */
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

        /** Adds {@code <set-header name exists-action="override">} with the values. */
        public Builder header(String name, String... values) {
            headers.add(SetHeader.override(name, values));
            return this;
        }

        public Builder header(SetHeader header) {
            headers.add(Checks.requireNonNull(header, ELEMENT, "set-header"));
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public ReturnResponse build() {
            return new ReturnResponse(this);
        }
    }
}
