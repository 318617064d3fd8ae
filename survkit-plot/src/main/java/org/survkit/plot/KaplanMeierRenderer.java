package org.survkit.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.survkit.plot.KaplanMeierPlot.Settings;
import org.survkit.plot.Legend.Entry;
import org.survkit.plot.Legend.Note;
import org.survkit.plot.Placement.Corner;
import org.survkit.plot.SvgWriter.Run;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.km.SurvivalQuantile;

/**
 * Lays out and writes one {@link KaplanMeierPlot}. Layout, top to bottom: title; legend (by
 * {@link LegendPosition}: inside the plot area where it covers no curve, band or mark, else across the
 * top; or in a column right of the plot; or across the figure under the time axis; or none, the groups
 * named at their curves' ends); the plot with the survival axis on the left and the time axis below;
 * the number-at-risk table, its columns centred on the time ticks and its row labels right-aligned
 * under the survival axis.
 */
final class KaplanMeierRenderer {

    private static final double PAD = 3;
    private static final double PLUS = 2.2;
    private static final double TICK_MARK = 2.6;
    /** Risk-table labels longer than this share of the width are shortened with an ellipsis (the legend has them whole). */
    private static final double MAX_LABEL_SHARE = 0.22;
    /** Direct labels ({@link LegendPosition#NONE}) longer than this share of the width are shortened. */
    private static final double MAX_DIRECT_LABEL = 0.2;
    /** A legend right of the plot takes at most this share of the width. */
    private static final double RIGHT_SHARE = 0.32;
    private static final double RIGHT_GAP = 10;
    /** A legend right of the plot must leave the plot this share of the width, else it goes below. */
    static final double MIN_PLOT_SHARE = 0.5;

    private final KaplanMeierPlot plot;
    private final Settings s;
    private final List<GroupCurve> shown;
    private final String[] colors;
    private final String[] labels;
    private final List<LineType> lineTypes;
    private final double width;

    KaplanMeierRenderer(KaplanMeierPlot plot) {
        this.plot = plot;
        this.s = plot.settings();
        this.shown = plot.shownCurves();
        this.width = s.widthMm * SvgWriter.PT_PER_MM;
        this.lineTypes = plot.lineTypes();
        colors = new String[shown.size()];
        labels = new String[shown.size()];
        for (int g = 0; g < shown.size(); g++) {
            colors[g] = s.palette.color(plot.colorIndex(shown.get(g)));
            labels[g] = plot.label(shown.get(g).group());
        }
    }

    /** Horizontal and vertical positions of the plot panel; the scales map data to points. */
    private record Frame(double axisX, double dataX0, double dataX1, double top, double bottom, Scale sx, Scale sy) {
    }

    String render() {
        double pValue = plot.pValue();
        String testName = plot.testName();
        AxisTicks ticks = timeTicks();
        double xEnd = ticks.axisMax();
        double[] tickTimes = ticks.values();

        // number at risk at each tick, as the curve reports it
        double[][] atRisk = new double[shown.size()][];
        for (int g = 0; g < shown.size(); g++) {
            List<SurvivalAtTime> at = shown.get(g).curve().at(tickTimes);
            atRisk[g] = at.stream().mapToDouble(SurvivalAtTime::nRisk).toArray();
        }

        // ---- horizontal layout
        List<String> yLabels = new ArrayList<>();
        double[] yTicks = {0, 0.2, 0.4, 0.6, 0.8, 1.0};
        for (double v : yTicks) {
            yLabels.add(s.scale == SurvivalScale.PERCENT ? NumberText.fixed(v * 100, 0) : NumberText.fixed(v, 1));
        }
        double axisX = PAD + Axes.leftWidth(yLabels);

        String[] riskLabels = new String[shown.size()];
        double riskLabelW = 0;
        double riskNumW = 0;
        double lastNumW = 0;
        if (s.riskTable) {
            for (int g = 0; g < shown.size(); g++) {
                riskLabels[g] = TextMetrics.truncate(labels[g], Style.FONT, MAX_LABEL_SHARE * width);
                riskLabelW = Math.max(riskLabelW, TextMetrics.boldWidth(riskLabels[g], Style.FONT));
                for (int k = 0; k < tickTimes.length; k++) {
                    double nw = TextMetrics.width(NumberText.count(atRisk[g][k]), Style.FONT);
                    riskNumW = Math.max(riskNumW, nw);
                    if (k == tickTimes.length - 1) {
                        lastNumW = Math.max(lastNumW, nw);
                    }
                }
            }
            double firstNumW = riskNumW;
            axisX = Math.max(axisX, PAD + riskLabelW + 8 + firstNumW / 2 - Style.DATA_PAD);
        }
        double dataX0 = axisX + Style.DATA_PAD;
        double lastTickW = tickTimes.length == 0 ? 0 : TextMetrics.width(ticks.label(tickTimes.length - 1), Style.FONT);
        double padRight = Math.max(6, Math.max(lastTickW, lastNumW) / 2 + PAD);
        double dataX1 = width - padRight;
        LegendPosition position = s.legendPosition;
        List<String> directTexts = new ArrayList<>();
        for (String label : labels) {
            directTexts.add(TextMetrics.truncate(label, Style.FONT, MAX_DIRECT_LABEL * width));
        }
        if (position == LegendPosition.NONE) {
            dataX1 = Math.min(dataX1, width - PAD - DirectLabels.width(directTexts, lineTypes));
        }

        // ---- vertical layout (the plot top moves down if the legend must go above it)
        double top = PAD + 1;
        double titleBaseline = 0;
        if (s.title != null) {
            titleBaseline = top + Style.FONT_TITLE * Style.CAP;
            top += Style.FONT_TITLE + 8;
        }
        double plotHeight = Double.isNaN(s.plotHeightMm) ? 0.48 * width : s.plotHeightMm * SvgWriter.PT_PER_MM;

        double flowWidth = width - PAD - axisX;
        Legend legend = legend(testName, pValue, position == LegendPosition.RIGHT ? RIGHT_SHARE * width : flowWidth);
        if (position == LegendPosition.RIGHT) {
            double narrowed = width - PAD - legend.width() - RIGHT_GAP;
            if (narrowed - axisX < MIN_PLOT_SHARE * width) {
                position = LegendPosition.BOTTOM; // the time axis would be too short for its ticks
                legend = legend(testName, pValue, flowWidth);
            } else {
                dataX1 = Math.min(dataX1, narrowed);
            }
        }
        Legend placed = position == LegendPosition.NONE ? legend.notesOnly() : legend;
        boolean overPlot = position == LegendPosition.INSIDE || position == LegendPosition.NONE;
        Frame frame = frame(axisX, dataX0, dataX1, top + 4, plotHeight, xEnd);
        Optional<double[]> inside = overPlot && !placed.isEmpty() ? placeLegend(placed, frame, xEnd) : Optional.empty();
        double legendTop = top;
        boolean above = overPlot && !placed.isEmpty() && inside.isEmpty();
        if (above) {
            double fh = placed.flowHeight(flowWidth);
            frame = frame(axisX, dataX0, dataX1, top + fh + 6, plotHeight, xEnd);
        }

        // ---- positions below the plot
        double xTitleBaseline = Axes.titleBaseline(frame.bottom());
        double height = xTitleBaseline + 6;
        double bottomLegendTop = xTitleBaseline + 8;
        if (position == LegendPosition.BOTTOM) {
            xTitleBaseline += legend.flowHeight(flowWidth) + 8;
            height = xTitleBaseline + 6;
        }
        if (position == LegendPosition.RIGHT) {
            height = Math.max(height, frame.top() + legend.height() + PAD);
        }
        double riskHeaderMid = 0;
        if (s.riskTable) {
            riskHeaderMid = xTitleBaseline + 10 + Style.LINE / 2;
            height = Math.max(height, riskHeaderMid + Style.LINE * shown.size() + Style.LINE / 2 + 2);
        }

        SvgWriter w = new SvgWriter(width, height, accessibleTitle());
        if (s.title != null) {
            w.text(List.of(new Run(s.title, false, true)), "class", "figure-title", "x", SvgWriter.num(PAD), "y",
                    SvgWriter.num(titleBaseline), "font-size", SvgWriter.num(Style.FONT_TITLE), "fill", Style.TEXT);
        }
        w.open("g", "class", "plot");
        if (s.confidenceBands) {
            drawBands(w, frame, xEnd);
        }
        if (s.medianLines) {
            drawMedianLines(w, frame, xEnd);
        }
        drawCurves(w, frame, xEnd);
        drawCensorMarks(w, frame, xEnd);
        drawAxes(w, frame, ticks, yTicks, yLabels);
        w.close("g");
        if (inside.isPresent()) {
            placed.drawColumn(w, inside.get()[0], inside.get()[1]);
        } else if (above) {
            placed.drawFlow(w, axisX, legendTop, flowWidth);
        } else if (position == LegendPosition.RIGHT) {
            legend.drawColumn(w, frame.dataX1() + RIGHT_GAP, frame.top());
        } else if (position == LegendPosition.BOTTOM) {
            legend.drawFlow(w, axisX, bottomLegendTop, flowWidth);
        }
        if (position == LegendPosition.NONE) {
            drawDirectLabels(w, frame, xEnd, directTexts);
        }
        if (s.riskTable) {
            drawRiskTable(w, frame, tickTimes, atRisk, riskLabels, riskHeaderMid, riskNumW);
        }
        return w.finish();
    }

    private AxisTicks timeTicks() {
        double last = 0;
        for (GroupCurve g : shown) {
            double[] t = g.curve().time();
            if (t.length > 0) {
                last = Math.max(last, t[t.length - 1]);
            }
        }
        boolean fixedEnd = !Double.isNaN(s.horizon);
        double end = fixedEnd ? s.horizon : (last > 0 ? last : 1);
        AxisTicks t;
        if (s.breaks != null) {
            t = AxisTicks.explicit(s.breaks, end);
        } else if (!Double.isNaN(s.breakInterval)) {
            t = AxisTicks.time(end, s.breakInterval);
        } else {
            t = AxisTicks.time(end, s.timeUnit);
        }
        if (fixedEnd && t.axisMax() != end) {
            double[] v = Arrays.stream(t.values()).filter(x -> x <= end * (1 + 1e-9)).toArray();
            t = new AxisTicks(v, t.decimals(), 0, end);
        }
        return t;
    }

    private static Frame frame(double axisX, double dataX0, double dataX1, double top, double plotHeight, double xEnd) {
        double bottom = top + plotHeight;
        Scale sx = Scale.linear(0, xEnd, dataX0, dataX1);
        Scale sy = Scale.linear(0, 1, bottom - Style.DATA_PAD, top + Style.DATA_PAD);
        return new Frame(axisX, dataX0, dataX1, top, bottom, sx, sy);
    }

    /** The legend; labels are shortened so that an entry fits in 40 % of the width and in {@code flowWidth}. */
    private Legend legend(String testName, double pValue, double flowWidth) {
        List<Entry> entries = new ArrayList<>();
        for (int g = 0; g < shown.size(); g++) {
            SurvivalCurve c = shown.get(g).curve();
            String counts = " (n = " + c.n() + ", " + NumberText.count(c.events()) + (c.events() == 1 ? " event)" : " events)");
            double room = Math.min(0.4 * width, flowWidth - Legend.keyWidth(lineTypes)
                    - TextMetrics.width(counts, Style.FONT));
            String text = TextMetrics.truncate(labels[g], Style.FONT, Math.max(room, 30)) + counts;
            entries.add(new Entry(shown.get(g).group(), colors[g], lineTypes.get(g), text));
        }
        List<Note> notes = new ArrayList<>();
        if (testName != null) {
            notes.add(new Note("test-result", List.of(Run.plain(testName + " "), Run.italic(s.pFormat.symbol()),
                    Run.plain(s.pFormat.afterSymbol(pValue)))));
        }
        if (s.confidenceBands) {
            SurvivalCurve c = shown.get(0).curve();
            notes.add(new Note("band-note", List.of(Run.plain("Shaded: " + NumberText.plain(c.confLevel() * 100)
                    + "% pointwise CI (" + c.confType().rName() + ")"))));
        }
        return new Legend(s.legendTitle, entries, notes);
    }

    /** Where the legend fits inside the plot without covering data, or empty. */
    private Optional<double[]> placeLegend(Legend legend, Frame f, double xEnd) {
        List<Rect> obstacles = new ArrayList<>();
        for (int g = 0; g < shown.size(); g++) {
            SurvivalCurve c = shown.get(g).curve();
            obstacles.addAll(curvePath(c, f, xEnd).obstacles(3));
            for (double[] m : censorPoints(c, f, xEnd)) {
                obstacles.add(Rect.of(m[0], m[1], m[0], m[1]).inflate(PLUS + 2.5));
            }
            if (s.confidenceBands) {
                for (double[] b : bandIntervals(c, f, xEnd)) {
                    obstacles.add(Rect.of(b[0], b[2], b[1], b[3]).inflate(2));
                }
            }
        }
        if (s.medianLines) {
            for (double[] seg : medianSegments(f, xEnd)) {
                obstacles.add(Rect.of(seg[0], seg[1], seg[2], seg[3]).inflate(2.5));
            }
        }
        Rect area = new Rect(f.axisX() + 6, f.top(), f.dataX1(), f.bottom() - 6);
        return Placement.find(area, legend.width() + 2, legend.height() + 2, obstacles,
                List.of(Corner.TOP_RIGHT, Corner.BOTTOM_LEFT, Corner.BOTTOM_RIGHT))
                .map(p -> new double[] {p[0] + 1, p[1] + 1});
    }

    private static StepPath curvePath(SurvivalCurve c, Frame f, double xEnd) {
        return StepPath.of(0, 1, c.time(), c.survival(), xEnd, f.sx(), f.sy());
    }

    private void drawCurves(SvgWriter w, Frame f, double xEnd) {
        for (int g = 0; g < shown.size(); g++) {
            StepPath p = curvePath(shown.get(g).curve(), f, xEnd);
            w.empty("path", Stroke.attributes(List.of("class", "km-curve", "data-group", shown.get(g).group(), "d",
                    p.d(), "stroke-linejoin", "miter"), colors[g], Style.CURVE_WIDTH, lineTypes.get(g), "square"));
        }
    }

    /** The groups' names at their curves' right ends, in the margin right of the plot. */
    private void drawDirectLabels(SvgWriter w, Frame f, double xEnd, List<String> texts) {
        List<DirectLabels.Label> out = new ArrayList<>();
        for (int g = 0; g < shown.size(); g++) {
            double[] end = curvePath(shown.get(g).curve(), f, xEnd).end();
            out.add(new DirectLabels.Label(shown.get(g).group(), texts.get(g), colors[g], lineTypes.get(g), end[1]));
        }
        DirectLabels.draw(w, out, f.dataX1() + DirectLabels.GAP, f.top(), f.bottom());
    }

    /** (x, y) in points of each distinct censoring time up to the axis end, on the curve. */
    private static List<double[]> censorPoints(SurvivalCurve c, Frame f, double xEnd) {
        List<double[]> out = new ArrayList<>();
        double[] t = c.time();
        double[] nc = c.nCensor();
        double[] surv = c.survival();
        for (int i = 0; i < t.length; i++) {
            if (nc[i] > 0 && t[i] <= xEnd) {
                out.add(new double[] {f.sx().map(t[i]), f.sy().map(surv[i])});
            }
        }
        return out;
    }

    private void drawCensorMarks(SvgWriter w, Frame f, double xEnd) {
        if (s.censorMark == CensorMark.NONE) {
            return;
        }
        for (int g = 0; g < shown.size(); g++) {
            List<double[]> pts = censorPoints(shown.get(g).curve(), f, xEnd);
            if (pts.isEmpty()) {
                continue;
            }
            StringBuilder d = new StringBuilder(pts.size() * 24);
            for (double[] p : pts) {
                if (s.censorMark == CensorMark.PLUS) {
                    d.append('M').append(SvgWriter.num(p[0] - PLUS)).append(' ').append(SvgWriter.num(p[1]))
                            .append('h').append(SvgWriter.num(2 * PLUS))
                            .append('M').append(SvgWriter.num(p[0])).append(' ').append(SvgWriter.num(p[1] - PLUS))
                            .append('v').append(SvgWriter.num(2 * PLUS));
                } else {
                    d.append('M').append(SvgWriter.num(p[0])).append(' ').append(SvgWriter.num(p[1] - TICK_MARK))
                            .append('v').append(SvgWriter.num(2 * TICK_MARK));
                }
            }
            w.empty("path", "class", "censor-marks", "data-group", shown.get(g).group(), "data-count",
                    Integer.toString(pts.size()), "d", d.toString(), "fill", "none", "stroke", colors[g],
                    "stroke-width", "0.8");
        }
    }

    /**
     * Band pieces {x0, x1, yUpper, yLower} in points: limits i hold from time i to time i + 1
     * (the last to the curve's end). Pieces with undefined limits (S = 0, or log-log at S = 1)
     * are left out, which splits the band.
     */
    private static List<double[]> bandIntervals(SurvivalCurve c, Frame f, double xEnd) {
        List<double[]> out = new ArrayList<>();
        double[] t = c.time();
        double[] lo = c.lower();
        double[] up = c.upper();
        for (int i = 0; i < t.length && t[i] < xEnd; i++) {
            double a = t[i];
            double b = Math.min(i + 1 < t.length ? t[i + 1] : t[i], xEnd);
            if (!(b > a) || Double.isNaN(lo[i]) || Double.isNaN(up[i]) || up[i] <= lo[i]) {
                continue;
            }
            out.add(new double[] {f.sx().map(a), f.sx().map(b), f.sy().map(up[i]), f.sy().map(lo[i])});
        }
        return out;
    }

    private void drawBands(SvgWriter w, Frame f, double xEnd) {
        for (int g = 0; g < shown.size(); g++) {
            List<double[]> pieces = bandIntervals(shown.get(g).curve(), f, xEnd);
            if (pieces.isEmpty()) {
                continue;
            }
            StringBuilder d = new StringBuilder();
            int start = 0;
            for (int i = 1; i <= pieces.size(); i++) {
                boolean breakHere = i == pieces.size() || Math.abs(pieces.get(i)[0] - pieces.get(i - 1)[1]) > 1e-6;
                if (breakHere) {
                    appendBandRun(d, pieces.subList(start, i));
                    start = i;
                }
            }
            w.empty("path", "class", "ci-band", "data-group", shown.get(g).group(), "d", d.toString(), "fill",
                    colors[g], "fill-opacity", "0.16", "stroke", "none");
        }
    }

    /** One closed polygon: the upper limits left to right as steps, then the lower limits back. */
    private static void appendBandRun(StringBuilder d, List<double[]> run) {
        double[] first = run.get(0);
        d.append('M').append(SvgWriter.num(first[0])).append(' ').append(SvgWriter.num(first[2]));
        for (int j = 0; j < run.size(); j++) {
            double[] p = run.get(j);
            if (j > 0) {
                d.append('V').append(SvgWriter.num(p[2]));
            }
            d.append('H').append(SvgWriter.num(p[1]));
        }
        for (int j = run.size() - 1; j >= 0; j--) {
            double[] p = run.get(j);
            d.append('V').append(SvgWriter.num(p[3]));
            d.append('H').append(SvgWriter.num(p[0]));
        }
        d.append('Z');
    }

    /** Median guide segments {x1, y1, x2, y2}: one horizontal at 50 % to the largest median, one vertical per median. */
    private List<double[]> medianSegments(Frame f, double xEnd) {
        List<double[]> out = new ArrayList<>();
        double yHalf = f.sy().map(0.5);
        double maxX = Double.NaN;
        for (GroupCurve g : shown) {
            SurvivalQuantile m = g.curve().median();
            if (m.reached() && m.estimate() <= xEnd) {
                double x = f.sx().map(m.estimate());
                out.add(new double[] {x, yHalf, x, f.sy().map(0)});
                maxX = Double.isNaN(maxX) ? x : Math.max(maxX, x);
            }
        }
        if (!Double.isNaN(maxX)) {
            out.add(0, new double[] {f.dataX0(), yHalf, maxX, yHalf});
        }
        return out;
    }

    private void drawMedianLines(SvgWriter w, Frame f, double xEnd) {
        for (double[] seg : medianSegments(f, xEnd)) {
            w.empty("line", "class", "median-line", "x1", SvgWriter.num(seg[0]), "y1", SvgWriter.num(seg[1]), "x2",
                    SvgWriter.num(seg[2]), "y2", SvgWriter.num(seg[3]), "stroke", "#4D4D4D", "stroke-width", "0.6",
                    "stroke-dasharray", "3 2");
        }
    }

    private void drawAxes(SvgWriter w, Frame f, AxisTicks ticks, double[] yTicks, List<String> yLabels) {
        String yTitle = s.survivalLabel != null ? s.survivalLabel
                : s.scale == SurvivalScale.PERCENT ? "Survival (%)" : "Survival probability";
        Axes.left(w, f.axisX(), f.top(), f.bottom(), yTicks, yLabels, f.sy(), yTitle,
                (f.sy().map(0) + f.sy().map(1)) / 2);
        String xTitle = s.timeLabel != null ? s.timeLabel : s.timeUnit != null ? "Time (" + s.timeUnit + ")" : "Time";
        Axes.bottom(w, f.bottom(), f.axisX(), f.dataX1(), ticks.values(), ticks.labels(), f.sx(), xTitle,
                (f.dataX0() + f.dataX1()) / 2);
    }

    private void drawRiskTable(SvgWriter w, Frame f, double[] tickTimes, double[][] atRisk, String[] riskLabels,
            double headerMid, double riskNumW) {
        String fs = SvgWriter.num(Style.FONT);
        w.open("g", "class", "risk-table");
        w.text(List.of(new Run("Number at risk", false, true)), "class", "risk-title", "x", SvgWriter.num(PAD), "y",
                SvgWriter.num(Style.centredBaseline(headerMid, Style.FONT)), "font-size", fs, "fill", Style.TEXT);
        double labelRight = f.sx().map(tickTimes.length > 0 ? tickTimes[0] : 0) - riskNumW / 2 - 8;
        for (int g = 0; g < shown.size(); g++) {
            double mid = headerMid + Style.LINE * (g + 1);
            String y = SvgWriter.num(Style.centredBaseline(mid, Style.FONT));
            w.text(riskLabels[g], "class", "risk-label", "data-group", shown.get(g).group(), "x",
                    SvgWriter.num(labelRight), "y", y, "font-size", fs, "fill", colors[g], "font-weight", "bold",
                    "text-anchor", "end");
            for (int k = 0; k < tickTimes.length; k++) {
                w.text(NumberText.count(atRisk[g][k]), "class", "risk-cell", "data-group", shown.get(g).group(),
                        "data-time", NumberText.plain(tickTimes[k]), "x", SvgWriter.num(f.sx().map(tickTimes[k])), "y", y,
                        "font-size", fs, "fill", Style.TEXT, "text-anchor", "middle");
            }
        }
        w.close("g");
    }

    private String accessibleTitle() {
        StringBuilder b = new StringBuilder();
        if (s.title != null) {
            b.append(s.title).append(": ");
        }
        b.append("Kaplan\u2013Meier survival curves");
        if (shown.size() > 1 || !shown.get(0).group().equals("all")) {
            b.append(" by group (").append(String.join(", ", labels)).append(')');
        }
        return b.toString();
    }
}
