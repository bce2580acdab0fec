package io.github.aoaiplatform.apim.policy;

/** {@code <set-variable name="…" value="…"/>} (any section); value is a literal or a policy expression. */
public final class SetVariable extends PolicyElement {

    static final String ELEMENT = "set-variable";

    private final String name;
    private final String value;

    private SetVariable(String name, String value) {
        this.name = Checks.variableName(name, ELEMENT, "name");
        this.value = Checks.xmlSafe(value, ELEMENT, "value");
    }

    /**
     * Stores a value in a context variable, readable later as {@code context.Variables["name"]}.
     *
     * @param name the variable name; letters, digits, '.', '_' and '-' only
     * @param value a literal or a policy expression; may be empty
     * @return the policy
     */
    public static SetVariable of(String name, String value) {
        return new SetVariable(name, value);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The variable name.
     *
     * @return the name attribute
     */
    public String name() {
        return name;
    }

    /**
     * The variable value.
     *
     * @return the literal or policy expression
     */
    public String value() {
        return value;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT).attr("name", name).attr("value", value).build();
    }
}
