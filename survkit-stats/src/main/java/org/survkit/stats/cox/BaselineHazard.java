package org.survkit.stats.cox;

import java.util.Arrays;
import java.util.Objects;

/**
 * The baseline cumulative hazard of a Cox model, as R {@code basehaz(fit, centered)}: one row per
 * distinct exit time (events and censorings) of each stratum, strata in code order, times
 * increasing within a stratum.
 *
 * <p>Arrays are copied on the way in and out.
 *
 * @param time     exit time (after R's timefix merging of near-equal times)
 * @param cumHaz   cumulative hazard Λ₀(t) (R's column {@code hazard}): of a subject with the mean
 *                 covariates ({@code centered}) or with all covariates 0
 * @param stratum  stratum code of each row (0 without strata)
 * @param centered whether Λ₀ is at the model's {@code means} (R's default) rather than at x = 0
 */
public record BaselineHazard(double[] time, double[] cumHaz, int[] stratum, boolean centered) {

    public BaselineHazard {
        time = time.clone();
        cumHaz = cumHaz.clone();
        stratum = stratum.clone();
        if (cumHaz.length != time.length || stratum.length != time.length) {
            throw new IllegalArgumentException("baseline hazard: one cumulative hazard and stratum per time");
        }
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] cumHaz() {
        return cumHaz.clone();
    }

    @Override
    public int[] stratum() {
        return stratum.clone();
    }

    /** Number of rows. */
    public int size() {
        return time.length;
    }

    /** Baseline survival exp(−Λ₀(t)) per row. */
    public double[] survival() {
        double[] s = new double[cumHaz.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.exp(-cumHaz[i]);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaselineHazard b && centered == b.centered && Arrays.equals(time, b.time)
                && Arrays.equals(cumHaz, b.cumHaz) && Arrays.equals(stratum, b.stratum);
    }

    @Override
    public int hashCode() {
        return Objects.hash(centered, Arrays.hashCode(time), Arrays.hashCode(cumHaz), Arrays.hashCode(stratum));
    }

    @Override
    public String toString() {
        return "BaselineHazard[rows=" + time.length + ", centered=" + centered + "]";
    }
}
