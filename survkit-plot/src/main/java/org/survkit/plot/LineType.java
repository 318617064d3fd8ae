package org.survkit.plot;

/**
 * The dash pattern of one curve, in R's order of {@code lty} (1 solid, 2 dashed, 3 dotted, 4 dot-dash, 5 long
 * dash, 6 two-dash), so that the k-th group gets the line type R's {@code plot(fit, lty = 1:k)} gives it. Patterns
 * are in points for curves 1.1 pt wide and are drawn with butt caps, so that dots stay dots.
 */
public enum LineType {
    /** A continuous line (R {@code lty = 1}). */
    SOLID("solid", null),
    /** Dashes (R {@code lty = 2}). */
    DASHED("dashed", "4.5 2.5"),
    /** Dots (R {@code lty = 3}). */
    DOTTED("dotted", "1.2 1.8"),
    /** Dot and dash (R {@code lty = 4}). */
    DOT_DASH("dot-dash", "1.2 1.8 5 1.8"),
    /** Long dashes (R {@code lty = 5}). */
    LONG_DASH("long dash", "9 3"),
    /** A short and a long dash (R {@code lty = 6}). */
    TWO_DASH("two-dash", "3 2 8 2");

    private final String word;
    private final String dashArray;

    LineType(String word, String dashArray) {
        this.word = word;
        this.dashArray = dashArray;
    }

    /** The line type of the group at this position in the fit: solid, dashed, dotted, … and again from the start. */
    public static LineType forIndex(int index) {
        LineType[] all = values();
        return all[Math.floorMod(index, all.length)];
    }

    /** {@return how a caption names it: "solid", "dashed", "dotted", "dot-dash", "long dash", "two-dash"} */
    public String word() {
        return word;
    }

    /** {@return the SVG {@code stroke-dasharray} in points, or null for a solid line} */
    String dashArray() {
        return dashArray;
    }
}
