package io.github.aoaiplatform.apim.policy;

/** {@code <set-body>text or policy expression</set-body>} (any section). The body must not be blank. */
public final class SetBody extends PolicyElement {

    static final String ELEMENT = "set-body";

    private final String body;

    private SetBody(String body) {
        this.body = Checks.requireText(body, ELEMENT, "body", "pass the body text or a policy expression");
    }

    /**
     * Sets the request or response body, depending on the section.
     *
     * @param body the body text or a policy expression; must not be blank
     * @return the policy
     */
    public static SetBody of(String body) {
        return new SetBody(body);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The body.
     *
     * @return the body text or policy expression
     */
    public String body() {
        return body;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT).text(body).build();
    }
}
