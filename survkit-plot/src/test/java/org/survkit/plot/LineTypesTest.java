package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.survkit.stats.km.GroupCurve;
import org.w3c.dom.Element;

class LineTypesTest {

    @Test
    void greyLevelsAreRec709Luma() {
        // Rec. 709 luma of the gamma-encoded values (ITU-R BT.709, as CSS filter: grayscale(1)), by hand:
        assertThat(Palette.greyLevel("#000000")).isZero();
        assertThat(Palette.greyLevel("#FFFFFF")).isCloseTo(1, within(1e-12));
        // #0072B2: (0.7152 * 114 + 0.0722 * 178) / 255
        assertThat(Palette.greyLevel("#0072B2")).isCloseTo((0.7152 * 114 + 0.0722 * 178) / 255, within(1e-12));
        // #D55E00: (0.2126 * 213 + 0.7152 * 94) / 255
        assertThat(Palette.greyLevel("#D55E00")).isCloseTo((0.2126 * 213 + 0.7152 * 94) / 255, within(1e-12));
    }

    @Test
    void okabeItoBlueAndVermillionPrintAsTheSameGreyButNotBlueAndBlack() {
        Palette p = Palette.okabeIto();
        assertThat(p.sameGrey(0, 1)).as("blue 0.37 vs vermillion 0.44").isTrue();
        assertThat(p.sameGrey(0, 6)).as("blue 0.37 vs black 0").isFalse();
        assertThat(p.sameGrey(0)).as("one group").isFalse();
        assertThat(Palette.grey().sameGrey(0, 1, 2)).as("the grey palette's three greys").isFalse();
        assertThat(Palette.grey().sameGrey(0, 1, 2, 3)).as("a fourth group repeats black").isTrue();
    }

    @Test
    void autoGivesEachGroupItsOwnDashPatternWithOkabeIto() {
        SvgDoc svg = SvgDoc.parse(Examples.veteranByCelltype().svg());
        List<String> dashes = dashes(svg, "km-curve");
        assertThat(dashes).hasSize(4).doesNotHaveDuplicates();
        assertThat(dashes.get(0)).as("the first group solid, as R lty 1").isEqualTo("solid");
        assertThat(svg.byClass("km-curve")).extracting(e -> e.getAttribute("data-line-type"))
                .containsExactly("", "dashed", "dotted", "dot-dash");
        assertThat(dashes(svg, "legend-key")).as("the legend keys show the curves' line types").isEqualTo(dashes);
    }

    @Test
    void autoKeepsSolidLinesWhenTheGreysDiffer() {
        // black, blue: grey levels 0 and 0.37
        SvgDoc svg = SvgDoc.parse(Examples.lungBySex().with(Palette.of("#000000", "#0072B2")).svg());
        assertThat(dashes(svg, "km-curve")).containsExactly("solid", "solid");
        assertThat(dashes(svg, "legend-key")).containsExactly("solid", "solid");
    }

    @Test
    void solidAndDashedOverrideTheGreyRule() {
        assertThat(dashes(SvgDoc.parse(Examples.veteranByCelltype().with(LineTypes.SOLID).svg()), "km-curve"))
                .containsOnly("solid");
        List<String> dashed = dashes(SvgDoc.parse(Examples.lungBySex().with(Palette.of("#000000", "#0072B2"))
                .with(LineTypes.DASHED).svg()), "km-curve");
        assertThat(dashed).containsExactly("solid", LineType.DASHED.dashArray());
    }

    @Test
    void aGroupKeepsItsLineTypeInAPairFigure() {
        KaplanMeierPlot all = Examples.veteranByCelltype();
        KaplanMeierPlot pair = Examples.veteranPair("adeno", "large");
        assertThat(all.lineTypes()).containsExactly(LineType.SOLID, LineType.DASHED, LineType.DOTTED,
                LineType.DOT_DASH);
        List<String> groups = all.allCurves().stream().map(GroupCurve::group).toList();
        List<LineType> expected = new ArrayList<>();
        for (String g : List.of("adeno", "large")) {
            expected.add(all.lineTypes().get(groups.indexOf(g)));
        }
        assertThat(pair.lineTypes()).isEqualTo(expected);
    }

    @Test
    void logMinusLogCurvesGetLineTypesToo() {
        SvgDoc svg = SvgDoc.parse(LogMinusLogPlot.of(Examples.veteranCurves()).svg());
        assertThat(dashes(svg, "lml-curve")).hasSize(4).doesNotHaveDuplicates();
        assertThat(dashes(svg, "legend-key")).isEqualTo(dashes(svg, "lml-curve"));
        SvgDoc solid = SvgDoc.parse(LogMinusLogPlot.of(Examples.veteranCurves()).with(LineTypes.SOLID).svg());
        assertThat(dashes(solid, "lml-curve")).containsOnly("solid");
    }

    @Test
    void dashPatternsAreDistinctAndDotsKeepButtCaps() {
        Set<String> seen = new HashSet<>();
        for (LineType t : LineType.values()) {
            assertThat(seen.add(String.valueOf(t.dashArray()))).isTrue();
        }
        Element dotted = SvgDoc.parse(Examples.veteranByCelltype().svg()).byClass("km-curve", "smallcell").get(0);
        assertThat(dotted.getAttribute("stroke-linecap")).isEqualTo("butt");
        assertThat(LineType.forIndex(6)).as("the seventh group starts again").isEqualTo(LineType.SOLID);
    }

    /** Each element's stroke-dasharray, "solid" when it has none. */
    static List<String> dashes(SvgDoc svg, String cls) {
        return svg.byClass(cls).stream().map(e -> e.hasAttribute("stroke-dasharray")
                ? e.getAttribute("stroke-dasharray") : "solid").toList();
    }
}
