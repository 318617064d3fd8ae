package org.survkit.plot;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The boxes that a figure's text and legend keys take, from the SVG alone (widths by {@link TextMetrics}, height
 * the font size above the baseline and a fifth below), for tests that lay-outs do not overlap.
 */
final class TextBoxes {

    private TextBoxes() {
    }

    /** The box of a horizontal {@code <text>} (its tspans' lines each a box, merged). */
    static Rect of(Element text) {
        double size = SvgDoc.num(text, "font-size");
        boolean bold = "bold".equals(text.getAttribute("font-weight"));
        NodeList spans = text.getElementsByTagNameNS("*", "tspan");
        List<Element> lines = new ArrayList<>();
        for (int i = 0; i < spans.getLength(); i++) {
            Element s = (Element) spans.item(i);
            if (s.hasAttribute("y")) {
                lines.add(s);
            }
        }
        if (lines.isEmpty()) {
            return line(text.getTextContent(), SvgDoc.num(text, "x"), SvgDoc.num(text, "y"), size, bold,
                    text.getAttribute("text-anchor"));
        }
        Rect box = null;
        for (Element l : lines) {
            Rect r = line(l.getTextContent().strip(), SvgDoc.num(l, "x"), SvgDoc.num(l, "y"), size, bold,
                    text.getAttribute("text-anchor"));
            box = box == null ? r : new Rect(Math.min(box.x0(), r.x0()), Math.min(box.y0(), r.y0()),
                    Math.max(box.x1(), r.x1()), Math.max(box.y1(), r.y1()));
        }
        return box;
    }

    private static Rect line(String content, double x, double baseline, double size, boolean bold, String anchor) {
        double w = bold ? TextMetrics.boldWidth(content, size) : TextMetrics.width(content, size);
        double x0 = switch (anchor) {
            case "end" -> x - w;
            case "middle" -> x - w / 2;
            default -> x;
        };
        return new Rect(x0, baseline - size * 0.8, x0 + w, baseline + size * 0.2);
    }

    /** The box of a {@code <line>} (a legend key). */
    static Rect ofLine(Element line) {
        return Rect.of(SvgDoc.num(line, "x1"), SvgDoc.num(line, "y1"), SvgDoc.num(line, "x2"), SvgDoc.num(line, "y2"));
    }

    /** Boxes of every element of these classes. */
    static List<Rect> of(SvgDoc svg, String... classes) {
        List<Rect> out = new ArrayList<>();
        for (String c : classes) {
            for (Element e : svg.byClass(c)) {
                out.add(e.getLocalName().equals("line") ? ofLine(e) : of(e));
            }
        }
        return out;
    }
}
