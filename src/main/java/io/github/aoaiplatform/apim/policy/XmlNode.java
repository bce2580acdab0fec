package io.github.aoaiplatform.apim.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Internal, immutable element tree produced by {@link PolicyElement}s and serialized by {@link XmlRenderer}.
 * Attributes keep the order in which the owning policy element defines them. Element and attribute names are plain
 * ASCII XML names without a colon ({@code [A-Za-z_][A-Za-z0-9._-]*}): the renderer writes names as they are, and
 * prefixed names such as {@code xml:space} would change how the JDK serializer it matches indents.
 */
final class XmlNode {

    /** One attribute, in definition order. */
    record Attribute(String name, String value) { }

    private final String name;
    private final List<Attribute> attributes;
    private final List<XmlNode> children;
    private final String text;

    private XmlNode(Builder builder) {
        this.name = builder.name;
        this.attributes = List.copyOf(builder.attributes);
        this.children = List.copyOf(builder.children);
        this.text = builder.text;
        if (text != null && !children.isEmpty()) {
            throw new IllegalStateException("<" + name + "> cannot have both text and child elements");
        }
    }

    static Builder element(String name) {
        return new Builder(name);
    }

    String name() {
        return name;
    }

    List<Attribute> attributes() {
        return attributes;
    }

    List<XmlNode> children() {
        return children;
    }

    /** Text content, or {@code null} when the element has no text. */
    String text() {
        return text;
    }

    static final class Builder {
        private final String name;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<XmlNode> children = new ArrayList<>();
        private String text;

        private Builder(String name) {
            this.name = checkName(name);
        }

        /** Adds the attribute unless {@code value} is null (unset optional attributes are omitted). */
        Builder attr(String attributeName, String value) {
            checkName(attributeName);
            if (value != null) {
                for (Attribute existing : attributes) {
                    if (existing.name().equals(attributeName)) {
                        throw new IllegalStateException("<" + name + "> attribute '" + attributeName + "' set twice");
                    }
                }
                attributes.add(new Attribute(attributeName, value));
            }
            return this;
        }

        Builder attr(String attributeName, Number value) {
            return attr(attributeName, value == null ? null : value.toString());
        }

        Builder attr(String attributeName, Boolean value) {
            return attr(attributeName, value == null ? null : (value ? "true" : "false"));
        }

        Builder child(XmlNode child) {
            children.add(child);
            return this;
        }

        Builder children(Collection<XmlNode> nodes) {
            children.addAll(nodes);
            return this;
        }

        /** Adds {@code <childName>text</childName>} for every value, in order. */
        Builder textChildren(String childName, Collection<String> values) {
            for (String value : values) {
                children.add(element(childName).text(value).build());
            }
            return this;
        }

        Builder text(String value) {
            this.text = value;
            return this;
        }

        XmlNode build() {
            return new XmlNode(this);
        }
    }

    private static String checkName(String name) {
        boolean valid = !name.isEmpty() && !isDigitDotOrHyphen(name.charAt(0));
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || isDigitDotOrHyphen(c);
        }
        if (!valid) {
            throw new IllegalStateException("'" + name + "' is not a plain XML name ([A-Za-z_][A-Za-z0-9._-]*)");
        }
        return name;
    }

    private static boolean isDigitDotOrHyphen(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '-';
    }
}
