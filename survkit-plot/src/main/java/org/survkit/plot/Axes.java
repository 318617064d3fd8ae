package org.survkit.plot;

import java.util.List;

/** Draws a left (value) axis and a bottom axis: line, outward ticks, tick labels and title. */
final class Axes {

    private Axes() {
    }

    /** Width of the widest label at the tick font size. */
    static double labelWidth(List<String> labels) {
        return labels.stream().mapToDouble(l -> TextMetrics.width(l, Style.FONT)).max().orElse(0);
    }

    /**
     * A vertical axis at {@code axisX} from {@code top} to {@code bottom}; labels right-aligned
     * left of the ticks; the title rotated, just left of the labels, centred on {@code titleCentreY}.
     */
    static void left(SvgWriter w, double axisX, double top, double bottom, double[] values, List<String> labels,
            Scale sy, String title, double titleCentreY) {
        String aw = SvgWriter.num(Style.AXIS_WIDTH);
        String fs = SvgWriter.num(Style.FONT);
        w.open("g", "class", "axis y-axis");
        w.empty("line", "class", "axis-line", "x1", SvgWriter.num(axisX), "y1", SvgWriter.num(top), "x2",
                SvgWriter.num(axisX), "y2", SvgWriter.num(bottom), "stroke", Style.AXIS, "stroke-width", aw,
                "stroke-linecap", "square");
        for (int i = 0; i < values.length; i++) {
            double y = sy.map(values[i]);
            w.empty("line", "class", "y-tick", "data-value", NumberText.plain(values[i]).replace(NumberText.MINUS, "-"),
                    "x1", SvgWriter.num(axisX - Style.TICK_LENGTH), "y1", SvgWriter.num(y), "x2", SvgWriter.num(axisX),
                    "y2", SvgWriter.num(y), "stroke", Style.AXIS, "stroke-width", aw);
            w.text(labels.get(i), "class", "y-tick-label", "x", SvgWriter.num(axisX - Style.TICK_LENGTH - 2), "y",
                    SvgWriter.num(Style.centredBaseline(y, Style.FONT)), "font-size", fs, "fill", Style.TEXT,
                    "text-anchor", "end");
        }
        double cx = axisX - Style.TICK_LENGTH - 3 - labelWidth(labels) - 5;
        w.text(title, "class", "axis-title", "x", SvgWriter.num(cx), "y", SvgWriter.num(titleCentreY), "transform",
                "rotate(-90 " + SvgWriter.num(cx) + " " + SvgWriter.num(titleCentreY) + ")", "font-size",
                SvgWriter.num(Style.FONT_AXIS_TITLE), "fill", Style.TEXT, "text-anchor", "middle");
        w.close("g");
    }

    /** Room a left axis needs from the figure edge to the axis line. */
    static double leftWidth(List<String> labels) {
        return Style.FONT_AXIS_TITLE + 5 + labelWidth(labels) + 3 + Style.TICK_LENGTH;
    }

    /** Baseline of tick labels under an axis at {@code axisY}. */
    static double tickLabelBaseline(double axisY) {
        return axisY + Style.TICK_LENGTH + 2 + Style.FONT * Style.CAP;
    }

    /** Baseline of the title under an axis at {@code axisY}. */
    static double titleBaseline(double axisY) {
        return tickLabelBaseline(axisY) + 5 + Style.FONT_AXIS_TITLE;
    }

    /** A horizontal axis at {@code axisY} from {@code x0} to {@code x1}, labels centred under the ticks, title centred on {@code titleCentreX}. */
    static void bottom(SvgWriter w, double axisY, double x0, double x1, double[] values, List<String> labels, Scale sx,
            String title, double titleCentreX) {
        String aw = SvgWriter.num(Style.AXIS_WIDTH);
        String fs = SvgWriter.num(Style.FONT);
        w.open("g", "class", "axis x-axis");
        w.empty("line", "class", "axis-line", "x1", SvgWriter.num(x0), "y1", SvgWriter.num(axisY), "x2",
                SvgWriter.num(x1), "y2", SvgWriter.num(axisY), "stroke", Style.AXIS, "stroke-width", aw,
                "stroke-linecap", "square");
        double labelY = tickLabelBaseline(axisY);
        for (int i = 0; i < values.length; i++) {
            double x = sx.map(values[i]);
            w.empty("line", "class", "x-tick", "data-value", NumberText.plain(values[i]).replace(NumberText.MINUS, "-"),
                    "x1", SvgWriter.num(x), "y1", SvgWriter.num(axisY), "x2", SvgWriter.num(x), "y2",
                    SvgWriter.num(axisY + Style.TICK_LENGTH), "stroke", Style.AXIS, "stroke-width", aw);
            if (!labels.get(i).isEmpty()) { // a blank label: the tick without its number (no room for it)
                w.text(labels.get(i), "class", "x-tick-label", "x", SvgWriter.num(x), "y", SvgWriter.num(labelY),
                        "font-size", fs, "fill", Style.TEXT, "text-anchor", "middle");
            }
        }
        if (title != null) {
            w.text(title, "class", "axis-title", "x", SvgWriter.num(titleCentreX), "y",
                    SvgWriter.num(titleBaseline(axisY)), "font-size", SvgWriter.num(Style.FONT_AXIS_TITLE), "fill",
                    Style.TEXT, "text-anchor", "middle");
        }
        w.close("g");
    }
}
