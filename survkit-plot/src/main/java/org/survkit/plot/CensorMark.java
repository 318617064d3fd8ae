package org.survkit.plot;

/** How censoring times are marked on a Kaplan–Meier curve (one mark per distinct censoring time, as R). */
public enum CensorMark {
    /** A small "+" centred on the curve (R {@code plot.survfit}, survminer). survkit's default. */
    PLUS,
    /** A short vertical tick through the curve (GraphPad Prism, SAS). */
    TICK,
    /** No marks. */
    NONE
}
