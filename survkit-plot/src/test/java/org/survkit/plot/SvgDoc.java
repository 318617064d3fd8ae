package org.survkit.plot;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A parsed SVG figure with look-ups by the {@code class} attribute, for tests (also survkit-report's,
 * through this module's test jar).
 */
public final class SvgDoc {

    final Document doc;

    private SvgDoc(Document doc) {
        this.doc = doc;
    }

    /** Parses strictly (namespace-aware, no DOCTYPE allowed); throws on any well-formedness error. */
    public static SvgDoc parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return new SvgDoc(b.parse(new InputSource(new StringReader(svg))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** All elements whose class list contains {@code cls}, in document order. */
    public List<Element> byClass(String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (Arrays.asList(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    public List<Element> byClass(String cls, String group) {
        return byClass(cls).stream().filter(e -> e.getAttribute("data-group").equals(group)).toList();
    }

    /** Elements with this local name anywhere in the document. */
    int countTag(String name) {
        return doc.getElementsByTagNameNS("*", name).getLength();
    }

    /** The concatenated text of every {@code <text>} element. */
    String allText() {
        StringBuilder b = new StringBuilder();
        NodeList t = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < t.getLength(); i++) {
            b.append(t.item(i).getTextContent()).append('\n');
        }
        return b.toString();
    }

    static double num(Element e, String attr) {
        return Double.parseDouble(e.getAttribute(attr));
    }

    /** Linear map from data value to the tick's coordinate, fitted through the first and last tick of {@code tickClass}. */
    Scale axis(String tickClass, String coordinate) {
        List<Element> ticks = byClass(tickClass);
        Element a = ticks.get(0);
        Element b = ticks.get(ticks.size() - 1);
        double va = Double.parseDouble(a.getAttribute("data-value"));
        double vb = Double.parseDouble(b.getAttribute("data-value"));
        return Scale.linear(va, vb, num(a, coordinate), num(b, coordinate));
    }

    private static final Pattern TOKEN = Pattern.compile("[MmHhVvLlZz]|-?[0-9]*\\.?[0-9]+");

    /** The vertices of a path made of M, L, H, V (absolute or relative) and Z commands. */
    static List<double[]> vertices(String d) {
        Matcher m = TOKEN.matcher(d);
        List<String> tok = new ArrayList<>();
        while (m.find()) {
            tok.add(m.group());
        }
        List<double[]> out = new ArrayList<>();
        double x = 0;
        double y = 0;
        for (int i = 0; i < tok.size(); ) {
            String c = tok.get(i++);
            switch (c) {
                case "M", "L" -> {
                    x = Double.parseDouble(tok.get(i++));
                    y = Double.parseDouble(tok.get(i++));
                }
                case "H" -> x = Double.parseDouble(tok.get(i++));
                case "V" -> y = Double.parseDouble(tok.get(i++));
                case "h" -> x += Double.parseDouble(tok.get(i++));
                case "v" -> y += Double.parseDouble(tok.get(i++));
                case "Z", "z" -> {
                    continue;
                }
                default -> throw new AssertionError("unexpected path token " + c + " in " + d);
            }
            out.add(new double[] {x, y});
        }
        return out;
    }

    /** How many times a command letter occurs in path data. */
    static int commands(String d, char command) {
        int n = 0;
        for (int i = 0; i < d.length(); i++) {
            n += d.charAt(i) == command ? 1 : 0;
        }
        return n;
    }
}
