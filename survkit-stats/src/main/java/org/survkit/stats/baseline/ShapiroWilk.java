package org.survkit.stats.baseline;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.survkit.stats.internal.Normal;

/**
 * The Shapiro–Wilk test of normality for 3 ≤ n ≤ 5000, with Royston's approximations (Royston
 * 1992, Statistics and Computing 2:117–119; Royston 1995, Applied Statistics 44:547–551, algorithm
 * AS R94), as R {@code shapiro.test}.
 *
 * <p>With the ordered sample x₍₁₎ ≤ … ≤ x₍ₙ₎ and coefficients a (antisymmetric, Σaᵢ² = 1):
 * <pre>
 *   W = (Σ aᵢ x₍ᵢ₎)² / Σ (xᵢ − x̄)²
 * </pre>
 * computed, as AS R94 does, as the squared correlation of x₍ᵢ₎ and aᵢ with 1 − W formed directly
 * (so it stays accurate when W is close to 1 in large samples).
 *
 * <p>Coefficients: mᵢ = Φ⁻¹((i − 3/8)/(n + 1/4)) (Blom's scores), u = 1/√n, and for the largest
 * order statistics
 * <pre>
 *   aₙ   = cₙ   + 0.221157u − 0.147981u² − 2.071190u³ + 4.434685u⁴ − 2.706056u⁵,  cₙ = mₙ/√(m'm)
 *   aₙ₋₁ = cₙ₋₁ + 0.042981u − 0.293762u² − 1.752461u³ + 5.682633u⁴ − 3.582633u⁵   (n &gt; 5 only)
 *   aᵢ   = mᵢ/√ε for the others, ε = (m'm − 2mₙ² − 2mₙ₋₁²)/(1 − 2aₙ² − 2aₙ₋₁²)
 * </pre>
 * and a = (−√½, 0, √½) for n = 3.
 *
 * <p>p-value (upper tail of a normal approximation to a transform of 1 − W):
 * <pre>
 *   n = 3:        p = (6/π)(asin √W − asin √¾)       (exact), at least 0
 *   4 ≤ n ≤ 11:   γ = −2.273 + 0.459n,  y = −log(γ − log(1 − W)),
 *                 μ = 0.5440 − 0.39978n + 0.025054n² − 6.714·10⁻⁴n³,
 *                 σ = exp(1.3822 − 0.77857n + 0.062767n² − 0.0020322n³)
 *                 (p = 10⁻⁹⁹ when log(1 − W) ≥ γ, R's value)
 *   12 ≤ n:       y = log(1 − W),  with L = log n:
 *                 μ = −1.5861 − 0.31082L − 0.083751L² + 0.0038915L³,
 *                 σ = exp(−0.4803 − 0.082676L + 0.0030302L²)
 *   p = 1 − Φ((y − μ)/σ)
 * </pre>
 *
 * <p>Edge cases, as R: n &lt; 3 or n &gt; 5000 and samples whose values are all equal raise
 * {@link IllegalArgumentException}; NaN values are removed first (R's {@code complete.cases}),
 * infinite ones rejected. The values are scaled by their range before summing, as AS R94 does.
 *
 * <p>In Table 1 it only steers the choice between a t-test/ANOVA and a rank test. It is a
 * check, not a gate: in large groups it rejects normality for trivial departures, in small ones
 * it rarely can; see {@link ContinuousTestChoice}.
 */
public final class ShapiroWilk {
    /** Smallest sample the test accepts. */
    public static final int MIN_N = 3;
    /** Largest sample the test accepts (R's and Royston's limit). */
    public static final int MAX_N = 5000;

    private static final double[] C1 = {0.0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056};
    private static final double[] C2 = {0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633};
    private static final double[] C3 = {0.544, -0.39978, 0.025054, -6.714e-4};
    private static final double[] C4 = {1.3822, -0.77857, 0.062767, -0.0020322};
    private static final double[] C5 = {-1.5861, -0.31082, -0.083751, 0.0038915};
    private static final double[] C6 = {-0.4803, -0.082676, 0.0030302};
    private static final double[] G = {-2.273, 0.459};
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private ShapiroWilk() {
    }

    /**
     * Tests normality of a sample.
     *
     * @param values the sample; NaN values are ignored
     * @throws IllegalArgumentException for fewer than 3 or more than 5000 values, all values equal,
     *                                  or infinite values
     */
    public static ShapiroWilkResult test(double[] values) {
        double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        for (double v : x) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("Shapiro-Wilk test of a sample with an infinite value");
            }
        }
        int n = x.length;
        if (n < MIN_N || n > MAX_N) {
            throw new IllegalArgumentException("sample size must be between 3 and 5000, got " + n);
        }
        Arrays.sort(x);
        double range = x[n - 1] - x[0];
        if (range == 0) {
            throw new IllegalArgumentException("all values are identical (" + x[0] + ")");
        }
        double[] a = coefficients(n);
        // W as the squared correlation of the range-scaled order statistics with a
        double meanX = 0;
        double meanA = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i] / range;
            meanA += a[i];
        }
        meanX /= n;
        meanA /= n;
        double ssa = 0;
        double ssx = 0;
        double sax = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - meanA;
            double dx = x[i] / range - meanX;
            ssa += da * da;
            ssx += dx * dx;
            sax += da * dx;
        }
        double root = Math.sqrt(ssa * ssx);
        double w1 = (root - sax) * (root + sax) / (ssa * ssx); // 1 - W without cancellation
        double w = 1 - w1;
        return new ShapiroWilkResult(n, w, pValue(n, w, w1));
    }

    /** The full antisymmetric coefficient vector a₁..aₙ (a₁ = −aₙ &lt; 0). */
    static double[] coefficients(int n) {
        double[] a = new double[n];
        int half = n / 2;
        if (n == 3) {
            a[0] = -Math.sqrt(0.5);
            a[2] = Math.sqrt(0.5);
            return a;
        }
        // m[i] for the upper half, i = 1..half: Blom scores of the largest order statistics (positive)
        double[] m = new double[half + 1];
        double summ2 = 0;
        for (int i = 1; i <= half; i++) {
            m[i] = -Normal.quantile((i - 0.375) / (n + 0.25));
            summ2 += m[i] * m[i];
        }
        summ2 *= 2;
        double ssumm2 = Math.sqrt(summ2);
        double u = 1 / Math.sqrt(n);
        double[] upper = new double[half + 1]; // upper[i] = a_{n+1-i} > 0
        double a1 = m[1] / ssumm2 + poly(C1, u);
        double fac;
        int first;
        if (n > 5) {
            double a2 = m[2] / ssumm2 + poly(C2, u);
            fac = Math.sqrt((summ2 - 2 * m[1] * m[1] - 2 * m[2] * m[2]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
            upper[2] = a2;
            first = 3;
        } else {
            fac = Math.sqrt((summ2 - 2 * m[1] * m[1]) / (1 - 2 * a1 * a1));
            first = 2;
        }
        upper[1] = a1;
        for (int i = first; i <= half; i++) {
            upper[i] = m[i] / fac;
        }
        for (int i = 1; i <= half; i++) {
            a[n - i] = upper[i];
            a[i - 1] = -upper[i];
        }
        return a;
    }

    private static double pValue(int n, double w, double w1) {
        if (n == 3) {
            double p = 6 / Math.PI * (Math.asin(Math.sqrt(w)) - Math.PI / 3);
            return Math.max(p, 0);
        }
        double y = Math.log(w1);
        double mu;
        double sigma;
        if (n <= 11) {
            double gamma = poly(G, n);
            if (y >= gamma) {
                return 1e-99;
            }
            y = -Math.log(gamma - y);
            mu = poly(C3, n);
            sigma = Math.exp(poly(C4, n));
        } else {
            double ln = Math.log(n);
            mu = poly(C5, ln);
            sigma = Math.exp(poly(C6, ln));
        }
        return STANDARD_NORMAL.survivalProbability((y - mu) / sigma);
    }

    /** c₀ + c₁x + c₂x² + … (Horner). */
    private static double poly(double[] c, double x) {
        double v = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            v = v * x + c[i];
        }
        return v;
    }
}
