package org.survkit.plot;

/** Where a figure's legend goes (survminer's {@code legend = "top" | "right" | "bottom" | "none"}). */
public enum LegendPosition {
    /** Inside the plot where it covers no curve, band or mark, else above the plot. survkit's default. */
    INSIDE,
    /**
     * A column to the right of the plot, which gets narrower; below the plot as {@link #BOTTOM} when the plot would
     * keep less than half of the figure's width (a narrow figure, long labels).
     */
    RIGHT,
    /** Across the figure under the time axis (above the number-at-risk table). */
    BOTTOM,
    /**
     * No legend box: each group's name in its colour at the right end of its curve, moved apart where two curves
     * end close together; the test and other notes go inside the plot as with {@link #INSIDE}.
     */
    NONE;

    /** {@return the study file's word: inside, right, bottom or none} */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
