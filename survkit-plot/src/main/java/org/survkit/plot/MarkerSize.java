package org.survkit.plot;

/** How the squares of a forest plot are sized. */
public enum MarkerSize {
    /**
     * All squares the same size, as R {@code survminer::ggforest} and {@code forestmodel} draw a Cox
     * model: survkit's default, because a model's covariates are on different scales (age per year
     * vs. a treatment indicator) and a square sized by precision would make a per-year effect look
     * like the main finding.
     */
    FIXED,
    /**
     * Area proportional to the precision 1/SE² of the log hazard ratio, as meta-analysis and
     * subgroup forest plots (R {@code metafor::forest}, RevMan) draw them, so the eye goes to the
     * best-estimated rows; sides between 3.2 and 8 pt. Meant for rows on a common scale (one
     * treatment effect across subgroups or studies).
     */
    PRECISION
}
