package io.github.aoaiplatform.apim.policy;

import java.util.List;

/**
 * {@code <send-request mode="new" response-variable-name="…" timeout="…" ignore-error="false">} with {@code set-url},
 * {@code set-method}, headers and a body: calls another service and keeps its response in a variable (readable as
 * {@code ((IResponse)context.Variables["name"])}). The gateway's inbound uses it to exchange tokens.
 */
public final class SendRequest extends PolicyElement {

    static final String ELEMENT = "send-request";
    /** The longest timeout APIM accepts, in seconds. */
    public static final int MAX_TIMEOUT_SECONDS = 240;

    private final String responseVariableName;
    private final String url;
    private final String method;
    private final List<SetHeader> headers;
    private final SetBody body;
    private final int timeoutSeconds;

    private SendRequest(String responseVariableName, String url, String method, List<SetHeader> headers, SetBody body, int timeoutSeconds) {
        this.responseVariableName = Checks.variableName(responseVariableName, ELEMENT, "response-variable-name");
        this.url = Checks.urlOrNamedValueOrExpression(url, ELEMENT, "set-url", true);
        this.method = Checks.httpToken(method, ELEMENT, "set-method");
        this.headers = Checks.nonNullList(headers, ELEMENT, "set-header");
        this.body = body;
        this.timeoutSeconds = Checks.requireRange(timeoutSeconds, 1, MAX_TIMEOUT_SECONDS, ELEMENT, "timeout", "seconds");
    }

    /**
     * A POST of a form ({@code application/x-www-form-urlencoded}) whose failure fails the request (ignore-error false).
     *
     * @param responseVariableName the variable that receives the response
     * @param url                  the https URL, a named value or a policy expression
     * @param form                 the form body: text or a policy expression
     * @param timeoutSeconds       1-{@value #MAX_TIMEOUT_SECONDS} seconds
     * @return the policy
     */
    public static SendRequest postForm(String responseVariableName, String url, String form, int timeoutSeconds) {
        return new SendRequest(responseVariableName, url, "POST",
                List.of(SetHeader.override("Content-Type", "application/x-www-form-urlencoded")), SetBody.of(form), timeoutSeconds);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /** @return the variable that receives the response */
    public String responseVariableName() {
        return responseVariableName;
    }

    /** @return the URL called */
    public String url() {
        return url;
    }

    @Override
    XmlNode toNode() {
        var node = XmlNode.element(ELEMENT)
                .attr("mode", "new")
                .attr("response-variable-name", responseVariableName)
                .attr("timeout", timeoutSeconds)
                .attr("ignore-error", false)
                .child(XmlNode.element("set-url").text(url).build())
                .child(XmlNode.element("set-method").text(method).build());
        headers.forEach(h -> node.child(h.toNode()));
        if (body != null) node.child(body.toNode());
        return node.build();
    }
}
