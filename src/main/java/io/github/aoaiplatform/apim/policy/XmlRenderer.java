package io.github.aoaiplatform.apim.policy;

/**
 * Serializes an {@link XmlNode} tree: 4-space indentation, no XML declaration, {@code \n} line ends, trailing newline.
 *
 * <p>Hand-written because the JDK serializer used before (an identity {@code TransformerHandler}) cost about 1 ms per
 * policy document, the largest Java cost per department at synth. The output is byte for byte what that serializer
 * (openjdk 17) wrote, quirks included, so synthesized stacks do not change; {@code XmlRendererTest} proves it against
 * the JDK serializer. The quirks: an element without children or text (or with empty text) is {@code <a/>}; text-only
 * elements stay on one line whatever the text holds; {@code & < >} become entities everywhere and {@code "} only in
 * attributes; attributes write tabs and line breaks as character references, text writes only {@code \r} as one;
 * controls, lone surrogates and supplementary characters become decimal references, DEL and C1 controls only in
 * text; a high surrogate ending a value is held back and pairs with the next character written as a reference (or
 * fails the rendering, as a high surrogate not followed by a low one does).
 */
final class XmlRenderer {

    private static final int INDENT = 4;
    /** A line break and the indentation of each depth policies reach, appended as one string. */
    private static final String[] NEW_LINES = new String[16];

    static {
        for (int depth = 0; depth < NEW_LINES.length; depth++) {
            NEW_LINES[depth] = "\n" + " ".repeat(depth * INDENT);
        }
    }

    private final StringBuilder out = new StringBuilder(8192);
    /** A high surrogate that ended a value: the JDK keeps it for the next character it writes as a reference. */
    private char pendingHigh;

    private XmlRenderer() {
    }

    static String render(XmlNode root) {
        XmlRenderer renderer = new XmlRenderer();
        renderer.element(root, 0);
        return renderer.out.append('\n').toString();
    }

    private void element(XmlNode node, int depth) {
        out.append('<').append(node.name());
        for (XmlNode.Attribute attribute : node.attributes()) {
            out.append(' ').append(attribute.name()).append("=\"");
            escape(attribute.value(), true);
            out.append('"');
        }
        String text = node.text();
        if (text != null && !text.isEmpty()) {
            out.append('>');
            escape(text, false);
        } else if (node.children().isEmpty()) {
            out.append("/>");
            return;
        } else {
            out.append('>');
            for (XmlNode child : node.children()) {
                newLine(depth + 1);
                element(child, depth + 1);
            }
            newLine(depth);
        }
        out.append("</").append(node.name()).append('>');
    }

    private void newLine(int depth) {
        if (depth < NEW_LINES.length) {
            out.append(NEW_LINES[depth]);
        } else {
            out.append(NEW_LINES[NEW_LINES.length - 1]);
            for (int i = (depth - NEW_LINES.length + 1) * INDENT; i > 0; i--) {
                out.append(' ');
            }
        }
    }

    private void escape(String value, boolean attribute) {
        int length = value.length();
        int start = 0;  // first character not yet written; runs of literal characters are copied at once
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (literal(c, attribute)) {
                continue;
            }
            out.append(value, start, i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");  // literal in text, so only reached in attributes
                default -> i = reference(value, i);
            }
            start = i + 1;
        }
        if (start == 0) {
            out.append(value);  // nothing escaped: a block copy, much faster than the character loop of a range append
        } else {
            out.append(value, start, length);
        }
    }

    /** Whether the JDK writes the character as it is, without looking at a held-back high surrogate. */
    private static boolean literal(char c, boolean attribute) {
        if (c >= 0x20 && c < 0x7F) {
            return c != '&' && c != '<' && c != '>' && (c != '"' || !attribute);
        }
        if (c < 0x20) {
            return !attribute && (c == '\t' || c == '\n');
        }
        if (c <= 0x9F) {
            return attribute;
        }
        return !Character.isSurrogate(c) && (attribute || c != '\u2028');
    }

    /** Writes {@code value[i]} as the JDK's escaping path does, pairing surrogates; returns the last index used. */
    private int reference(String value, int i) {
        char c = value.charAt(i);
        if (pendingHigh != 0) {
            char high = pendingHigh;
            if (!Character.isLowSurrogate(c)) {
                throw invalidSurrogate(high, c);
            }
            pendingHigh = 0;
            characterReference(Character.toCodePoint(high, c));
            return i;
        }
        if (c == '\u2028') {
            // in text the JDK routes LINE SEPARATOR here (an XML 1.1 reference) but writes it as is for XML 1.0
            out.append(c);
            return i;
        }
        if (!Character.isHighSurrogate(c)) {
            characterReference(c);
            return i;
        }
        if (i + 1 == value.length()) {
            pendingHigh = c;
            return i;
        }
        char low = value.charAt(i + 1);
        if (!Character.isLowSurrogate(low)) {
            throw invalidSurrogate(c, low);
        }
        characterReference(Character.toCodePoint(c, low));
        return i + 1;
    }

    private void characterReference(int codePoint) {
        out.append("&#").append(codePoint).append(';');
    }

    private static IllegalStateException invalidSurrogate(char high, char next) {
        return new IllegalStateException(String.format("Could not render APIM policy XML: invalid UTF-16 surrogate pair"
                + " U+%04X U+%04X", (int) high, (int) next));
    }
}
