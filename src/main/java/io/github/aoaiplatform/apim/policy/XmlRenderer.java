package io.github.aoaiplatform.apim.policy;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;
import javax.xml.transform.stream.StreamResult;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Serializes an {@link XmlNode} tree with the JDK's XML serializer (SAX events into an identity transformer).
 *
 * <p>The JDK serializer performs all escaping ({@code & < > "} and line breaks/tabs inside attribute values).
 * SAX events are used rather than a DOM tree because DOM attribute maps are sorted alphabetically, which would
 * lose the attribute order each policy element defines. Output: 4-space indentation, no XML declaration,
 * {@code \n} line endings on every platform, trailing newline.
 */
final class XmlRenderer {

    static final int INDENT = 4;

    private XmlRenderer() {
    }

    static String render(XmlNode root) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            if (!factory.getFeature(SAXTransformerFactory.FEATURE)) {
                throw new IllegalStateException("The JDK TransformerFactory does not support SAX sources");
            }
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            TransformerHandler handler = ((SAXTransformerFactory) factory).newTransformerHandler();
            Transformer transformer = handler.getTransformer();
            transformer.setOutputProperty(OutputKeys.METHOD, "xml");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", Integer.toString(INDENT));
            StringWriter out = new StringWriter();
            handler.setResult(new StreamResult(out));
            handler.startDocument();
            write(handler, root);
            handler.endDocument();
            String xml = out.toString();
            String separator = System.lineSeparator();
            // Raw line separators only come from indentation or text newlines; a CR in text is escaped as &#13;.
            return "\n".equals(separator) ? xml : xml.replace(separator, "\n");
        } catch (TransformerConfigurationException | SAXException e) {
            throw new IllegalStateException("Could not render APIM policy XML: " + e.getMessage(), e);
        }
    }

    private static void write(TransformerHandler handler, XmlNode node) throws SAXException {
        AttributesImpl attributes = new AttributesImpl();
        for (XmlNode.Attribute attribute : node.attributes()) {
            attributes.addAttribute("", attribute.name(), attribute.name(), "CDATA", attribute.value());
        }
        handler.startElement("", node.name(), node.name(), attributes);
        if (node.text() != null) {
            char[] chars = node.text().toCharArray();
            handler.characters(chars, 0, chars.length);
        }
        for (XmlNode child : node.children()) {
            write(handler, child);
        }
        handler.endElement("", node.name(), node.name());
    }
}
