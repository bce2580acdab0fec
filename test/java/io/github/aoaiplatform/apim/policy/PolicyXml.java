package io.github.aoaiplatform.apim.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Test helper: parses rendered XML with standard JDK parsers and queries it with XPath. */
final class PolicyXml {

    private PolicyXml() {
    }

    /** Parses strictly (fails on any well-formedness error). */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("Rendered XML is not well-formed: " + e.getMessage() + "\n" + xml, e);
        }
    }

    static List<Element> elements(Document doc, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newDefaultInstance().newXPath()
                    .evaluate(xpath, doc, XPathConstants.NODESET);
            List<Element> result = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                result.add((Element) nodes.item(i));
            }
            return result;
        } catch (Exception e) {
            throw new AssertionError("XPath failed: " + xpath, e);
        }
    }

    /** The single element matching {@code xpath}. */
    static Element element(Document doc, String xpath) {
        List<Element> found = elements(doc, xpath);
        assertThat(found).as("elements matching %s", xpath).hasSize(1);
        return found.get(0);
    }

    /** Attribute value; fails if the attribute is absent. */
    static String attr(Document doc, String xpath, String attribute) {
        Element element = element(doc, xpath);
        assertThat(element.hasAttribute(attribute)).as("%s has attribute %s", xpath, attribute).isTrue();
        return element.getAttribute(attribute);
    }

    static List<String> texts(Document doc, String xpath) {
        List<String> texts = new ArrayList<>();
        for (Element element : elements(doc, xpath)) {
            texts.add(element.getTextContent());
        }
        return texts;
    }

    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                names.add(child.getNodeName());
            }
        }
        return names;
    }

    /**
     * Attribute names of the first element named {@code elementName}, in document order. DOM sorts attributes,
     * so this uses StAX, which reports them as written.
     */
    static List<String> attributeOrder(String xml, String elementName) {
        try {
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals(elementName)) {
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        names.add(reader.getAttributeLocalName(i));
                    }
                    return names;
                }
            }
        } catch (Exception e) {
            throw new AssertionError("StAX parse failed", e);
        }
        throw new AssertionError("element " + elementName + " not found in\n" + xml);
    }

    /** Renders {@code element} inside the given section of an otherwise empty document and parses it. */
    static Document renderIn(PolicySection section, PolicyElement element) {
        return parse(PolicyDocument.builder().add(section, element).build().toXml());
    }

    /** Renders in inbound and parses. */
    static Document inbound(PolicyElement element) {
        return renderIn(PolicySection.INBOUND, element);
    }
}
