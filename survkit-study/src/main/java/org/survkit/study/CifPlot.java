package org.survkit.study;

/** How the cumulative incidence figure shows the causes ({@code competing_risks.plot}). */
public enum CifPlot {
    /** Stacked bands per group: cause 1 from 0, the next on top, so the top edge is 1 − KM of any event (default). */
    STACKED,
    /** One step line per cause, from 0 (as R cmprsk's {@code plot.cuminc}). */
    LINES;

    /** {@return the word in study files} */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
