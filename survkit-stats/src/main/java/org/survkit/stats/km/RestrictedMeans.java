package org.survkit.stats.km;

/**
 * Restricted mean survival time and its standard error, as R's {@code survmean(rmean = tau)}.
 *
 * <p>With rows t<sub>1</sub> &lt; … &lt; t<sub>k</sub> ≤ τ and the convention t<sub>0</sub> = 0,
 * S(t<sub>0</sub>) = 1: RMST = Σ (t<sub>i</sub> − t<sub>i−1</sub>) S(t<sub>i−1</sub>) +
 * (τ − t<sub>k</sub>) S(t<sub>k</sub>); Var = Σ A<sub>i</sub>² d<sub>i</sub>/(n<sub>i</sub>(n<sub>i</sub> − d<sub>i</sub>))
 * where A<sub>i</sub> is the area from t<sub>i</sub> to τ (Miller 1981, pp. 195–196). With case weights or
 * (start, stop] rows n and d are the curve's weighted counts; R's {@code survmean} uses this Greenwood form
 * even when {@code survfit}'s own standard errors are the robust ones (non-integer weights), and so do we.
 */
final class RestrictedMeans {
    private RestrictedMeans() {
    }

    static RestrictedMean of(SurvivalCurve c, double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be a positive finite time, got " + tau);
        }
        double[] t = c.timeView();
        double[] s = c.survivalView();
        double[] nr = c.nRiskView();
        double[] ne = c.nEventView();
        int k = 0;
        while (k < t.length && t[k] <= tau) {
            k++;
        }
        // rectangles: widths between consecutive knots (0, t_1..t_k, tau), heights S just before
        double[] rect = new double[k + 1];
        double prevT = 0;
        double prevS = 1;
        for (int i = 0; i < k; i++) {
            rect[i] = (t[i] - prevT) * prevS;
            prevT = t[i];
            prevS = s[i];
        }
        rect[k] = (tau - prevT) * prevS;
        double mean = 0;
        for (double r : rect) {
            mean += r;
        }
        // area after t_i up to tau = sum of rect[i+1..k]
        double var = 0;
        double after = 0;
        for (int i = k - 1; i >= 0; i--) {
            after += rect[i + 1];
            double d = ne[i];
            double n = nr[i];
            if (d > 0 && n > d) {
                var += after * after * d / (n * (n - d));
            }
        }
        return new RestrictedMean(tau, mean, Math.sqrt(var));
    }
}
