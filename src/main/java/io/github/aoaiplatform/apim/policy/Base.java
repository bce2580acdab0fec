package io.github.aoaiplatform.apim.policy;

/** {@code <base />}: runs the policies of the enclosing (parent) scope at this position. */
public final class Base extends PolicyElement {

    /** The only instance. */
    public static final Base INSTANCE = new Base();

    private Base() {
    }

    @Override
    public String elementName() {
        return "base";
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element("base").build();
    }
}
