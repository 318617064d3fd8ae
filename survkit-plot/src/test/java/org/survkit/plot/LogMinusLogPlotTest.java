package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.SurvivalCurve;
import org.w3c.dom.Element;

class LogMinusLogPlotTest {

    @Test
    void stepsAreLogMinusLogOfTheCurveOnALogTimeAxis() {
        List<GroupCurve> curves = Examples.veteranCurves();
        SvgDoc svg = SvgDoc.parse(LogMinusLogPlot.of(curves).withTimeUnit("days").svg());
        assertThat(svg.byClass("lml-curve")).hasSize(4);
        List<Element> xt = svg.byClass("x-tick");
        double lo = Double.parseDouble(xt.get(0).getAttribute("data-value"));
        double hi = Double.parseDouble(xt.get(xt.size() - 1).getAttribute("data-value"));
        Scale sx = Scale.log(lo, hi, SvgDoc.num(xt.get(0), "x1"), SvgDoc.num(xt.get(xt.size() - 1), "x1"));
        Scale sy = svg.axis("y-tick", "y1");
        for (GroupCurve g : curves) {
            List<double[]> v = SvgDoc.vertices(svg.byClass("lml-curve", g.group()).get(0).getAttribute("d"));
            SurvivalCurve c = g.curve();
            double[] t = c.time();
            double[] s = c.survival();
            int checked = 0;
            for (int i = 1; i < t.length; i++) {
                if (s[i] > 0 && s[i] < 1 && s[i] != s[i - 1]) {
                    double x = sx.map(t[i]);
                    double y = sy.map(Math.log(-Math.log(s[i])));
                    assertThat(v).as(g.group() + " at " + t[i]).anySatisfy(p -> {
                        assertThat(p[0]).isCloseTo(x, within(0.03));
                        assertThat(p[1]).isCloseTo(y, within(0.03));
                    });
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(10);
        }
        assertThat(svg.allText()).contains("Time (days), log scale", "log(\u2212log S(t))");
        assertThat(svg.byClass("y-tick-label")).extracting(Element::getTextContent).contains("\u22122", "0");
    }

    @Test
    void aSubsetAndLabels() {
        SvgDoc svg = SvgDoc.parse(Examples.lungLogMinusLog().svg());
        assertThat(svg.byClass("lml-curve")).hasSize(2);
        assertThat(svg.byClass("legend-label")).extracting(Element::getTextContent).containsExactly("Male", "Female");
        SvgDoc pair = SvgDoc.parse(LogMinusLogPlot.of(Examples.veteranCurves()).withGroups("squamous", "large").svg());
        assertThat(pair.byClass("lml-curve")).extracting(e -> e.getAttribute("data-group")).containsExactly("squamous",
                "large");
    }
}
