package org.survkit.report;

/** How the squares of a forest plot are sized. */
public enum MarkerSize {
    /**
     * Area proportional to the precision 1/SE² of the log hazard ratio, as meta-analysis forest
     * plots (R {@code metafor::forest}, RevMan) draw them, so the eye goes to the best-estimated
     * rows; sides between 3.2 and 8 pt. survkit's default. Note that across covariates on different
     * scales (age per year vs. sex) precision says little about importance.
     */
    PRECISION,
    /** All squares the same size (R {@code forestmodel}, {@code survminer::ggforest}). */
    FIXED
}
