package org.survkit.stats.cox;

import java.util.Objects;
import org.survkit.stats.model.DesignMatrix;

/**
 * The input of a Cox regression: (start, stop] survival data, covariates and optional weights,
 * strata and clusters, one entry per observation (row). Arrays are not copied.
 *
 * @param start   entry times for counting-process data (delayed entry, time-varying covariates),
 *                or null for right-censored data (everyone at risk from 0)
 * @param stop    follow-up (exit) times
 * @param event   event indicators
 * @param design  covariates
 * @param weights case weights ≥ 0, or null for 1
 * @param strata  stratum codes 0..s−1 (separate baseline hazards), or null
 * @param cluster cluster codes for robust (sandwich) variance, or null
 * @param offset  a known term of each observation's log hazard with coefficient 1 (R {@code offset(x)} in
 *                the formula), or null for none
 */
public record CoxData(double[] start, double[] stop, boolean[] event, DesignMatrix design, double[] weights,
        int[] strata, int[] cluster, double[] offset) {

    public CoxData {
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(design, "design");
        int n = stop.length;
        if (event.length != n || design.rows() != n && design.width() > 0 || start != null && start.length != n
                || weights != null && weights.length != n || strata != null && strata.length != n
                || cluster != null && cluster.length != n || offset != null && offset.length != n) {
            throw new IllegalArgumentException("all Cox inputs must have one entry per observation (" + n + ")");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(stop[i]) || (start == null ? stop[i] < 0 : !(start[i] < stop[i]))) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": invalid time "
                        + (start == null ? stop[i] : "(" + start[i] + ", " + stop[i] + "]"));
            }
            if (weights != null && !(weights[i] >= 0 && Double.isFinite(weights[i]))) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": weight must be >= 0, got " + weights[i]);
            }
            if (offset != null && !Double.isFinite(offset[i])) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": the offset must be a finite number, got "
                        + offset[i]);
            }
        }
    }

    /** Data without an offset. */
    public CoxData(double[] start, double[] stop, boolean[] event, DesignMatrix design, double[] weights,
            int[] strata, int[] cluster) {
        this(start, stop, event, design, weights, strata, cluster, null);
    }

    /** Right-censored data without weights, strata or clusters. */
    public static CoxData of(double[] time, boolean[] event, DesignMatrix design) {
        return new CoxData(null, time, event, design, null, null, null);
    }

    /** Number of observations. */
    public int size() {
        return stop.length;
    }

    /** A copy with strata. */
    public CoxData withStrata(int[] codes) {
        return new CoxData(start, stop, event, design, weights, codes, cluster, offset);
    }

    /** A copy with case weights. */
    public CoxData withWeights(double[] w) {
        return new CoxData(start, stop, event, design, w, strata, cluster, offset);
    }

    /** A copy with clusters for a robust variance. */
    public CoxData withCluster(int[] codes) {
        return new CoxData(start, stop, event, design, weights, strata, codes, offset);
    }

    /** A copy with a known log-hazard offset per observation (R {@code + offset(x)}). */
    public CoxData withOffset(double[] values) {
        return new CoxData(start, stop, event, design, weights, strata, cluster, values);
    }

    /** A copy with entry times (counting-process data). */
    public CoxData withStart(double[] entry) {
        return new CoxData(entry, stop, event, design, weights, strata, cluster, offset);
    }
}
