package org.survkit.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.survkit.plot.Legend.Entry;
import org.survkit.plot.LogMinusLogPlot.Settings;
import org.survkit.plot.Placement.Corner;
import org.survkit.plot.SvgWriter.Run;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.SurvivalCurve;

/** Lays out and writes one {@link LogMinusLogPlot}. */
final class LogMinusLogRenderer {

    private static final double PAD = 3;

    private final Settings s;
    private final List<GroupCurve> shown;
    private final String[] colors;
    private final String[] labels;
    private final List<LineType> lineTypes;
    private final double width;

    LogMinusLogRenderer(LogMinusLogPlot plot) {
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

    /** The drawable part of one curve: times &gt; 0 from the first S &lt; 1, values log(−log S), NaN from S = 0. */
    private record Transformed(double[] time, double[] value) {
        boolean isEmpty() {
            return time.length == 0;
        }
    }

    private static Transformed transform(SurvivalCurve c) {
        double[] t = c.time();
        double[] surv = c.survival();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (surv[i] >= 1) {
                continue;
            }
            double v = surv[i] > 0 ? Math.log(-Math.log(surv[i])) : Double.NaN;
            rows.add(new double[] {t[i], v});
            if (Double.isNaN(v)) {
                break;
            }
        }
        return new Transformed(rows.stream().mapToDouble(r -> r[0]).toArray(),
                rows.stream().mapToDouble(r -> r[1]).toArray());
    }

    String render() {
        Transformed[] data = new Transformed[shown.size()];
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = 0;
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < shown.size(); g++) {
            data[g] = transform(shown.get(g).curve());
            double[] t = data[g].time();
            double[] v = data[g].value();
            for (int i = 0; i < t.length; i++) {
                if (t[i] > 0) {
                    tMin = Math.min(tMin, t[i]);
                }
                tMax = Math.max(tMax, t[i]);
                if (!Double.isNaN(v[i])) {
                    vMin = Math.min(vMin, v[i]);
                    vMax = Math.max(vMax, v[i]);
                }
            }
            double[] all = shown.get(g).curve().time();
            if (all.length > 0 && !data[g].isEmpty() && !Double.isNaN(v[v.length - 1])) {
                tMax = Math.max(tMax, all[all.length - 1]); // the last value holds to the last observation
            }
        }
        if (!(tMin < Double.POSITIVE_INFINITY)) {
            tMin = 1;
            tMax = 10;
            vMin = -1;
            vMax = 1;
        }
        if (!(tMax > tMin)) {
            tMax = tMin * 10;
        }
        // x: log axis over the data, ticks inside (an axis from 2 to 2000 for data from 3 to 1022 wastes a third)
        final double lo = tMin;
        final double hi = tMax;
        LogTicks covering = LogTicks.covering(lo, hi);
        double[] inside = Arrays.stream(covering.values()).filter(v -> v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)).toArray();
        double[] xTicks = inside.length >= 2 ? inside : covering.values();
        double xLo = Math.min(tMin, xTicks[0]);
        double xHi = Math.max(tMax, xTicks[xTicks.length - 1]);
        List<String> xLabels = new ArrayList<>();
        for (double v : xTicks) {
            xLabels.add(NumberText.plain(v));
        }
        AxisTicks yTicks = AxisTicks.covering(vMin, vMax, 5);

        double axisX = PAD + Axes.leftWidth(yTicks.labels());
        double dataX0 = axisX + Style.DATA_PAD;
        double dataX1 = width - Math.max(6, TextMetrics.width(xLabels.get(xLabels.size() - 1), Style.FONT) / 2 + PAD);
        LegendPosition position = s.legendPosition;
        List<String> directTexts = new ArrayList<>();
        for (String label : labels) {
            directTexts.add(TextMetrics.truncate(label, Style.FONT, 0.2 * width));
        }
        if (position == LegendPosition.NONE) {
            dataX1 = Math.min(dataX1, width - PAD - DirectLabels.width(directTexts, lineTypes));
        }
        double top = PAD + 1;
        double titleBaseline = 0;
        if (s.title != null) {
            titleBaseline = top + Style.FONT_TITLE * Style.CAP;
            top += Style.FONT_TITLE + 8;
        }
        double plotHeight = Double.isNaN(s.plotHeightMm) ? 0.48 * width : s.plotHeightMm * SvgWriter.PT_PER_MM;

        List<Entry> entries = new ArrayList<>();
        for (int g = 0; g < shown.size(); g++) {
            entries.add(new Entry(shown.get(g).group(), colors[g], lineTypes.get(g),
                    TextMetrics.truncate(labels[g], Style.FONT, (position == LegendPosition.RIGHT ? 0.3 : 0.4) * width)));
        }
        Legend legend = new Legend(s.legendTitle, entries, List.of());
        if (position == LegendPosition.RIGHT) {
            double narrowed = width - PAD - legend.width() - 10;
            if (narrowed - axisX < KaplanMeierRenderer.MIN_PLOT_SHARE * width) {
                position = LegendPosition.BOTTOM; // the time axis would be too short for its ticks
            } else {
                dataX1 = Math.min(dataX1, narrowed);
            }
        }

        double plotTop = top + 4;
        Scale sx = Scale.log(xLo, xHi, dataX0, dataX1);
        Scale sy = Scale.linear(yTicks.axisMin(), yTicks.axisMax(), plotTop + plotHeight - Style.DATA_PAD, plotTop + Style.DATA_PAD);
        StepPath[] paths = paths(data, xLo, xHi, sx, sy);
        List<Rect> obstacles = new ArrayList<>();
        for (StepPath p : paths) {
            if (p != null) {
                obstacles.addAll(p.obstacles(3));
            }
        }
        Rect area = new Rect(axisX + 6, plotTop, dataX1, plotTop + plotHeight - 6);
        Optional<double[]> inside2 = position != LegendPosition.INSIDE ? Optional.empty()
                : Placement.find(area, legend.width() + 2, legend.height() + 2, obstacles,
                        List.of(Corner.TOP_LEFT, Corner.BOTTOM_RIGHT, Corner.TOP_RIGHT, Corner.BOTTOM_LEFT));
        double legendTop = top;
        boolean above = position == LegendPosition.INSIDE && inside2.isEmpty();
        if (above) {
            plotTop = top + legend.flowHeight(dataX1 - axisX) + 6;
            sy = Scale.linear(yTicks.axisMin(), yTicks.axisMax(), plotTop + plotHeight - Style.DATA_PAD,
                    plotTop + Style.DATA_PAD);
            paths = paths(data, xLo, xHi, sx, sy);
        }
        double plotBottom = plotTop + plotHeight;
        double height = Axes.titleBaseline(plotBottom) + 6;
        double bottomLegendTop = Axes.titleBaseline(plotBottom) + 8;
        if (position == LegendPosition.BOTTOM) {
            height = bottomLegendTop + legend.flowHeight(dataX1 - axisX) + PAD;
        } else if (position == LegendPosition.RIGHT) {
            height = Math.max(height, plotTop + legend.height() + PAD);
        }

        SvgWriter w = new SvgWriter(width, height, (s.title != null ? s.title + ": " : "")
                + "log(\u2212log survival) against log time by group (" + String.join(", ", labels) + ")");
        if (s.title != null) {
            w.text(List.of(new Run(s.title, false, true)), "class", "figure-title", "x", SvgWriter.num(PAD), "y",
                    SvgWriter.num(titleBaseline), "font-size", SvgWriter.num(Style.FONT_TITLE), "fill", Style.TEXT);
        }
        w.open("g", "class", "plot");
        for (int g = 0; g < shown.size(); g++) {
            if (paths[g] != null) {
                w.empty("path", Stroke.attributes(List.of("class", "lml-curve", "data-group", shown.get(g).group(),
                        "d", paths[g].d()), colors[g], Style.CURVE_WIDTH, lineTypes.get(g), "square"));
            }
        }
        Axes.left(w, axisX, plotTop, plotBottom, yTicks.values(), yTicks.labels(), sy, "log(\u2212log S(t))",
                plotTop + plotHeight / 2);
        String xTitle = (s.timeLabel != null ? s.timeLabel : s.timeUnit != null ? "Time (" + s.timeUnit + ")" : "Time")
                + ", log scale";
        Axes.bottom(w, plotBottom, axisX, dataX1, xTicks, xLabels, sx, xTitle, (dataX0 + dataX1) / 2);
        w.close("g");
        if (inside2.isPresent()) {
            legend.drawColumn(w, inside2.get()[0] + 1, inside2.get()[1] + 1);
        } else if (above) {
            legend.drawFlow(w, axisX, legendTop, dataX1 - axisX);
        } else if (position == LegendPosition.RIGHT) {
            legend.drawColumn(w, dataX1 + 10, plotTop);
        } else if (position == LegendPosition.BOTTOM) {
            legend.drawFlow(w, axisX, bottomLegendTop, dataX1 - axisX);
        } else {
            List<DirectLabels.Label> direct = new ArrayList<>();
            for (int g = 0; g < shown.size(); g++) {
                if (paths[g] != null) {
                    direct.add(new DirectLabels.Label(shown.get(g).group(), directTexts.get(g), colors[g],
                            lineTypes.get(g), paths[g].end()[1]));
                }
            }
            DirectLabels.draw(w, direct, dataX1 + DirectLabels.GAP, plotTop, plotBottom);
        }
        return w.finish();
    }

    private static StepPath[] paths(Transformed[] data, double xLo, double xHi, Scale sx, Scale sy) {
        StepPath[] out = new StepPath[data.length];
        for (int g = 0; g < data.length; g++) {
            Transformed d = data[g];
            if (d.isEmpty() || Double.isNaN(d.value()[0])) {
                continue;
            }
            double[] t = d.time().clone();
            for (int i = 0; i < t.length; i++) {
                t[i] = Math.max(t[i], xLo); // an event at time 0 starts at the axis
            }
            // the curve's last observation ends the last step, unless S reached 0 there
            out[g] = StepPath.of(t[0], d.value()[0], Arrays.copyOfRange(t, 1, t.length),
                    Arrays.copyOfRange(d.value(), 1, t.length), xHi, sx, sy);
        }
        return out;
    }
}
