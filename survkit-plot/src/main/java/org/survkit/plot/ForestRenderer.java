package org.survkit.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.survkit.plot.ForestPlot.Settings;
import org.survkit.plot.SvgWriter.Run;
import org.survkit.stats.cox.CoxCoefficient;

/**
 * Lays out and writes one {@link ForestPlot}: a header row, one row per term (label | interval
 * on the log axis | "HR (CI)" | P), the axis under the rows, direction labels and a footnote.
 * Labels are never shortened: the label column is as wide as its longest label while the interval
 * panel keeps {@value #PANEL_SHARE} of the width; a longer label wraps onto two lines (its row grows),
 * and a label that does not fit on two lines widens the column at the panel's expense, down to
 * {@value #MIN_PANEL_SHARE} of the width and, for a word longer than that, further.
 */
final class ForestRenderer {

    private static final double PAD = 3;
    private static final double ROW = 16;
    /** Baseline distance of a label's two lines; a two-line row is this much taller. */
    private static final double LABEL_LEADING = 9.5;
    private static final double PANEL_SHARE = 0.35;
    private static final double MIN_PANEL_SHARE = 0.25;
    private static final double GUTTER = 16;
    private static final double MAX_SIDE = 8;
    private static final double MIN_SIDE = 3.2;
    private static final double ARROW = 5;
    private static final double AUTO_MIN = 0.01;
    private static final double AUTO_MAX = 100;
    private static final String STRIPE = "#F2F2F2";
    private static final String REFERENCE = "#8C8C8C";

    private final List<CoxCoefficient> rows;
    private final double confLevel;
    private final Settings s;
    private final double width;

    ForestRenderer(List<CoxCoefficient> rows, double confLevel, Settings s) {
        this.rows = rows;
        this.confLevel = confLevel;
        this.s = s;
        this.width = s.widthMm * SvgWriter.PT_PER_MM;
    }

    private static boolean drawable(CoxCoefficient c) {
        return !c.aliased() && !Double.isNaN(c.hr());
    }

    String render() {
        // ---- text columns
        String labelHeader = "Variable";
        String hrHeader = s.ratioName + " (" + NumberText.plain(confLevel * 100) + "% CI)";
        String pHeader = "P";
        List<String> hrTexts = new ArrayList<>();
        List<String> pTexts = new ArrayList<>();
        for (CoxCoefficient c : rows) {
            if (!drawable(c)) {
                hrTexts.add(c.aliased() ? "aliased (NA)" : "NA");
                pTexts.add("");
                continue;
            }
            String ci = Double.isNaN(c.hrLower()) || Double.isNaN(c.hrUpper()) ? ""
                    : " (" + NumberText.ratio(c.hrLower()) + NumberText.EN_DASH + NumberText.ratio(c.hrUpper()) + ")";
            hrTexts.add(NumberText.ratio(c.hr()) + ci);
            pTexts.add(s.pFormat.text(c.pValue()));
        }
        double hrW = Math.max(TextMetrics.boldWidth(hrHeader, Style.FONT), Axes.labelWidth(hrTexts));
        double pW = Math.max(TextMetrics.boldWidth(pHeader, Style.FONT), Axes.labelWidth(pTexts));
        double available = width - 2 * PAD - hrW - pW - 3 * GUTTER;
        List<String> labels = new ArrayList<>();
        for (CoxCoefficient c : rows) {
            labels.add(s.labels.getOrDefault(c.term(), c.term()));
        }
        List<List<String>> labelLines = labelLines(labels, Math.max(60, available - PANEL_SHARE * width),
                Math.max(60, available - MIN_PANEL_SHARE * width));
        double labelW = TextMetrics.boldWidth(labelHeader, Style.FONT);
        for (List<String> lines : labelLines) {
            labelW = Math.max(labelW, Axes.labelWidth(lines));
        }
        double[] rowTop = new double[rows.size() + 1];
        double panelX0 = PAD + labelW + GUTTER;
        double pRight = width - PAD;
        double hrX = pRight - pW - GUTTER - hrW;
        double panelX1 = hrX - GUTTER;

        // ---- axis
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (CoxCoefficient c : rows) {
            // a row whose interval reaches 0 or infinity (monotone likelihood) gets arrows, not a say in the range
            boolean bounded = c.hrLower() > 0 && Double.isFinite(c.hrUpper());
            if (drawable(c) && bounded) {
                for (double v : new double[] {c.hr(), c.hrLower(), c.hrUpper()}) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        lo = Math.max(AUTO_MIN, Math.min(lo, 0.9));
        hi = Math.min(AUTO_MAX, Math.max(hi, 1.1));
        LogTicks ticks;
        double axisMin;
        double axisMax;
        if (!Double.isNaN(s.axisMin)) {
            axisMin = s.axisMin;
            axisMax = s.axisMax;
            LogTicks all = LogTicks.covering(axisMin, axisMax);
            double[] inside = Arrays.stream(all.values()).filter(v -> v >= axisMin * (1 - 1e-9) && v <= axisMax * (1 + 1e-9)).toArray();
            ticks = new LogTicks(inside, axisMin, axisMax);
        } else {
            ticks = LogTicks.covering(lo, hi);
            axisMin = ticks.axisMin();
            axisMax = ticks.axisMax();
        }
        Scale sx = Scale.log(axisMin, axisMax, panelX0 + 4, panelX1 - 4);

        // ---- vertical layout
        double y = PAD + 1;
        double titleBaseline = 0;
        if (s.title != null) {
            titleBaseline = y + Style.FONT_TITLE * Style.CAP;
            y += Style.FONT_TITLE + 8;
        }
        double headerTop = y;
        double rowsTop = headerTop + ROW;
        rowTop[0] = rowsTop;
        for (int i = 0; i < rows.size(); i++) {
            rowTop[i + 1] = rowTop[i] + ROW + LABEL_LEADING * (labelLines.get(i).size() - 1);
        }
        double rowsBottom = rowTop[rows.size()];
        double axisY = rowsBottom + 3;
        double last = Axes.titleBaseline(axisY);
        double directionBaseline = 0;
        if (s.lowerDirection != null || s.upperDirection != null) {
            directionBaseline = last + 12;
            last = directionBaseline;
        }
        double footBaseline = 0;
        List<String> footLines = s.footnote == null ? List.of()
                : wrap(s.footnote, Style.FONT - 0.5, width - 2 * PAD);
        if (!footLines.isEmpty()) {
            footBaseline = last + 14;
            last = footBaseline + FOOT_LEADING * (footLines.size() - 1);
        }
        double height = last + 5;

        SvgWriter w = new SvgWriter(width, height, accessibleTitle(labels));
        String fs = SvgWriter.num(Style.FONT);
        if (s.title != null) {
            w.text(List.of(new Run(s.title, false, true)), "class", "figure-title", "x", SvgWriter.num(PAD), "y",
                    SvgWriter.num(titleBaseline), "font-size", SvgWriter.num(Style.FONT_TITLE), "fill", Style.TEXT);
        }
        if (s.stripes) {
            for (int i = 1; i < rows.size(); i += 2) {
                w.empty("rect", "class", "stripe", "x", "0", "y", SvgWriter.num(rowTop[i]), "width",
                        SvgWriter.num(width), "height", SvgWriter.num(rowTop[i + 1] - rowTop[i]), "fill", STRIPE);
            }
        }
        // header and rules
        String headerY = SvgWriter.num(Style.centredBaseline(headerTop + ROW / 2, Style.FONT));
        w.open("g", "class", "header");
        w.text(List.of(new Run(labelHeader, false, true)), "x", SvgWriter.num(PAD), "y", headerY, "font-size", fs,
                "fill", Style.TEXT);
        w.text(List.of(new Run(hrHeader, false, true)), "x", SvgWriter.num(hrX), "y", headerY, "font-size", fs, "fill",
                Style.TEXT);
        w.text(List.of(new Run(pHeader, false, true)), "x", SvgWriter.num(pRight), "y", headerY, "font-size", fs,
                "fill", Style.TEXT, "text-anchor", "end");
        w.close("g");
        rule(w, rowsTop);
        rule(w, rowsBottom);
        // reference line at 1
        double x1 = sx.map(1);
        w.empty("line", "class", "reference-line", "x1", SvgWriter.num(x1), "y1", SvgWriter.num(rowsTop), "x2",
                SvgWriter.num(x1), "y2", SvgWriter.num(axisY), "stroke", REFERENCE, "stroke-width", "0.6",
                "stroke-dasharray", "3 2");

        double[] sides = sides();
        for (int i = 0; i < rows.size(); i++) {
            CoxCoefficient c = rows.get(i);
            double mid = (rowTop[i] + rowTop[i + 1]) / 2;
            String baseline = SvgWriter.num(Style.centredBaseline(mid, Style.FONT));
            w.open("g", "class", "forest-row", "data-term", c.term());
            List<String> lines = labelLines.get(i);
            if (lines.size() == 1) {
                w.text(lines.get(0), "class", "row-label", "x", SvgWriter.num(PAD), "y", baseline, "font-size", fs,
                        "fill", Style.TEXT);
            } else {
                w.lines(lines, PAD, Style.centredBaseline(mid - LABEL_LEADING / 2, Style.FONT), LABEL_LEADING, "class",
                        "row-label", "data-lines", "2", "font-size", fs, "fill", Style.TEXT);
            }
            if (drawable(c)) {
                drawInterval(w, c, mid, sides[i], sx, axisMin, axisMax);
                w.text(hrTexts.get(i), "class", "hr-text", "x", SvgWriter.num(hrX), "y", baseline, "font-size", fs,
                        "fill", Style.TEXT);
                w.text(pTexts.get(i), "class", "p-text", "x", SvgWriter.num(pRight), "y", baseline, "font-size", fs,
                        "fill", Style.TEXT, "text-anchor", "end");
            } else {
                w.text(List.of(Run.italic(hrTexts.get(i))), "class", "hr-text", "x", SvgWriter.num(hrX), "y", baseline,
                        "font-size", fs, "fill", Style.MUTED);
            }
            w.close("g");
        }
        Axes.bottom(w, axisY, panelX0, panelX1, ticks.values(), readable(ticks.values(), ticks.labels(), sx), sx,
                s.axisLabel != null ? s.axisLabel : "Hazard ratio (log scale)", (panelX0 + panelX1) / 2);
        if (directionBaseline > 0) {
            String dy = SvgWriter.num(directionBaseline);
            if (s.lowerDirection != null) {
                w.text("\u2190 " + s.lowerDirection, "class", "direction-label", "x", SvgWriter.num(x1 - 4), "y", dy,
                        "font-size", fs, "fill", Style.MUTED, "text-anchor", "end");
            }
            if (s.upperDirection != null) {
                w.text(s.upperDirection + " \u2192", "class", "direction-label", "x", SvgWriter.num(x1 + 4), "y", dy,
                        "font-size", fs, "fill", Style.MUTED);
            }
        }
        for (int i = 0; i < footLines.size(); i++) {
            w.text(footLines.get(i), "class", "footnote", "x", SvgWriter.num(PAD), "y",
                    SvgWriter.num(footBaseline + i * FOOT_LEADING), "font-size", SvgWriter.num(Style.FONT - 0.5), "fill",
                    Style.MUTED);
        }
        return w.finish();
    }

    /**
     * Each label as one line when it fits in {@code preferred} points, else on two: wrapped at the narrowest width
     * from {@code preferred} up to {@code widest} that gives two lines, breaking at spaces and after hyphens and
     * slashes; a label that needs more (a long word) is wrapped at {@code widest}, a word wider than that broken
     * where it reaches the edge. Never shortened.
     */
    static List<List<String>> labelLines(List<String> labels, double preferred, double widest) {
        List<List<String>> out = new ArrayList<>();
        for (String label : labels) {
            out.add(labelLines(label, preferred, widest));
        }
        return out;
    }

    private static List<String> labelLines(String label, double preferred, double widest) {
        if (TextMetrics.width(label, Style.FONT) <= preferred) {
            return List.of(label);
        }
        for (double w = preferred; w < widest + 4; w += 4) {
            List<String> lines = TextWrap.lines(label, Style.FONT, false, Math.min(w, widest), true);
            if (lines.size() <= 2 && Axes.labelWidth(lines) <= Math.min(w, widest)) {
                return lines;
            }
        }
        return TextWrap.lines(label, Style.FONT, false, widest, true);
    }

    /** Line spacing of a footnote that takes several lines. */
    private static final double FOOT_LEADING = 10;

    /** Breaks text at spaces into lines no wider than {@code maxWidth} (a longer word is broken). */
    static List<String> wrap(String text, double size, double maxWidth) {
        return TextWrap.lines(text, size, false, maxWidth, false);
    }

    private void rule(SvgWriter w, double y) {
        w.empty("line", "class", "rule", "x1", "0", "y1", SvgWriter.num(y), "x2", SvgWriter.num(width), "y2",
                SvgWriter.num(y), "stroke", Style.AXIS, "stroke-width", "0.6");
    }

    /** Square sides: equal, or area ∝ 1/SE² scaled so the most precise row gets the largest square. */
    private double[] sides() {
        double[] out = new double[rows.size()];
        Arrays.fill(out, s.markerSize == MarkerSize.FIXED ? 6 : MIN_SIDE);
        if (s.markerSize == MarkerSize.FIXED) {
            return out;
        }
        double[] weight = new double[rows.size()];
        double max = 0;
        for (int i = 0; i < rows.size(); i++) {
            CoxCoefficient c = rows.get(i);
            double se = Double.isFinite(c.robustSe()) && c.robustSe() > 0 ? c.robustSe() : c.se();
            weight[i] = drawable(c) && se > 0 && Double.isFinite(se) ? 1 / (se * se) : 0;
            max = Math.max(max, weight[i]);
        }
        for (int i = 0; i < rows.size(); i++) {
            if (max > 0 && weight[i] > 0) {
                out[i] = Math.max(MIN_SIDE, MAX_SIDE * Math.sqrt(weight[i] / max));
            }
        }
        return out;
    }

    private void drawInterval(SvgWriter w, CoxCoefficient c, double mid, double side, Scale sx, double axisMin,
            double axisMax) {
        String my = SvgWriter.num(mid);
        double a = c.hrLower();
        double b = c.hrUpper();
        if (!Double.isNaN(a) && !Double.isNaN(b)) {
            boolean leftArrow = a < axisMin;
            boolean rightArrow = b > axisMax;
            double xa = sx.map(Math.min(Math.max(a, axisMin), axisMax));
            double xb = sx.map(Math.max(Math.min(b, axisMax), axisMin));
            double lineA = leftArrow ? xa + ARROW : xa;
            double lineB = rightArrow ? xb - ARROW : xb;
            if (lineB > lineA) {
                w.empty("line", "class", "ci-line", "x1", SvgWriter.num(lineA), "y1", my, "x2", SvgWriter.num(lineB),
                        "y2", my, "stroke", s.color, "stroke-width", "1");
            }
            if (leftArrow) {
                arrow(w, xa, mid, -1);
            }
            if (rightArrow) {
                arrow(w, xb, mid, 1);
            }
        }
        double hr = c.hr();
        if (hr >= axisMin && hr <= axisMax) {
            double x = sx.map(hr);
            w.empty("rect", "class", "hr-marker", "x", SvgWriter.num(x - side / 2), "y", SvgWriter.num(mid - side / 2),
                    "width", SvgWriter.num(side), "height", SvgWriter.num(side), "fill", s.color);
        }
    }

    /** A filled arrowhead with its tip at (x, y), pointing left (-1) or right (+1). */
    private void arrow(SvgWriter w, double x, double y, int direction) {
        double base = x - direction * ARROW;
        String d = "M" + SvgWriter.num(x) + " " + SvgWriter.num(y) + "L" + SvgWriter.num(base) + " "
                + SvgWriter.num(y - 2.8) + "L" + SvgWriter.num(base) + " " + SvgWriter.num(y + 2.8) + "Z";
        w.empty("path", "class", "ci-arrow", "d", d, "fill", s.color);
    }

    private String accessibleTitle(List<String> labels) {
        return (s.title != null ? s.title + ": " : "") + "Forest plot of hazard ratios (" + String.join(", ", labels) + ")";
    }

    /**
     * The tick labels that fit side by side on a narrow axis (an 85 mm figure): 1 always, then from left to right
     * each label that keeps {@code 3} units from every label kept; the others are blank (their ticks stay).
     */
    static List<String> readable(double[] values, List<String> labels, Scale sx) {
        int n = values.length;
        double[] left = new double[n];
        double[] right = new double[n];
        for (int i = 0; i < n; i++) {
            double half = TextMetrics.width(labels.get(i), Style.FONT) / 2;
            left[i] = sx.map(values[i]) - half;
            right[i] = sx.map(values[i]) + half;
        }
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = Math.abs(values[i] - 1) < 1e-12;
        }
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                continue;
            }
            boolean clear = true;
            for (int j = 0; j < n && clear; j++) {
                clear = !keep[j] || right[i] + 3 <= left[j] || right[j] + 3 <= left[i];
            }
            keep[i] = clear;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(keep[i] ? labels.get(i) : "");
        }
        return out;
    }
}
