package org.survkit.plot;

import java.util.Comparator;
import java.util.List;

/**
 * Group names written at the right ends of their curves instead of a legend ({@link LegendPosition#NONE}): each
 * label sits in the margin right of the plot at the height where its curve ends, in the curve's colour; labels
 * closer than a line are pushed apart (keeping their order) and kept between the plot's top and bottom. Each label
 * starts with a short line in its curve's colour and line type, as a legend key.
 */
final class DirectLabels {

    /** One curve's label: its text, colour and the point where its curve ends. */
    record Label(String group, String text, String color, LineType lineType, double endY) {
    }

    /** Gap between the axis end and the labels. */
    static final double GAP = 5;

    private DirectLabels() {
    }

    /** {@return the margin the labels need right of the plot} */
    static double width(List<String> texts, List<LineType> lineTypes) {
        double w = 0;
        for (String t : texts) {
            w = Math.max(w, TextMetrics.boldWidth(t, Style.FONT));
        }
        return GAP + Legend.keyWidth(lineTypes) + w;
    }

    /**
     * The labels' vertical centres: each curve's end, moved apart to at least a line between neighbours and kept
     * inside [top, bottom].
     */
    static double[] centres(List<Label> labels, double top, double bottom) {
        int n = labels.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> labels.get(i).endY()));
        double[] y = new double[n];
        double half = Style.LINE / 2;
        double prev = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            y[i] = Math.max(Math.max(labels.get(i).endY(), top + half), prev + Style.LINE);
            prev = y[i];
        }
        // pushed past the bottom: move up from the last, keeping the spacing
        double limit = bottom - half;
        for (int k = n - 1; k >= 0; k--) {
            int i = order[k];
            if (y[i] > limit) {
                y[i] = limit;
            }
            limit = y[i] - Style.LINE;
        }
        return y;
    }

    /** Draws the labels with their left edge at {@code x}. */
    static void draw(SvgWriter w, List<Label> labels, double x, double top, double bottom) {
        double[] y = centres(labels, top, bottom);
        double key = Legend.keyWidth(labels.stream().map(Label::lineType).toList());
        w.open("g", "class", "direct-labels");
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            String ly = SvgWriter.num(y[i] - 0.4);
            w.empty("line", Stroke.attributes(List.of("class", "direct-label-key", "data-group", l.group(), "x1",
                    SvgWriter.num(x), "y1", ly, "x2", SvgWriter.num(x + key - 4), "y2", ly), l.color(),
                    Style.CURVE_WIDTH * 1.4, l.lineType(), "butt"));
            w.text(l.text(), "class", "direct-label", "data-group", l.group(), "x", SvgWriter.num(x + key), "y",
                    SvgWriter.num(Style.centredBaseline(y[i], Style.FONT)), "font-size", SvgWriter.num(Style.FONT),
                    "font-weight", "bold", "fill", l.color());
        }
        w.close("g");
    }
}
