package org.survkit.plot;

/** How the survival axis of a Kaplan–Meier plot is labelled. */
public enum SurvivalScale {
    /** 0 to 1, "Survival probability" (R survminer {@code ggsurvplot} default). survkit's default. */
    FRACTION,
    /** 0 to 100, "Survival (%)" (GraphPad Prism default, common in clinical journals). */
    PERCENT
}
