package org.survkit.plot;

import org.survkit.stats.PValueFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.survkit.stats.competing.CumulativeIncidenceAtTime;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.GrayTestResult;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalCurve;

/**
 * A competing-risks figure: one panel per group, side by side on a shared cumulative-incidence axis, each
 * showing the causes' cumulative incidence functions <b>stacked</b> (the first cause from 0, the next on top of it, …,
 * so the top edge is 1 − Kaplan–Meier of any event and the white above it the event-free share; R cmprsk's
 * {@code plot.cuminc} draws the same curves unstacked) or as separate step lines. A legend names the causes
 * with Gray's test p-value when there are groups.
 *
 * <p>Immutable: every {@code with...} returns a new plot. Nothing is computed here that the result does not
 * hold: the bands are the curves' values at their own jump times ({@link CumulativeIncidenceCurve#at}).
 *
 * <pre>{@code
 * CumulativeIncidenceResult r = CumulativeIncidence.withDefaults().fit(time, status, 0, trt, null);
 * String svg = CumulativeIncidencePlot.of(r).withCauseLabels(Map.of("1", "Transplant", "2", "Death"))
 *         .withTimeUnit("days").svg();
 * }</pre>
 */
public final class CumulativeIncidencePlot implements Figure {
    private static final double PAD = 3;
    private static final double PANEL_GAP = 14;
    private static final double SWATCH = 8;
    /** A legend key long enough to show a dash pattern. */
    private static final double DASHED_KEY = 20;
    private static final double LEGEND_ROW_GAP = 2;
    /** Band fill opacity: the colours stay distinguishable where bands meet. */
    private static final String FILL_OPACITY = "0.75";

    private final CumulativeIncidenceResult result;
    private final String title;
    private final String timeUnit;
    private final String timeLabel;
    private final Map<String, String> causeLabels;
    private final Map<String, String> groupLabels;
    private final boolean stacked;
    private final Palette palette;
    private final double widthMm;
    private final double[] causeOrder;
    private final List<GroupCurve> atRisk;
    private final PValueFormat pFormat;
    private final LineTypes lineTypes;

    private CumulativeIncidencePlot(CumulativeIncidenceResult result, String title, String timeUnit, String timeLabel,
            Map<String, String> causeLabels, Map<String, String> groupLabels, boolean stacked, Palette palette,
            double widthMm, double[] causeOrder, List<GroupCurve> atRisk, PValueFormat pFormat, LineTypes lineTypes) {
        this.lineTypes = Objects.requireNonNull(lineTypes, "lineTypes");
        this.pFormat = Objects.requireNonNull(pFormat, "pFormat");
        this.result = result;
        this.title = title;
        this.timeUnit = timeUnit;
        this.timeLabel = timeLabel;
        this.causeLabels = Map.copyOf(causeLabels);
        this.groupLabels = Map.copyOf(groupLabels);
        this.stacked = stacked;
        this.palette = palette;
        this.widthMm = widthMm;
        this.causeOrder = causeOrder;
        this.atRisk = atRisk;
    }

    /** A stacked plot of every cause in every group of the fit, at full page width. */
    public static CumulativeIncidencePlot of(CumulativeIncidenceResult result) {
        Objects.requireNonNull(result, "result");
        if (result.curves().isEmpty()) {
            throw new IllegalArgumentException("a cumulative incidence plot needs at least one curve");
        }
        return new CumulativeIncidencePlot(result, null, null, null, Map.of(), Map.of(), true, Palette.okabeIto(),
                Style.WIDTH_MM, null, null, PValueFormat.DEFAULT, LineTypes.AUTO);
    }

    /** How Gray's p-values print (default {@link PValueFormat#DEFAULT}, three significant digits). */
    public CumulativeIncidencePlot with(PValueFormat format) {
        return new CumulativeIncidencePlot(result, title, timeUnit, timeLabel, causeLabels, groupLabels, stacked,
                palette, widthMm, causeOrder, atRisk, Objects.requireNonNull(format, "format"), lineTypes);
    }

    /**
     * Whether the causes' lines get distinct line types besides their colours (default {@link LineTypes#AUTO}:
     * when two causes would print as the same grey). Only the lines of {@code withStacked(false)} have line types.
     */
    public CumulativeIncidencePlot with(LineTypes types) {
        return new CumulativeIncidencePlot(result, title, timeUnit, timeLabel, causeLabels, groupLabels, stacked,
                palette, widthMm, causeOrder, atRisk, pFormat, Objects.requireNonNull(types, "lineTypes"));
    }

    /** The line type of each cause in the figure's order (all solid when stacked or when line types are not used). */
    public List<LineType> lineTypes() {
        int n = result.causes().length;
        int[] idx = java.util.stream.IntStream.range(0, n).toArray();
        return stacked ? java.util.Collections.nCopies(n, LineType.SOLID) : lineTypes.resolve(palette, idx);
    }

    /**
     * How each cause's stacked band is filled, in the figure's order: "plain", "hatched", "back-hatched", …
     * when the causes' colours would print as the same grey (by the line-type rule, {@link #with(LineTypes)}), else
     * all "plain"; lines (not stacked) are always "plain".
     */
    public List<String> fillPatterns() {
        return hatches().stream().map(Hatch::word).toList();
    }

    private List<Hatch> hatches() {
        int n = result.causes().length;
        int[] idx = java.util.stream.IntStream.range(0, n).toArray();
        boolean use = stacked && lineTypes.resolve(palette, idx).stream().anyMatch(t -> t != LineType.SOLID);
        List<Hatch> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(use ? Hatch.forIndex(i) : Hatch.PLAIN);
        }
        return out;
    }

    /** A title above the plot (none by default). */
    public CumulativeIncidencePlot withTitle(String t) {
        return new CumulativeIncidencePlot(result, blank(t), timeUnit, timeLabel, causeLabels, groupLabels, stacked,
                palette, widthMm, causeOrder, atRisk, pFormat, lineTypes);
    }

    /** The time unit, shown as "Time (unit)" and used to choose ticks. */
    public CumulativeIncidencePlot withTimeUnit(String unit) {
        return new CumulativeIncidencePlot(result, title, blank(unit), timeLabel, causeLabels, groupLabels, stacked,
                palette, widthMm, causeOrder, atRisk, pFormat, lineTypes);
    }

    /** The whole time-axis title. */
    public CumulativeIncidencePlot withTimeLabel(String label) {
        return new CumulativeIncidencePlot(result, title, timeUnit, blank(label), causeLabels, groupLabels, stacked,
                palette, widthMm, causeOrder, atRisk, pFormat, lineTypes);
    }

    /** Names for the cause codes as written in the data ("1" → "Transplant"); unnamed causes show "Cause 1". */
    public CumulativeIncidencePlot withCauseLabels(Map<String, String> labels) {
        return new CumulativeIncidencePlot(result, title, timeUnit, timeLabel, labels, groupLabels, stacked, palette,
                widthMm, causeOrder, atRisk, pFormat, lineTypes);
    }

    /** Names for the groups (panel titles); unnamed groups show their label. */
    public CumulativeIncidencePlot withGroupLabels(Map<String, String> labels) {
        return new CumulativeIncidencePlot(result, title, timeUnit, timeLabel, causeLabels, labels, stacked, palette,
                widthMm, causeOrder, atRisk, pFormat, lineTypes);
    }

    /** Stacked bands (default) or one step line per cause. */
    public CumulativeIncidencePlot withStacked(boolean on) {
        return new CumulativeIncidencePlot(result, title, timeUnit, timeLabel, causeLabels, groupLabels, on, palette,
                widthMm, causeOrder, atRisk, pFormat, lineTypes);
    }

    /** Colours of the causes, in cause order. */
    public CumulativeIncidencePlot with(Palette p) {
        return new CumulativeIncidencePlot(result, title, timeUnit, timeLabel, causeLabels, groupLabels, stacked,
                Objects.requireNonNull(p, "palette"), widthMm, causeOrder, atRisk, pFormat, lineTypes);
    }

    /**
     * The figure width in millimetres (default 170, full page).
     *
     * @param mm 60 to 400
     */
    public CumulativeIncidencePlot withWidthMm(double mm) {
        return withWidth(mm);
    }

    /**
     * The figure width in millimetres (default 170, full page); the same as {@link #withWidthMm}.
     *
     * @param mm 60 to 400
     */
    @Override
    public CumulativeIncidencePlot withWidth(double mm) {
        if (!(mm >= 60 && mm <= 400)) {
            throw new IllegalArgumentException("the width must be between 60 and 400 mm, not " + mm);
        }
        return new CumulativeIncidencePlot(result, title, timeUnit, timeLabel, causeLabels, groupLabels, stacked,
                palette, mm, causeOrder, atRisk, pFormat, lineTypes);
    }

    /**
     * The order of the causes (stacked from the axis up, in the legend and the colours): put the cause of interest
     * first so that its incidence is read off the axis. Default: increasing codes.
     *
     * @param codes every cause code of the fit, once
     */
    public CumulativeIncidencePlot withCauseOrder(double... codes) {
        double[] all = result.causes();
        double[] sorted = codes.clone();
        java.util.Arrays.sort(sorted);
        if (!java.util.Arrays.equals(sorted, all)) {
            throw new IllegalArgumentException("the order must list each cause of the fit once: "
                    + java.util.Arrays.toString(all) + ", got " + java.util.Arrays.toString(codes));
        }
        return new CumulativeIncidencePlot(result, title, timeUnit, timeLabel, causeLabels, groupLabels, stacked,
                palette, widthMm, codes.clone(), atRisk, pFormat, lineTypes);
    }

    /**
     * A number-at-risk row under each panel: the patients still followed and free of every event at each time
     * tick, as the Kaplan–Meier fit of any event reports it ({@link SurvivalAtTime#nRisk()}).
     *
     * @param anyEvent Kaplan–Meier curves of the time to the first event of any cause, one per group of the fit
     *                 (labels as {@link CumulativeIncidenceResult#groups()}); null for none
     */
    public CumulativeIncidencePlot withRiskTable(List<GroupCurve> anyEvent) {
        if (anyEvent != null) {
            List<String> labels = anyEvent.stream().map(GroupCurve::group).sorted().toList();
            if (!labels.equals(result.groups().stream().sorted().toList())) {
                throw new IllegalArgumentException("the at-risk curves' groups " + labels + " are not the plot's "
                        + result.groups());
            }
        }
        return new CumulativeIncidencePlot(result, title, timeUnit, timeLabel, causeLabels, groupLabels, stacked,
                palette, widthMm, causeOrder, anyEvent == null ? null : List.copyOf(anyEvent), pFormat, lineTypes);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A cause code as written in data, the key of {@link #withCauseLabels}: 1, not 1.0. */
    public static String code(double c) {
        return c == Math.rint(c) && Math.abs(c) < 1e15 ? Long.toString((long) c) : Double.toString(c);
    }

    String causeLabel(double cause) {
        String c = code(cause);
        return causeLabels.getOrDefault(c, "Cause " + c);
    }

    @Override
    public String svg() {
        double width = widthMm * SvgWriter.PT_PER_MM;
        double[] causes = causeOrder != null ? causeOrder.clone() : result.causes();
        List<String> groups = result.groups();
        int k = groups.size();
        double maxTime = 0;
        for (CumulativeIncidenceCurve c : result.curves()) {
            maxTime = Math.max(maxTime, c.lastTime());
        }
        // narrow side-by-side panels get fewer time ticks (six intervals on a full-width panel)
        AxisTicks ticks = AxisTicks.time(maxTime > 0 ? maxTime : 1, timeUnit == null ? "" : timeUnit,
                k == 1 ? 6 : k == 2 ? 4 : 3);
        double xEnd = ticks.axisMax();
        List<String> yLabels = new ArrayList<>();
        double[] yTicks = {0, 0.2, 0.4, 0.6, 0.8, 1.0};
        for (double v : yTicks) {
            yLabels.add(NumberText.fixed(v, 1));
        }
        double axisX = PAD + Axes.leftWidth(yLabels);
        double lastTickW = TextMetrics.width(ticks.label(ticks.values().length - 1), Style.FONT);
        double right = width - Math.max(6, lastTickW / 2 + PAD);
        // the gap between panels leaves room for the last time label of one panel and the first of the next
        double gap = Math.max(PANEL_GAP, (lastTickW + TextMetrics.width(ticks.label(0), Style.FONT)) / 2 + 8);
        double panelW = (right - axisX - (k - 1) * gap) / k;

        // vertical layout: title, legend, panel titles, panels, time axis
        double y = PAD + 1;
        double titleBaseline = 0;
        if (title != null) {
            titleBaseline = y + Style.FONT_TITLE * Style.CAP;
            y += Style.FONT_TITLE + 8;
        }
        double legendY = y + Style.LINE / 2;
        // the legend wraps onto more lines when the causes do not fit side by side (a narrow figure)
        int legendRows = legend(null, axisX, legendY, causes, width - PAD);
        y += legendRows * (Style.LINE + LEGEND_ROW_GAP) - LEGEND_ROW_GAP + 6;
        boolean panelTitles = k > 1 || !groups.get(0).equals("all");
        double panelTitleBaseline = y + Style.FONT * Style.CAP;
        if (panelTitles) {
            y += Style.LINE + 4;
        }
        double top = y;
        double plotHeight = Math.min(0.42 * width, Math.max(0.28 * width, 0.75 * panelW));
        double bottom = top + plotHeight;
        double height = Axes.titleBaseline(bottom) + PAD + 3;
        double riskHeaderMid = 0;
        if (atRisk != null) {
            riskHeaderMid = Axes.titleBaseline(bottom) + 10 + Style.LINE / 2;
            height = riskHeaderMid + Style.LINE + Style.LINE / 2 + 2 + PAD;
        }

        SvgWriter w = new SvgWriter(width, height, (title != null ? title : "Cumulative incidence of competing risks"));
        if (title != null) {
            w.text(title, "class", "title", "x", SvgWriter.num(axisX), "y", SvgWriter.num(titleBaseline), "font-size",
                    SvgWriter.num(Style.FONT_TITLE), "font-weight", "bold", "fill", Style.TEXT);
        }
        List<Hatch> hatches = hatches();
        if (hatches.stream().anyMatch(h -> h != Hatch.PLAIN)) {
            w.open("defs");
            hatches.forEach(h -> h.define(w));
            w.close("defs");
        }
        legend(w, axisX, legendY, causes, width - PAD);
        Scale sy = Scale.linear(0, 1, bottom - Style.DATA_PAD, top);
        Axes.left(w, axisX, top, bottom, yTicks, yLabels, sy,
                stacked ? "Cumulative incidence (stacked)" : "Cumulative incidence", (top + bottom) / 2);
        String xTitle = timeLabel != null ? timeLabel : timeUnit != null ? "Time (" + timeUnit + ")" : "Time";
        // one time axis title under all panels when it is wider than a panel (a narrow figure), else one per panel
        boolean sharedTitle = k > 1 && TextMetrics.width(xTitle, Style.FONT_AXIS_TITLE) > panelW + gap - 6;
        for (int g = 0; g < k; g++) {
            double x0 = axisX + g * (panelW + gap);
            double dataX0 = x0 + Style.DATA_PAD;
            Scale sx = Scale.linear(0, xEnd, dataX0, x0 + panelW);
            String group = groups.get(g);
            w.open("g", "class", "cif-panel", "data-group", group);
            if (panelTitles) {
                w.text(groupLabels.getOrDefault(group, group), "class", "panel-title", "x",
                        SvgWriter.num(dataX0 + (panelW - Style.DATA_PAD) / 2), "y", SvgWriter.num(panelTitleBaseline),
                        "font-size", SvgWriter.num(Style.FONT), "font-weight", "bold", "fill", Style.TEXT,
                        "text-anchor", "middle");
            }
            if (g > 0) {
                w.empty("line", "class", "panel-axis", "x1", SvgWriter.num(x0), "y1", SvgWriter.num(top), "x2",
                        SvgWriter.num(x0), "y2", SvgWriter.num(bottom), "stroke", Style.AXIS, "stroke-width",
                        SvgWriter.num(Style.AXIS_WIDTH));
            }
            drawGroup(w, group, causes, sx, sy, xEnd);
            if (atRisk != null) {
                drawAtRisk(w, group, ticks.values(), sx, riskHeaderMid + Style.LINE);
            }
            Axes.bottom(w, bottom, x0, x0 + panelW, ticks.values(), ticks.labels(), sx, sharedTitle ? null : xTitle,
                    dataX0 + (panelW - Style.DATA_PAD) / 2);
            w.close("g");
        }
        if (sharedTitle) {
            w.text(xTitle, "class", "axis-title", "x", SvgWriter.num((axisX + Style.DATA_PAD + right) / 2), "y",
                    SvgWriter.num(Axes.titleBaseline(bottom)), "font-size", SvgWriter.num(Style.FONT_AXIS_TITLE),
                    "fill", Style.TEXT, "text-anchor", "middle");
        }
        if (atRisk != null) {
            w.text(List.of(new SvgWriter.Run("Number at risk (free of any event)", false, true)), "class",
                    "risk-title", "x", SvgWriter.num(PAD), "y", SvgWriter.num(Style.centredBaseline(riskHeaderMid,
                            Style.FONT)), "font-size", SvgWriter.num(Style.FONT), "fill", Style.TEXT);
        }
        return w.finish();
    }

    /** The numbers at risk of one group under its panel, one per time tick. */
    private void drawAtRisk(SvgWriter w, String group, double[] ticks, Scale sx, double mid) {
        SurvivalCurve c = atRisk.stream().filter(g -> g.group().equals(group)).findFirst().orElseThrow().curve();
        String y = SvgWriter.num(Style.centredBaseline(mid, Style.FONT));
        List<SurvivalAtTime> at = c.at(ticks);
        for (int k = 0; k < ticks.length; k++) {
            w.text(NumberText.count(at.get(k).nRisk()), "class", "risk-cell", "data-group", group, "data-time",
                    NumberText.plain(ticks[k]), "x", SvgWriter.num(sx.map(ticks[k])), "y", y, "font-size",
                    SvgWriter.num(Style.FONT), "fill", Style.TEXT, "text-anchor", "middle");
        }
    }

    /**
     * Draws the legend, one entry per cause left to right, wrapping onto a new line at {@code right}.
     *
     * @param w the writer, or null to count the lines only
     * @return the number of lines
     */
    private int legend(SvgWriter w, double x, double centreY, double[] causes, double right) {
        if (w != null) {
            w.open("g", "class", "legend");
        }
        double cx = x + Style.DATA_PAD;
        List<LineType> types = lineTypes();
        double key = types.stream().anyMatch(t -> t != LineType.SOLID) ? DASHED_KEY : SWATCH;
        int rows = 1;
        for (int c = 0; c < causes.length; c++) {
            double entryW = key + 3 + TextMetrics.width(legendText(causes[c]), Style.FONT);
            if (c > 0 && cx + entryW > right) {
                cx = x + Style.DATA_PAD;
                centreY += Style.LINE + LEGEND_ROW_GAP;
                rows++;
            }
            if (w == null) {
                cx += entryW + 12;
                continue;
            }
            String color = palette.color(c);
            if (stacked) {
                w.empty("rect", "class", "legend-key", "x", SvgWriter.num(cx), "y", SvgWriter.num(centreY - SWATCH / 2),
                        "width", SvgWriter.num(SWATCH), "height", SvgWriter.num(SWATCH), "fill", color, "fill-opacity",
                        FILL_OPACITY);
                Hatch h = hatches().get(c);
                if (h != Hatch.PLAIN) {
                    w.empty("rect", "class", "legend-key-hatch", "data-hatch", h.word(), "x", SvgWriter.num(cx), "y",
                            SvgWriter.num(centreY - SWATCH / 2), "width", SvgWriter.num(SWATCH), "height",
                            SvgWriter.num(SWATCH), "fill", "url(#" + h.id() + ")");
                }
            } else {
                w.empty("line", Stroke.attributes(List.of("class", "legend-key", "x1", SvgWriter.num(cx), "y1",
                        SvgWriter.num(centreY), "x2", SvgWriter.num(cx + key), "y2", SvgWriter.num(centreY)), color,
                        Style.CURVE_WIDTH, types.get(c), "butt"));
            }
            String label = causeLabel(causes[c]);
            double p = grayP(causes[c]);
            List<SvgWriter.Run> runs = new ArrayList<>(List.of(SvgWriter.Run.plain(label)));
            if (!Double.isNaN(p)) {
                // the p in italics, as the Kaplan-Meier figure prints its test
                runs.add(SvgWriter.Run.plain(" (Gray "));
                runs.add(SvgWriter.Run.italic(pFormat.symbol()));
                runs.add(SvgWriter.Run.plain(pFormat.afterSymbol(p) + ")"));
            }
            w.text(runs, "class", "legend-label", "data-cause", code(causes[c]), "x", SvgWriter.num(cx + key + 3),
                    "y", SvgWriter.num(Style.centredBaseline(centreY, Style.FONT)), "font-size",
                    SvgWriter.num(Style.FONT), "fill", Style.TEXT);
            cx += entryW + 12;
        }
        if (w != null) {
            w.close("g");
        }
        return rows;
    }

    /** A cause's legend text as measured: its label and Gray's P. */
    private String legendText(double cause) {
        double p = grayP(cause);
        if (Double.isNaN(p)) {
            return causeLabel(cause);
        }
        return causeLabel(cause) + " (Gray " + pFormat.textWithSymbol(p) + ")";
    }

    private double grayP(double cause) {
        for (GrayTestResult t : result.tests()) {
            if (t.cause() == cause) {
                return t.pValue();
            }
        }
        return Double.NaN;
    }

    /** The causes of one group: stacked bands between running sums, or one step line each. */
    private void drawGroup(SvgWriter w, String group, double[] causes, Scale sx, Scale sy, double xEnd) {
        List<LineType> types = lineTypes();
        List<Hatch> hatches = hatches();
        CumulativeIncidenceCurve first = result.curve(group, causes[0]);
        double end = Math.min(first.lastTime(), xEnd);
        TreeSet<Double> grid = new TreeSet<>();
        for (double c : causes) {
            for (double t : result.curve(group, c).time()) {
                if (t <= end) {
                    grid.add(t);
                }
            }
        }
        double[] times = grid.stream().mapToDouble(Double::doubleValue).toArray();
        double[] lower = new double[times.length];
        for (int c = 0; c < causes.length; c++) {
            CumulativeIncidenceCurve curve = result.curve(group, causes[c]);
            List<CumulativeIncidenceAtTime> at = curve.at(times);
            double[] f = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                f[i] = at.get(i).cif();
            }
            String color = palette.color(c);
            if (stacked && curve.size() == 0) {
                // no event of this cause in the group: an empty band would only paint its outline over the one below
                continue;
            }
            if (stacked) {
                double[] upper = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    upper[i] = lower[i] + f[i];
                }
                String d = band(times, lower, upper, end, sx, sy);
                w.empty("path", "class", "cif-area", "data-group", group, "data-cause", code(causes[c]), "d", d,
                        "fill", color, "fill-opacity", FILL_OPACITY, "stroke", color, "stroke-width",
                        SvgWriter.num(0.4));
                if (hatches.get(c) != Hatch.PLAIN) {
                    w.empty("path", "class", "cif-hatch", "data-group", group, "data-cause", code(causes[c]),
                            "data-hatch", hatches.get(c).word(), "d", d, "fill", "url(#" + hatches.get(c).id() + ")",
                            "stroke", "none");
                }
                lower = upper;
            } else {
                // flat after the last event of the cause, to the group's last follow-up (as cmprsk's plot)
                double[] x = java.util.Arrays.copyOf(curve.time(), curve.size() + 1);
                double[] v = java.util.Arrays.copyOf(curve.cif(), curve.size() + 1);
                x[curve.size()] = end;
                v[curve.size()] = curve.size() == 0 ? 0 : v[curve.size() - 1];
                w.empty("path", Stroke.attributes(List.of("class", "cif-curve", "data-group", group, "data-cause",
                        code(causes[c]), "d", StepPath.of(0, 0, x, v, end, sx, sy).d()), color, Style.CURVE_WIDTH,
                        types.get(c), "butt"));
            }
        }
    }

    /** A closed path between two right-continuous step functions on the same jump times, from 0 to {@code end}. */
    static String band(double[] t, double[] lo, double[] hi, double end, Scale sx, Scale sy) {
        StringBuilder d = new StringBuilder();
        d.append('M').append(SvgWriter.num(sx.map(0))).append(' ').append(SvgWriter.num(sy.map(0)));
        for (int i = 0; i < t.length; i++) {
            d.append('H').append(SvgWriter.num(sx.map(t[i]))).append('V').append(SvgWriter.num(sy.map(hi[i])));
        }
        d.append('H').append(SvgWriter.num(sx.map(end)));
        double below = t.length == 0 ? 0 : lo[t.length - 1];
        d.append('V').append(SvgWriter.num(sy.map(below)));
        for (int i = t.length - 1; i >= 0; i--) {
            d.append('H').append(SvgWriter.num(sx.map(t[i]))).append('V')
                    .append(SvgWriter.num(sy.map(i == 0 ? 0 : lo[i - 1])));
        }
        d.append('Z');
        return d.toString();
    }
}
