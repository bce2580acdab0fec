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
 * The renderer {@link XmlRenderer} replaced, kept as the oracle for {@link XmlRendererTest}: the JDK's own serializer
 * (SAX events into an identity transformer) with the settings the library used, 4-space indentation, no XML declaration,
 * {@code \n} line ends.
 */
final class JdkXmlOracle {

    private JdkXmlOracle() {
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
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
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
