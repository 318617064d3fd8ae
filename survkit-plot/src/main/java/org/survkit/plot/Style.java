package org.survkit.plot;

/**
 * Sizes for figures printed at full page width (170 mm, a two-column journal figure) and read at
 * 100 % on A4: text 8 pt (axis titles 9 pt, figure title 10 pt bold), curves 1.1 pt, axes 0.6 pt.
 * All lengths in points.
 */
final class Style {

    static final double WIDTH_MM = 170;
    static final double FONT = 8;
    static final double FONT_AXIS_TITLE = 9;
    static final double FONT_TITLE = 10;
    /** Line height for 8 pt text. */
    static final double LINE = 10.5;
    static final String TEXT = "#1A1A1A";
    static final String MUTED = "#6B6B6B";
    static final String AXIS = "#1A1A1A";
    static final double AXIS_WIDTH = 0.6;
    static final double CURVE_WIDTH = 1.1;
    static final double TICK_LENGTH = 3.5;
    /** Gap between the axis line and the first/last data value (as ggplot's axis expansion). */
    static final double DATA_PAD = 4;
    /** Helvetica cap height / em, to centre text vertically on a point. */
    static final double CAP = 0.72;

    private Style() {
    }

    /** The baseline that centres {@code size}-point text vertically on {@code y}. */
    static double centredBaseline(double y, double size) {
        return y + size * CAP / 2;
    }
}
