package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The flow diagram shows every count and reason in full, inside its box, boxes apart. */
class FlowDiagramTest {

    private static String text(SvgDoc d, String boxClass) {
        StringBuilder sb = new StringBuilder();
        for (Element g : d.byClass(boxClass)) {
            var texts = g.getElementsByTagNameNS("*", "text");
            for (int i = 0; i < texts.getLength(); i++) {
                sb.append(texts.item(i).getTextContent()).append(' ');
            }
            sb.append('|');
        }
        return sb.toString();
    }

    private static double attr(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    @Test
    void everyBoxHasItsCountAndEveryReasonIsShownInFull() {
        SvgDoc d = SvgDoc.parse(Examples.strobeFlow().svg());
        String main = text(d, "main-box");
        assertThat(main).contains("Rows in cohort.csv (n = 120)").contains("Eligible (n = 106)")
                .contains("Analysed (n = 100)");
        String side = text(d, "exclusion-box").replaceAll("\\s+", " ");
        assertThat(side).contains("Excluded by the eligibility criteria (n = 14)").contains("younger than 18 (n = 5)")
                .contains("metastatic disease at inclusion, or a second primary tumour diagnosed within five years"
                        + " before the start of treatment (n = 7)")
                .contains("Excluded for missing or invalid data (n = 6)").doesNotContain("\u2026");
        // a word wider than the box is broken, not cut: its pieces put together give it back
        assertThat(side.replace(" ", "")).contains("no_group_rule_applies_and_no_otherwise_label_anywhere_in_the_study"
                + "(n=2)");
        assertThat(text(d, "group-box")).contains("Triple negative (n = 48)");
    }

    @Test
    void linesStayInsideTheirBoxesAndBoxesDoNotOverlap() {
        for (FlowDiagram f : List.of(Examples.strobeFlow(), Examples.manyGroupsFlow(),
                Examples.strobeFlow().withWidth(85))) {
            SvgDoc d = SvgDoc.parse(f.svg());
            List<Rect> boxes = new ArrayList<>();
            for (String cls : List.of("main-box", "exclusion-box", "group-box")) {
                for (Element g : d.byClass(cls)) {
                    Element r = (Element) g.getElementsByTagNameNS("*", "rect").item(0);
                    Rect box = Rect.sized(attr(r, "x"), attr(r, "y"), attr(r, "width"), attr(r, "height"));
                    var texts = g.getElementsByTagNameNS("*", "text");
                    for (int i = 0; i < texts.getLength(); i++) {
                        Element t = (Element) texts.item(i);
                        String s = t.getTextContent();
                        boolean bold = t.getFirstChild() instanceof Element span
                                && "bold".equals(span.getAttribute("font-weight"));
                        double w = bold ? TextMetrics.boldWidth(s, 8) : TextMetrics.width(s, 8);
                        double x = attr(t, "x");
                        double x0 = "middle".equals(t.getAttribute("text-anchor")) ? x - w / 2 : x;
                        double y = attr(t, "y");
                        assertThat(box.contains(Rect.of(x0, y - 6, x0 + w, y + 2))).as(cls + ": " + s).isTrue();
                    }
                    for (Rect other : boxes) {
                        assertThat(other.intersects(box)).as(cls).isFalse();
                    }
                    boxes.add(box);
                }
            }
            assertThat(boxes).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void manyGroupsGoOnSeveralRows() {
        SvgDoc d = SvgDoc.parse(Examples.manyGroupsFlow().svg());
        List<Element> groups = d.byClass("group-box");
        assertThat(groups).hasSize(9);
        assertThat(text(d, "group-box")).contains("Centre 4 (university hospital) (n = 13)");
        long rows = groups.stream().map(g -> ((Element) g.getElementsByTagNameNS("*", "rect").item(0))
                .getAttribute("y")).distinct().count();
        assertThat(rows).isEqualTo(2);
    }

    @Test
    void aDiagramEndsWithABoxOfTheMainColumn() {
        FlowDiagram f = FlowDiagram.start("Rows", 3).exclusion("Excluded", List.of(new FlowDiagram.Count("x", 1)));
        assertThatThrownBy(f::svg).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FlowDiagram.Count("x", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlowDiagram.Count("x", 1, "red")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textFromTheDataIsEscaped() {
        String svg = FlowDiagram.start("Rows in <a&b>.csv", 2).then("Analysed", 2)
                .withGroups(List.of(new FlowDiagram.Count("<script>alert(1)</script>", 2))).svg();
        SvgDoc.parse(svg);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
    }
}
