package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalCurve;
import org.w3c.dom.Element;

/** The competing-risks figure on R's pbc (status 0 censored, 1 transplant, 2 death; trt 1/2, complete cases). */
class CumulativeIncidencePlotTest {
    private static final Datasets.Table PBC = Datasets.read("pbc", "time", "status", "trt");

    private static CumulativeIncidenceResult fit(boolean groups) {
        return CumulativeIncidence.withDefaults().fit(PBC.number("time"), PBC.number("status"), 0,
                groups ? PBC.text("trt") : null, null);
    }

    private static CumulativeIncidencePlot plot() {
        return CumulativeIncidencePlot.of(fit(true)).withCauseLabels(Map.of("1", "Transplant", "2", "Death"))
                .withGroupLabels(Map.of("1", "D-penicillamine", "2", "Placebo")).withTimeUnit("days");
    }

    @Test
    void onePanelPerGroupWithAStackedBandPerCause() {
        SvgDoc svg = SvgDoc.parse(plot().svg());
        assertThat(svg.doc.getDocumentElement().getAttribute("width")).isEqualTo("170mm");
        assertThat(svg.byClass("cif-panel")).extracting(e -> e.getAttribute("data-group")).containsExactly("1", "2");
        assertThat(svg.byClass("panel-title")).extracting(Element::getTextContent)
                .containsExactly("D-penicillamine", "Placebo");
        assertThat(svg.byClass("cif-area")).hasSize(4);
        assertThat(svg.byClass("cif-curve")).isEmpty();
        // R 4.2.2 cmprsk 2.2-11: cuminc(pbc$time, pbc$status, pbc$trt)$Tests: p 0.889 (transplant), 0.796 (death)
        assertThat(svg.byClass("legend-label")).extracting(Element::getTextContent)
                .containsExactly("Transplant (Gray p = 0.889)", "Death (Gray p = 0.796)");
    }

    /** One column wide (85 mm, laid out on 97 mm): the legend wraps and one time axis title serves both panels. */
    @Test
    void aNarrowFigureWrapsItsLegendAndSharesTheTimeAxisTitle() {
        CumulativeIncidencePlot p = plot().withCauseLabels(Map.of("1", "Liver transplantation",
                "2", "Death from any cause")).withTimeLabel("Days since randomisation to D-penicillamine");
        SvgDoc svg = SvgDoc.parse(FigureSize.ofWidth(85).svg(p));
        double viewWidth = Double.parseDouble(svg.doc.getDocumentElement().getAttribute("viewBox").split(" ")[2]);
        List<Element> labels = svg.byClass("legend-label");
        assertThat(labels).hasSize(2);
        // the second entry starts a new line, at the first one's x
        assertThat(SvgDoc.num(labels.get(1), "y")).isGreaterThan(SvgDoc.num(labels.get(0), "y"));
        assertThat(SvgDoc.num(labels.get(1), "x")).isEqualTo(SvgDoc.num(labels.get(0), "x"));
        for (Element l : labels) {
            assertThat(SvgDoc.num(l, "x") + TextMetrics.width(l.getTextContent(), 8)).isLessThan(viewWidth);
        }
        assertThat(svg.byClass("axis-title")).extracting(Element::getTextContent).containsOnlyOnce(
                "Days since randomisation to D-penicillamine");
        // at full width the same figure keeps a title under each panel and the legend on one line
        SvgDoc wide = SvgDoc.parse(plot().withTimeLabel("Days").svg());
        assertThat(wide.byClass("axis-title")).extracting(Element::getTextContent).containsExactly(
                "Cumulative incidence (stacked)", "Days", "Days");
        assertThat(SvgDoc.num(wide.byClass("legend-label").get(1), "y")).isEqualTo(SvgDoc.num(wide.byClass(
                "legend-label").get(0), "y"));
    }

    /** The top of the stacked bands at each group's last follow-up is 1 − Kaplan–Meier of any event there. */
    @Test
    void stackedTopIsOneMinusKaplanMeierOfAnyEvent() {
        SvgDoc svg = SvgDoc.parse(plot().svg());
        double y0 = tickY(svg, "0");
        double y1 = tickY(svg, "1");
        boolean[] any = new boolean[PBC.rows().size()];
        double[] status = PBC.number("status");
        for (int i = 0; i < any.length; i++) {
            any[i] = status[i] != 0;
        }
        List<GroupCurve> km = KaplanMeier.withDefaults().withTimeFix(false).fit(PBC.number("time"), any,
                PBC.text("trt"));
        for (GroupCurve gc : km) {
            SurvivalCurve s = gc.curve();
            Element top = svg.byClass("cif-area", gc.group()).stream()
                    .filter(e -> e.getAttribute("data-cause").equals("2")).findFirst().orElseThrow();
            double yTop = lastUpperY(top.getAttribute("d"));
            double value = (yTop - y0) / (y1 - y0);
            assertThat(value).as("group " + gc.group()).isCloseTo(1 - s.survival()[s.size() - 1], within(1e-3));
        }
    }

    @Test
    void unstackedDrawsOneStepLinePerCause() {
        SvgDoc svg = SvgDoc.parse(plot().withStacked(false).svg());
        assertThat(svg.byClass("cif-curve")).hasSize(4);
        assertThat(svg.byClass("cif-area")).isEmpty();
        assertThat(svg.byClass("axis-title")).extracting(Element::getTextContent).contains("Cumulative incidence");
    }

    @Test
    void withoutGroupsThereIsOnePanelAndNoTest() {
        SvgDoc svg = SvgDoc.parse(CumulativeIncidencePlot.of(fit(false)).svg());
        assertThat(svg.byClass("cif-panel")).hasSize(1);
        assertThat(svg.byClass("panel-title")).isEmpty();
        assertThat(svg.byClass("legend-label")).extracting(Element::getTextContent).containsExactly("Cause 1", "Cause 2");
    }

    @Test
    void rendersAsPng() {
        byte[] png = plot().png(72);
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    private static double tickY(SvgDoc svg, String value) {
        return svg.byClass("y-tick").stream().filter(e -> e.getAttribute("data-value").equals(value)).findFirst()
                .map(e -> SvgDoc.num(e, "y1")).orElseThrow();
    }

    /** The y of the band's upper edge just before it turns down at the right end (the last V before the first H-V-H… descent). */
    private static double lastUpperY(String d) {
        Matcher m = Pattern.compile("([MHVZ])([^MHVZ]*)").matcher(d);
        List<String[]> cmds = new ArrayList<>();
        while (m.find()) {
            cmds.add(new String[] {m.group(1), m.group(2).trim()});
        }
        // forward part: M, then (H, V) pairs, then H end, V down: the upper edge's last value is the V before "H end"
        double last = Double.NaN;
        for (int i = 1; i + 1 < cmds.size(); i++) {
            if (cmds.get(i)[0].equals("V")) {
                last = Double.parseDouble(cmds.get(i)[1]);
            }
            if (cmds.get(i)[0].equals("H") && cmds.get(i + 1)[0].equals("V")
                    && i + 2 < cmds.size() && cmds.get(i + 2)[0].equals("H")
                    && Double.parseDouble(cmds.get(i + 2)[1]) < Double.parseDouble(cmds.get(i)[1])) {
                return last;
            }
        }
        throw new AssertionError("no descent in " + d);
    }
    /** The causes in a chosen order (the first stacked from the axis) and numbers at risk under each panel. */
    @Test
    void causeOrderAndNumbersAtRisk() {
        boolean[] any = new boolean[PBC.rows().size()];
        double[] status = PBC.number("status");
        for (int i = 0; i < any.length; i++) {
            any[i] = status[i] != 0;
        }
        List<GroupCurve> km = KaplanMeier.withDefaults().fit(PBC.number("time"), any, PBC.text("trt"));
        SvgDoc svg = SvgDoc.parse(plot().withCauseOrder(2, 1).withRiskTable(km).svg());
        assertThat(svg.byClass("legend-label")).extracting(Element::getTextContent)
                .containsExactly("Death (Gray p = 0.796)", "Transplant (Gray p = 0.889)");
        assertThat(svg.byClass("cif-area", "1")).extracting(e -> e.getAttribute("data-cause")).containsExactly("2",
                "1");
        for (GroupCurve gc : km) {
            List<Element> cells = svg.byClass("risk-cell", gc.group());
            assertThat(cells).isNotEmpty();
            for (Element c : cells) {
                double t = Double.parseDouble(c.getAttribute("data-time"));
                assertThat((double) Integer.parseInt(c.getTextContent())).isEqualTo(gc.curve().at(t).get(0).nRisk());
            }
        }
        // trt 1: 158 patients, 2: 154 (R: table(pbc$trt))
        assertThat(svg.byClass("risk-cell", "1").get(0).getTextContent()).isEqualTo("158");
        assertThat(svg.byClass("risk-cell", "2").get(0).getTextContent()).isEqualTo("154");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plot().withCauseOrder(2)).isInstanceOf(
                IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plot().withRiskTable(km.subList(0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesOfCausesThatPrintAsOneGreyGetLineTypesInCurvesAndLegend() {
        // Okabe-Ito blue and vermillion: grey levels 0.37 and 0.44
        SvgDoc lines = SvgDoc.parse(plot().withStacked(false).svg());
        List<String> curves = LineTypesTest.dashes(lines, "cif-curve");
        assertThat(curves).containsOnly("solid", LineType.DASHED.dashArray()).contains(LineType.DASHED.dashArray());
        assertThat(LineTypesTest.dashes(lines, "legend-key")).containsExactly("solid", LineType.DASHED.dashArray());
        assertThat(LineTypesTest.dashes(SvgDoc.parse(plot().withStacked(false).with(LineTypes.SOLID).svg()),
                "cif-curve")).containsOnly("solid");
        assertThat(plot().lineTypes()).as("stacked bands have no line types").containsOnly(LineType.SOLID);
    }

    @Test
    void stackedBandsOfCausesThatPrintAsOneGreyAreHatched() {
        SvgDoc svg = SvgDoc.parse(plot().svg());
        assertThat(plot().fillPatterns()).containsExactly("plain", "hatched");
        assertThat(svg.byClass("cif-hatch")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getAttribute("data-cause")).isEqualTo("2");
            assertThat(e.getAttribute("fill")).isEqualTo("url(#survkit-hatch-hatched)");
        });
        assertThat(svg.countTag("pattern")).isEqualTo(1);
        assertThat(svg.byClass("legend-key-hatch")).hasSize(1);
        SvgDoc plain = SvgDoc.parse(plot().with(LineTypes.SOLID).svg());
        assertThat(plain.byClass("cif-hatch")).isEmpty();
        assertThat(plain.countTag("pattern")).isZero();
        // black and a light grey (levels 0 and 0.67) stay apart without hatching
        assertThat(plot().with(Palette.of("#000000", "#ABABAB")).fillPatterns()).containsOnly("plain");
    }
}
