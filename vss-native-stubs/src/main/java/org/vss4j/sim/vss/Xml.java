package org.vss4j.sim.vss;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Small DOM helpers for the simulator's XML documents (JDK only). */
final class Xml {

    private Xml() {
    }

    static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@code xml}; null if it is not well-formed. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = f.newDocumentBuilder();
            // Malformed input is an expected answer (VSS_E_INVALID_XML_DOCUMENT), not something to print on stderr.
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            return null;
        }
    }

    static String write(Document d) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(d), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Element child(Node parent, String name) {
        Element e = parent.getOwnerDocument() == null ? ((Document) parent).createElement(name)
                : parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    /** Sets {@code name} unless {@code value} is null. */
    static void attr(Element e, String name, Object value) {
        if (value != null) {
            e.setAttribute(name, value.toString());
        }
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    static boolean isYes(Element e, String name) {
        return "yes".equals(e.getAttribute(name));
    }

    /** The attribute, or null when absent. */
    static String get(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The child elements of {@code parent} in document order, whatever their tag. */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element first(Element parent, String name) {
        List<Element> l = children(parent, name);
        return l.isEmpty() ? null : l.get(0);
    }
}
