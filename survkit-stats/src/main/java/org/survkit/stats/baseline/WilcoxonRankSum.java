package org.survkit.stats.baseline;

import java.util.Objects;
import org.survkit.stats.internal.Normal;
import org.survkit.stats.internal.Ranks;

/**
 * The Wilcoxon rank-sum test (Mann–Whitney U test) of two independent samples, R
 * {@code wilcox.test(x, y)} (two-sided, μ = 0).
 *
 * <pre>
 * WilcoxonResult r = WilcoxonRankSum.withDefaults().test(x, y);
 * WilcoxonResult a = WilcoxonRankSum.withDefaults().with(WilcoxonMethod.NORMAL).withContinuityCorrection(false).test(x, y);
 * </pre>
 *
 * <p>Pool the samples, give tied values their mid-rank, and let R₁ be the rank sum of x:
 * <pre>
 *   W = R₁ − nx(nx + 1)/2                                          (R's W = Mann–Whitney U of x)
 *   exact:  p = min(1, 2·P(U ≤ W))  if W ≤ nx·ny/2,  else min(1, 2·P(U ≥ W))
 *   normal: z = (W − nx·ny/2 − c) / σ,  c = sign(W − nx·ny/2)·½ (continuity correction, default on),
 *           σ² = nx·ny/12 · [(N + 1) − Σ(t³ − t) / (N(N − 1))],  N = nx + ny, t = sizes of tie groups,
 *           p = 2·min(Φ(z), 1 − Φ(z))
 * </pre>
 * {@link WilcoxonMethod#AUTO} (R's rule) takes the exact distribution when nx &lt; 50, ny &lt; 50 and
 * no two pooled values are equal; otherwise the normal approximation. References: Wilcoxon (1945)
 * Biometrics Bull 1:80–83; Mann &amp; Whitney (1947) Ann Math Stat 18:50–60; Hollander &amp; Wolfe,
 * Nonparametric Statistical Methods (tie correction).
 *
 * <p>Edge cases: when every pooled value is the same, σ = 0 and the p-value is NaN (R too). Values
 * tie only when exactly equal (R's default {@code digits.rank = Inf}). Empty samples and non-finite
 * values raise {@link IllegalArgumentException}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WilcoxonRankSum {
    private static final WilcoxonRankSum DEFAULTS = new WilcoxonRankSum(WilcoxonMethod.AUTO, true);
    /** R's threshold: the exact distribution when both samples are smaller than this. */
    public static final int EXACT_BELOW = 50;

    private final WilcoxonMethod method;
    private final boolean correct;

    private WilcoxonRankSum(WilcoxonMethod method, boolean correct) {
        this.method = method;
        this.correct = correct;
    }

    /** R's defaults: automatic exact/normal choice, continuity correction on. */
    public static WilcoxonRankSum withDefaults() {
        return DEFAULTS;
    }

    /** A copy with another p-value method. */
    public WilcoxonRankSum with(WilcoxonMethod m) {
        return new WilcoxonRankSum(Objects.requireNonNull(m, "method"), correct);
    }

    /** A copy with (R's default) or without the continuity correction of the normal approximation. */
    public WilcoxonRankSum withContinuityCorrection(boolean on) {
        return new WilcoxonRankSum(method, on);
    }

    public WilcoxonMethod method() {
        return method;
    }

    /**
     * Tests whether x and y come from the same distribution against a location shift.
     *
     * @param x first sample (finite values, at least one)
     * @param y second sample (finite values, at least one)
     */
    public WilcoxonResult test(double[] x, double[] y) {
        TwoSampleTTest.requireFinite(x, "x");
        TwoSampleTTest.requireFinite(y, "y");
        if (x.length < 1 || y.length < 1) {
            throw new IllegalArgumentException("the Wilcoxon test needs at least one value in each sample ("
                    + x.length + " and " + y.length + ")");
        }
        int nx = x.length;
        int ny = y.length;
        double[] pooled = new double[nx + ny];
        System.arraycopy(x, 0, pooled, 0, nx);
        System.arraycopy(y, 0, pooled, nx, ny);
        Ranks ranks = Ranks.of(pooled);
        double r1 = 0;
        for (int i = 0; i < nx; i++) {
            r1 += ranks.ranks()[i];
        }
        double w = r1 - nx * (nx + 1.0) / 2;
        boolean ties = ranks.hasTies();
        boolean exact = switch (method) {
            case AUTO -> nx < EXACT_BELOW && ny < EXACT_BELOW && !ties;
            case EXACT -> !ties;
            case NORMAL -> false;
        };
        if (exact) {
            WilcoxonDistribution d = WilcoxonDistribution.of(nx, ny);
            double p = w > nx * (double) ny / 2 ? d.upper(w) : d.lower(w);
            return new WilcoxonResult(w, Math.min(2 * p, 1), true, false, false);
        }
        double nn = nx + (double) ny;
        double z = w - nx * (double) ny / 2;
        double sigma = Math.sqrt((nx * (double) ny / 12) * ((nn + 1) - ranks.tieSum() / (nn * (nn - 1))));
        double c = correct ? Math.signum(z) * 0.5 : 0;
        z = (z - c) / sigma;
        double p = Double.isNaN(z) ? Double.NaN : Normal.twoSidedP(z);
        return new WilcoxonResult(w, p, false, correct, ties);
    }
}
