package org.survkit.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.survkit.stats.km.GroupCurve;

/**
 * The log-minus-log plot for checking proportional hazards: log(−log S(t)) against time on a
 * log scale, one step curve per group (R {@code plot(fit, fun = "cloglog")}; SAS {@code LLS}).
 * Under proportional hazards the curves are parallel, a vertical distance of β apart
 * (Klein &amp; Moeschberger §11.4; Collett §4.4.1); curves that converge or cross argue against it.
 *
 * <p>Only the Kaplan–Meier values are transformed: rows with S = 1 (log(−log 1) = −∞) and the
 * time from which S = 0 (+∞) are not drawn; times are the curves' own.
 */
public final class LogMinusLogPlot implements Figure {

    static final class Settings {
        String title;
        String timeUnit;
        String timeLabel;
        Palette palette = Palette.okabeIto();
        List<String> groups;
        Map<String, String> groupLabels = Map.of();
        String legendTitle;
        double widthMm = Style.WIDTH_MM;
        double plotHeightMm = Double.NaN;
        LineTypes lineTypes = LineTypes.AUTO;
        LegendPosition legendPosition = LegendPosition.INSIDE;

        Settings copy() {
            Settings s = new Settings();
            s.title = title;
            s.timeUnit = timeUnit;
            s.timeLabel = timeLabel;
            s.palette = palette;
            s.groups = groups;
            s.groupLabels = groupLabels;
            s.legendTitle = legendTitle;
            s.widthMm = widthMm;
            s.plotHeightMm = plotHeightMm;
            s.lineTypes = lineTypes;
            s.legendPosition = legendPosition;
            return s;
        }
    }

    private final List<GroupCurve> curves;
    private final Settings settings;

    private LogMinusLogPlot(List<GroupCurve> curves, Settings settings) {
        this.curves = curves;
        this.settings = settings;
    }

    /** A plot of these curves (colours follow their position, as in {@link KaplanMeierPlot}). */
    public static LogMinusLogPlot of(List<GroupCurve> curves) {
        Objects.requireNonNull(curves, "curves");
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("a log-minus-log plot needs at least one curve");
        }
        return new LogMinusLogPlot(List.copyOf(curves), new Settings());
    }

    private LogMinusLogPlot with(Consumer<Settings> change) {
        Settings s = settings.copy();
        change.accept(s);
        return new LogMinusLogPlot(curves, s);
    }

    /** A title above the plot. */
    public LogMinusLogPlot withTitle(String title) {
        return with(s -> s.title = blankToNull(title));
    }

    /** The time unit for the axis title "Time (unit), log scale". */
    public LogMinusLogPlot withTimeUnit(String unit) {
        return with(s -> s.timeUnit = blankToNull(unit));
    }

    /** The whole time-axis title. */
    public LogMinusLogPlot withTimeLabel(String label) {
        return with(s -> s.timeLabel = blankToNull(label));
    }

    /** Group colours (default Okabe–Ito). */
    public LogMinusLogPlot with(Palette palette) {
        Objects.requireNonNull(palette, "palette");
        return with(s -> s.palette = palette);
    }

    /** Whether the groups get distinct line types (default {@link LineTypes#AUTO}, as {@link KaplanMeierPlot}). */
    public LogMinusLogPlot with(LineTypes lineTypes) {
        Objects.requireNonNull(lineTypes, "lineTypes");
        return with(s -> s.lineTypes = lineTypes);
    }

    /** Where the legend goes (default {@link LegendPosition#INSIDE}). */
    public LogMinusLogPlot with(LegendPosition position) {
        Objects.requireNonNull(position, "position");
        return with(s -> s.legendPosition = position);
    }

    /** The line type of each group shown, in the order shown (all solid when line types are not used). */
    public List<LineType> lineTypes() {
        int[] idx = shownCurves().stream().mapToInt(this::colorIndex).toArray();
        return settings.lineTypes.resolve(settings.palette, idx);
    }

    /** Show only these groups, in this order. */
    public LogMinusLogPlot withGroups(String... groups) {
        List<String> g = List.of(groups);
        for (String name : g) {
            if (curves.stream().noneMatch(c -> c.group().equals(name))) {
                throw new IllegalArgumentException("no group '" + name + "': the curves are "
                        + curves.stream().map(GroupCurve::group).toList());
            }
        }
        if (g.isEmpty() || g.stream().distinct().count() != g.size()) {
            throw new IllegalArgumentException("list each group to show once: " + g);
        }
        return with(s -> s.groups = g);
    }

    /** Display names for groups. */
    public LogMinusLogPlot withGroupLabels(Map<String, String> labels) {
        Map<String, String> copy = Map.copyOf(new LinkedHashMap<>(labels));
        return with(s -> s.groupLabels = copy);
    }

    /** A title over the legend entries. */
    public LogMinusLogPlot withLegendTitle(String title) {
        return with(s -> s.legendTitle = blankToNull(title));
    }

    /** Figure width in millimetres (default 170). */
    public LogMinusLogPlot withWidth(double mm) {
        if (!(mm >= 60) || mm > 500) {
            throw new IllegalArgumentException("width must be 60 to 500 mm, not " + mm);
        }
        return with(s -> s.widthMm = mm);
    }

    /** Height of the plot panel in millimetres (default 0.48 × width). */
    public LogMinusLogPlot withPlotHeight(double mm) {
        if (!(mm >= 30) || mm > 500) {
            throw new IllegalArgumentException("plot height must be 30 to 500 mm, not " + mm);
        }
        return with(s -> s.plotHeightMm = mm);
    }

    @Override
    public String svg() {
        return new LogMinusLogRenderer(this).render();
    }

    Settings settings() {
        return settings;
    }

    List<GroupCurve> shownCurves() {
        if (settings.groups == null) {
            return curves;
        }
        List<GroupCurve> out = new ArrayList<>();
        for (String g : settings.groups) {
            curves.stream().filter(c -> c.group().equals(g)).forEach(out::add);
        }
        return out;
    }

    int colorIndex(GroupCurve g) {
        return curves.indexOf(g);
    }

    String label(String group) {
        return settings.groupLabels.getOrDefault(group, group);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
