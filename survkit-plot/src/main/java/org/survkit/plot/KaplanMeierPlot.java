package org.survkit.plot;

import org.survkit.stats.PValueFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.Weighting;

/**
 * A Kaplan–Meier figure as a journal prints it (the layout of R survminer's {@code ggsurvplot}
 * with {@code risk.table = TRUE}, or GraphPad Prism's survival graph): right-continuous step
 * curves per group, censoring marks, optional pointwise confidence bands and median lines, a
 * legend with each group's n and events, the test and its p-value, and the number at risk at each
 * time tick in a table aligned under the time axis.
 *
 * <p>Immutable: every {@code with...} returns a new plot. Nothing is computed here that the
 * survival curves do not already hold: steps are the curves' rows, the numbers at risk are
 * {@link org.survkit.stats.km.SurvivalCurve#at(double...)} at the ticks, medians are
 * {@link org.survkit.stats.km.SurvivalCurve#median()}, the p-value is the given test's.
 *
 * <pre>{@code
 * List<GroupCurve> curves = KaplanMeier.withDefaults().fit(time, event, sex);
 * LogRankResult test = LogRankTest.withDefaults().test(time, event, sex);
 * String svg = KaplanMeierPlot.of(curves).withGroupLabels(Map.of("1", "Male", "2", "Female"))
 *         .withTimeUnit("days").withTest(test).svg();
 * }</pre>
 */
public final class KaplanMeierPlot implements Figure {

    /** Settings; a fresh copy for every wither, never shared once a plot is built. */
    static final class Settings {
        String title;
        String timeLabel;
        String timeUnit;
        String survivalLabel;
        double horizon = Double.NaN;
        double breakInterval = Double.NaN;
        double[] breaks;
        boolean confidenceBands;
        CensorMark censorMark = CensorMark.PLUS;
        boolean riskTable = true;
        boolean medianLines;
        SurvivalScale scale = SurvivalScale.FRACTION;
        Palette palette = Palette.okabeIto();
        List<String> groups;
        Map<String, String> groupLabels = Map.of();
        String legendTitle;
        LogRankResult test;
        String testName;
        double pValue = Double.NaN;
        PValueFormat pFormat = PValueFormat.DEFAULT;
        double widthMm = Style.WIDTH_MM;
        double plotHeightMm = Double.NaN;
        LineTypes lineTypes = LineTypes.AUTO;
        LegendPosition legendPosition = LegendPosition.INSIDE;

        Settings copy() {
            Settings s = new Settings();
            s.title = title;
            s.timeLabel = timeLabel;
            s.timeUnit = timeUnit;
            s.survivalLabel = survivalLabel;
            s.horizon = horizon;
            s.breakInterval = breakInterval;
            s.breaks = breaks;
            s.confidenceBands = confidenceBands;
            s.censorMark = censorMark;
            s.riskTable = riskTable;
            s.medianLines = medianLines;
            s.scale = scale;
            s.palette = palette;
            s.groups = groups;
            s.groupLabels = groupLabels;
            s.legendTitle = legendTitle;
            s.test = test;
            s.testName = testName;
            s.pValue = pValue;
            s.pFormat = pFormat;
            s.widthMm = widthMm;
            s.plotHeightMm = plotHeightMm;
            s.lineTypes = lineTypes;
            s.legendPosition = legendPosition;
            return s;
        }
    }

    private final List<GroupCurve> curves;
    private final Settings settings;

    private KaplanMeierPlot(List<GroupCurve> curves, Settings settings) {
        this.curves = curves;
        this.settings = settings;
    }

    /**
     * A plot of these curves (all of them, in this order, until {@link #withGroups} says
     * otherwise). Colours follow each group's position in this list.
     */
    public static KaplanMeierPlot of(List<GroupCurve> curves) {
        Objects.requireNonNull(curves, "curves");
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("a Kaplan–Meier plot needs at least one curve");
        }
        List<String> names = new ArrayList<>();
        for (GroupCurve g : curves) {
            if (names.contains(g.group())) {
                throw new IllegalArgumentException("group '" + g.group() + "' appears twice");
            }
            names.add(g.group());
        }
        return new KaplanMeierPlot(List.copyOf(curves), new Settings());
    }

    private KaplanMeierPlot with(Consumer<Settings> change) {
        Settings s = settings.copy();
        change.accept(s);
        return new KaplanMeierPlot(curves, s);
    }

    /** A title above the plot (none by default; journals usually put it in the caption). */
    public KaplanMeierPlot withTitle(String title) {
        return with(s -> s.title = blankToNull(title));
    }

    /** The time unit, shown in the axis title "Time (unit)" and used to pick ticks (months: 0, 12, 24, …). */
    public KaplanMeierPlot withTimeUnit(String unit) {
        return with(s -> s.timeUnit = blankToNull(unit));
    }

    /** The whole time-axis title, e.g. "Months since randomisation" (overrides the unit in the title). */
    public KaplanMeierPlot withTimeLabel(String label) {
        return with(s -> s.timeLabel = blankToNull(label));
    }

    /** The survival-axis title, e.g. "Overall survival" (default "Survival probability" or "Survival (%)"). */
    public KaplanMeierPlot withSurvivalLabel(String label) {
        return with(s -> s.survivalLabel = blankToNull(label));
    }

    /** The end of the time axis (R {@code xlim}); curves, marks and bands stop there. Default: the last observation. */
    public KaplanMeierPlot withHorizon(double horizon) {
        if (!(horizon > 0) || !Double.isFinite(horizon)) {
            throw new IllegalArgumentException("the horizon must be a positive number, not " + horizon);
        }
        return with(s -> s.horizon = horizon);
    }

    /** Time ticks every {@code interval} from 0 (survminer {@code break.time.by}); default: a nice interval. */
    public KaplanMeierPlot withBreakInterval(double interval) {
        if (!(interval > 0) || !Double.isFinite(interval)) {
            throw new IllegalArgumentException("the break interval must be a positive number, not " + interval);
        }
        return with(s -> {
            s.breakInterval = interval;
            s.breaks = null;
        });
    }

    /** Time ticks at these times (and the number-at-risk table there). */
    public KaplanMeierPlot withBreaks(double... breaks) {
        if (breaks.length == 0) {
            throw new IllegalArgumentException("give at least one break");
        }
        for (double b : breaks) {
            if (!(b >= 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("breaks are times ≥ 0, not " + b);
            }
        }
        double[] copy = breaks.clone();
        return with(s -> {
            s.breaks = copy;
            s.breakInterval = Double.NaN;
        });
    }

    /** Pointwise confidence bands of the curves' own type and level, as shaded steps (default off). */
    public KaplanMeierPlot withConfidenceBands(boolean show) {
        return with(s -> s.confidenceBands = show);
    }

    /** How censoring times are marked (default {@link CensorMark#PLUS}). */
    public KaplanMeierPlot with(CensorMark mark) {
        Objects.requireNonNull(mark, "mark");
        return with(s -> s.censorMark = mark);
    }

    /** Whether to show censoring marks: {@code false} is {@link CensorMark#NONE}, {@code true} restores {@link CensorMark#PLUS}. */
    public KaplanMeierPlot withCensorMarks(boolean show) {
        return with(s -> s.censorMark = show ? (s.censorMark == CensorMark.NONE ? CensorMark.PLUS : s.censorMark)
                : CensorMark.NONE);
    }

    /** The number-at-risk table under the time axis (default on). */
    public KaplanMeierPlot withRiskTable(boolean show) {
        return with(s -> s.riskTable = show);
    }

    /** Dashed lines from 50 % to each median reached and down to the time axis (survminer {@code surv.median.line = "hv"}; default off). */
    public KaplanMeierPlot withMedianLines(boolean show) {
        return with(s -> s.medianLines = show);
    }

    /** Survival as a fraction or a percentage (default {@link SurvivalScale#FRACTION}). */
    public KaplanMeierPlot with(SurvivalScale scale) {
        Objects.requireNonNull(scale, "scale");
        return with(s -> s.scale = scale);
    }

    /** Group colours (default {@link Palette#okabeIto()}). */
    public KaplanMeierPlot with(Palette palette) {
        Objects.requireNonNull(palette, "palette");
        return with(s -> s.palette = palette);
    }

    /**
     * Whether the groups get distinct line types besides their colours (default {@link LineTypes#AUTO}: when two
     * groups would print as the same grey). A group keeps its line type in a figure of a subset of the groups.
     */
    public KaplanMeierPlot with(LineTypes lineTypes) {
        Objects.requireNonNull(lineTypes, "lineTypes");
        return with(s -> s.lineTypes = lineTypes);
    }

    /** Where the legend goes (default {@link LegendPosition#INSIDE}). */
    public KaplanMeierPlot with(LegendPosition position) {
        Objects.requireNonNull(position, "position");
        return with(s -> s.legendPosition = position);
    }

    /**
     * The line type of each group shown, in the order shown (all {@link LineType#SOLID} when line types are not
     * used), for a caption that says which is which.
     */
    public List<LineType> lineTypes() {
        List<GroupCurve> shown = shownCurves();
        int[] idx = shown.stream().mapToInt(this::colorIndex).toArray();
        return settings.lineTypes.resolve(settings.palette, idx);
    }

    /** {@return the display names of the groups shown, in the order shown (as the legend names them)} */
    public List<String> shownLabels() {
        return shownCurves().stream().map(g -> label(g.group())).toList();
    }

    /** Show only these groups, in this order (e.g. one pair); each keeps its colour. */
    public KaplanMeierPlot withGroups(String... groups) {
        List<String> g = List.of(groups);
        if (g.isEmpty()) {
            throw new IllegalArgumentException("show at least one group");
        }
        for (String name : g) {
            if (curves.stream().noneMatch(c -> c.group().equals(name))) {
                throw new IllegalArgumentException("no group '" + name + "': the curves are " + groupNames());
            }
        }
        if (g.stream().distinct().count() != g.size()) {
            throw new IllegalArgumentException("a group is listed twice: " + g);
        }
        return with(s -> s.groups = g);
    }

    /** Display names for groups (group → label, e.g. "1" → "Male"); groups not in the map show their own name. */
    public KaplanMeierPlot withGroupLabels(Map<String, String> labels) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        return with(s -> s.groupLabels = Map.copyOf(copy));
    }

    /** A title over the legend entries, e.g. the grouping variable "Sex". */
    public KaplanMeierPlot withLegendTitle(String title) {
        return with(s -> s.legendTitle = blankToNull(title));
    }

    /**
     * The test to print ("Log-rank p = 0.00131"). It must compare exactly the groups shown;
     * for a pair out of several groups pass the test on that pair, or {@link #withPValue} with an
     * adjusted p-value.
     */
    public KaplanMeierPlot withTest(LogRankResult test) {
        Objects.requireNonNull(test, "test");
        return with(s -> {
            s.test = test;
            s.testName = null;
            s.pValue = Double.NaN;
        });
    }

    /** A test named freely with its p-value, e.g. ("Log-rank, Holm-adjusted", 0.012). */
    public KaplanMeierPlot withPValue(String testName, double pValue) {
        Objects.requireNonNull(testName, "testName");
        PValueFormat.format(pValue); // validates
        return with(s -> {
            s.test = null;
            s.testName = testName;
            s.pValue = pValue;
        });
    }

    /** How the p-value prints (default {@link PValueFormat#DEFAULT}, three significant digits). */
    public KaplanMeierPlot with(PValueFormat format) {
        Objects.requireNonNull(format, "format");
        return with(s -> s.pFormat = format);
    }

    /** Figure width in millimetres (default 170, a full-width journal figure; 85 for one column). */
    public KaplanMeierPlot withWidth(double mm) {
        if (!(mm >= 60) || mm > 500) {
            throw new IllegalArgumentException("width must be 60 to 500 mm, not " + mm);
        }
        return with(s -> s.widthMm = mm);
    }

    /** Height of the plot panel in millimetres, without title, legend or risk table (default: 0.48 × width). */
    public KaplanMeierPlot withPlotHeight(double mm) {
        if (!(mm >= 30) || mm > 500) {
            throw new IllegalArgumentException("plot height must be 30 to 500 mm, not " + mm);
        }
        return with(s -> s.plotHeightMm = mm);
    }

    @Override
    public String svg() {
        return new KaplanMeierRenderer(this).render();
    }

    // ---- read by the renderer

    List<GroupCurve> allCurves() {
        return curves;
    }

    Settings settings() {
        return settings;
    }

    /** The groups shown, in order. */
    List<GroupCurve> shownCurves() {
        if (settings.groups == null) {
            return curves;
        }
        List<GroupCurve> out = new ArrayList<>();
        for (String g : settings.groups) {
            for (GroupCurve c : curves) {
                if (c.group().equals(g)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    int colorIndex(GroupCurve g) {
        return curves.indexOf(g);
    }

    String label(String group) {
        return settings.groupLabels.getOrDefault(group, group);
    }

    /** The test's display name, or null without a test. */
    String testName() {
        if (settings.testName != null) {
            return settings.testName;
        }
        LogRankResult t = settings.test;
        if (t == null) {
            return null;
        }
        String name = testName(t);
        return t.stratified() ? "Stratified " + Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
    }

    static String testName(LogRankResult t) {
        Weighting w = t.weighting();
        return w == Weighting.FLEMING_HARRINGTON
                ? w.displayName() + " G(" + NumberText.plain(t.rho()) + ", " + NumberText.plain(t.gamma()) + ")"
                : w.displayName();
    }

    /** The p-value to print (NaN without a test); checks that the test compares the groups shown. */
    double pValue() {
        if (settings.testName != null) {
            return settings.pValue;
        }
        LogRankResult t = settings.test;
        if (t == null) {
            return Double.NaN;
        }
        List<String> tested = t.groups().stream().map(g -> g.group()).sorted().toList();
        List<String> shown = shownCurves().stream().map(GroupCurve::group).sorted().toList();
        if (!tested.equals(shown)) {
            throw new IllegalArgumentException("the test compares groups " + tested + " but the figure shows " + shown
                    + ": give the test on the groups shown, or withPValue(name, p) for an adjusted pairwise p-value");
        }
        return t.pValue();
    }

    private List<String> groupNames() {
        return curves.stream().map(GroupCurve::group).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KaplanMeierPlot[groups=%s, riskTable=%s, bands=%s]",
                shownCurves().stream().map(GroupCurve::group).toList(), settings.riskTable, settings.confidenceBands);
    }
}
