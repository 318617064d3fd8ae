package org.survkit.stats.cox;

import java.util.Arrays;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.internal.Cholesky;

/**
 * Residuals of a fitted Cox model and the robust (sandwich) variance built from them, as R
 * {@code residuals.coxph} and {@code coxph(..., cluster = )} (survival 3.5-3).
 *
 * <p>Every method takes the data the model was fitted on and the model, and works for strata,
 * case weights and (start, stop] data. With r<sub>i</sub> = exp(β'(x<sub>i</sub> − means)), Λ̂ the
 * Breslow or Efron increments of the baseline hazard and x̄(t) the risk-weighted risk-set mean
 * (see {@link CoxRiskSetTable} for the Efron versions of both at tied deaths):
 * <ul>
 * <li>martingale M<sub>i</sub> = δ<sub>i</sub> − r<sub>i</sub> Σ<sub>t: entry&lt;t≤exit</sub> dΛ̂(t)
 * (a tied death under Efron sees only its share of the last jump);</li>
 * <li>deviance sign(M)·√(−2[M + δ log(δ − M)]);</li>
 * <li>score L<sub>ij</sub> = ∫ (x<sub>ij</sub> − x̄<sub>j</sub>(t)) dM<sub>i</sub>(t);</li>
 * <li>Schoenfeld x<sub>ij</sub> − x̄<sub>j</sub>(t<sub>i</sub>) at each event;</li>
 * <li>dfbeta = w<sub>i</sub> · L<sub>i</sub> V, V the model-based (naive) variance: the approximate
 * change in β when observation i is left out.</li>
 * </ul>
 * Weighting follows R's defaults: martingale, deviance, score and Schoenfeld residuals are
 * unweighted (the weights enter only through the risk sets); dfbeta is multiplied by the case
 * weight. Results are in input order (Schoenfeld: see {@link SchoenfeldResiduals}).
 *
 * <p>All quantities come from one pass over the sorted risk sets plus running sums, O(n·p)
 * time after the sort (R's own score-residual code is O(n²)).
 *
 * <p>References: Therneau, Grambsch &amp; Fleming (1990) <i>Biometrika</i> 77:147–160; Therneau &amp;
 * Grambsch, <i>Modeling Survival Data</i> (2000), ch. 4 and §7.2 (robust variance); Lin &amp; Wei
 * (1989) <i>JASA</i> 84:1074–1078.
 */
public final class CoxResiduals {
    private CoxResiduals() {
    }

    /** Martingale residuals, one per observation (R {@code residuals(fit, "martingale")}). */
    public static double[] martingale(CoxData data, CoxModel model) {
        Cumulative c = Cumulative.of(table(data, model), false);
        return c.martingale();
    }

    /**
     * Deviance residuals sign(M)·√(−2[M + δ log(δ − M)]), one per observation (R
     * {@code residuals(fit, "deviance")}).
     */
    public static double[] deviance(CoxData data, CoxModel model) {
        double[] m = martingale(data, model);
        double[] status = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            status[i] = data.event()[i] ? 1 : 0;
        }
        return devianceOf(m, status);
    }

    /**
     * Deviance residuals per cluster (R {@code residuals(fit, "deviance", collapse = cluster)}):
     * martingale residuals and event counts are summed per cluster first, then R's formula is
     * applied. For a cluster with δ &gt; 1 events R's formula is not the Poisson deviance and its
     * root argument can be negative: R then returns NaN, and so does this method.
     *
     * @return one value per cluster code, in increasing code order ({@link #clusters})
     */
    public static double[] deviance(CoxData data, CoxModel model, int[] cluster) {
        double[] m = collapse(martingale(data, model), cluster);
        double[] status = new double[data.size()];
        for (int i = 0; i < status.length; i++) {
            status[i] = data.event()[i] ? 1 : 0;
        }
        return devianceOf(m, collapse(status, cluster));
    }

    private static double[] devianceOf(double[] m, double[] status) {
        double[] d = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = status[i];
            double inner = m[i] + (s == 0 ? 0 : s * Math.log(s - m[i]));
            d[i] = Math.signum(m[i]) * Math.sqrt(-2 * inner);
        }
        return d;
    }

    /**
     * Score residuals, n × p (R {@code residuals(fit, "score")}, unweighted): row i is the
     * contribution of observation i to the score vector U(β̂) = Σ w<sub>i</sub> L<sub>i</sub>.
     */
    public static double[][] score(CoxData data, CoxModel model) {
        Cumulative c = Cumulative.of(table(data, model), true);
        int n = c.t.n;
        int p = c.t.p;
        double[][] out = new double[n][];
        double[] res = new double[p];
        for (int k = 0; k < n; k++) {
            c.scoreResidual(k, res);
            double[] row = new double[p];
            for (int j = 0; j < p; j++) {
                row[j] = res[j] / c.t.rs.scale[j];
            }
            out[c.t.rs.order[k]] = row;
        }
        return out;
    }

    /**
     * dfbeta residuals, n × p: the weighted score residuals times the model-based variance,
     * w<sub>i</sub> L<sub>i</sub> V (R {@code residuals(fit, "dfbeta")}, whose default is weighted;
     * V = {@code naiveVariance}, as R's {@code naive.var} when a robust variance was used).
     */
    public static double[][] dfbeta(CoxData data, CoxModel model) {
        double[][] v = model.naiveVariance();
        double[][] s = score(data, model);
        double[] w = data.weights();
        int p = v.length;
        for (int i = 0; i < s.length; i++) {
            double[] row = s[i];
            double[] d = new double[p];
            double wi = w == null ? 1 : w[i];
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int l = 0; l < p; l++) {
                    sum += row[l] * v[l][j];
                }
                d[j] = sum * wi;
            }
            s[i] = d;
        }
        return s;
    }

    /**
     * Schoenfeld residuals, one row per event (R {@code residuals(fit, "schoenfeld")}): the
     * covariates of the subject with the event minus the risk-weighted mean of the risk set at
     * that time. Under Efron ties the mean is the average of the d Efron means, as R does.
     */
    public static SchoenfeldResiduals schoenfeld(CoxData data, CoxModel model) {
        CoxRiskSetTable t = table(data, model);
        int p = t.p;
        CoxRiskSets rs = t.rs;
        int m = 0;
        for (int k = 0; k < t.n; k++) {
            if (rs.dead[k]) {
                m++;
            }
        }
        double[] time = new double[m];
        int[] stratum = new int[m];
        int[] row = new int[m];
        double[][] res = new double[m][];
        int out = 0;
        for (int b = 0; b + 1 < t.rowStart.length; b++) {
            // rows run backwards in time: walk them from the earliest
            for (int r = t.rowStart[b + 1] - 1; r >= t.rowStart[b]; r--) {
                int e = t.eventOf[r];
                if (e < 0) {
                    continue;
                }
                for (int k = t.rowFirst[r]; k < t.rowFirst[r + 1]; k++) {
                    if (!rs.dead[k]) {
                        continue;
                    }
                    double[] x = new double[p];
                    for (int j = 0; j < p; j++) {
                        x[j] = (rs.x()[k * p + j] - t.mh3[e * p + j]) / rs.scale[j];
                    }
                    time[out] = t.time[r];
                    stratum[out] = b;
                    row[out] = rs.order[k];
                    res[out++] = x;
                }
            }
        }
        return new SchoenfeldResiduals(time, stratum, row, res);
    }

    /**
     * Scaled Schoenfeld residuals (R {@code residuals(fit, "scaledsch")}): each row r becomes
     * β̂ + d · V r, d the number of events and V the model-based variance (Grambsch &amp; Therneau
     * 1994); aliased coefficients count as 0. Rows as {@link #schoenfeld}.
     */
    public static double[][] scaledSchoenfeld(CoxData data, CoxModel model) {
        SchoenfeldResiduals s = schoenfeld(data, model);
        double[][] v = model.naiveVariance();
        double[] beta = model.coef();
        int d = s.size();
        int p = v.length;
        double[][] r = s.residuals();
        double[][] out = new double[d][p];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int l = 0; l < p; l++) {
                    sum += r[k][l] * v[l][j];
                }
                out[k][j] = sum * d + (Double.isNaN(beta[j]) ? 0 : beta[j]);
            }
        }
        return out;
    }

    /**
     * The distinct cluster codes in increasing order: the row labels of {@link #collapse}.
     */
    public static int[] clusters(int[] cluster) {
        int[] u = cluster.clone();
        Arrays.sort(u);
        int m = 0;
        for (int i = 0; i < u.length; i++) {
            if (i == 0 || u[i] != u[i - 1]) {
                u[m++] = u[i];
            }
        }
        return Arrays.copyOf(u, m);
    }

    private static int[] clusterIndex(int[] cluster, int[] levels) {
        int[] idx = new int[cluster.length];
        for (int i = 0; i < cluster.length; i++) {
            idx[i] = Arrays.binarySearch(levels, cluster[i]);
        }
        return idx;
    }

    /** Sums per cluster (R {@code rowsum(x, cluster)}), in increasing code order. */
    public static double[] collapse(double[] values, int[] cluster) {
        if (values.length != cluster.length) {
            throw new IllegalArgumentException("collapse: " + values.length + " values but " + cluster.length
                    + " cluster codes");
        }
        int[] levels = clusters(cluster);
        int[] idx = clusterIndex(cluster, levels);
        double[] out = new double[levels.length];
        for (int i = 0; i < values.length; i++) {
            out[idx[i]] += values[i];
        }
        return out;
    }

    /** Row sums per cluster of an n × p matrix (R {@code rowsum(x, cluster)}), in increasing code order. */
    public static double[][] collapse(double[][] rows, int[] cluster) {
        if (rows.length != cluster.length) {
            throw new IllegalArgumentException("collapse: " + rows.length + " rows but " + cluster.length
                    + " cluster codes");
        }
        int[] levels = clusters(cluster);
        int[] idx = clusterIndex(cluster, levels);
        int p = rows.length == 0 ? 0 : rows[0].length;
        double[][] out = new double[levels.length][p];
        for (int i = 0; i < rows.length; i++) {
            double[] o = out[idx[i]];
            for (int j = 0; j < p; j++) {
                o[j] += rows[i][j];
            }
        }
        return out;
    }

    /**
     * Whether R {@code coxph} (survival 3.5-3) reports a robust variance for these data when the
     * user does not say: with clusters, or with any case weight that is not an integer (R's
     * {@code robust} default; the third trigger, an {@code id} with repeated events, does not
     * arise here because {@link CoxData} has no id). Integer weights are read as replication
     * counts and keep the model-based variance.
     */
    public static boolean robustByDefault(CoxData data) {
        if (data.cluster() != null) {
            return true;
        }
        if (data.weights() != null) {
            for (double w : data.weights()) {
                if (w != Math.floor(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Robust (sandwich) variance D'D, D the dfbeta residuals summed within each cluster of
     * {@code data.cluster()}, or per observation when there are no clusters (what R does for
     * non-integer weights or {@code robust = TRUE}): R's {@code fit$var} for
     * {@code coxph(..., cluster = id)}, with {@code fit$naive.var} = {@link CoxModel#naiveVariance()}
     * (Lin &amp; Wei 1989). Aliased coefficients get zero rows and columns.
     */
    public static double[][] robustVariance(CoxData data, CoxModel model) {
        check(data, model);
        return robustVariance(CoxRiskSets.of(data, model.ties(), null), data, model.coef(), model.means(),
                model.naiveVariance());
    }

    /**
     * The robust variance from prepared risk sets; the hook for the fitter.
     *
     * @param beta      coefficients (NaN = aliased)
     * @param means     centring of the linear predictor
     * @param naiveVar  inverse information (zero rows for aliased columns)
     */
    static double[][] robustVariance(CoxRiskSets rs, CoxData data, double[] beta, double[] means,
            double[][] naiveVar) {
        CoxRiskSetTable t = CoxRiskSetTable.of(rs, data, beta, means);
        int p = t.p;
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                v[i][j] = naiveVar[i][j] / rs.scale[i]; // score residuals come on the scaled covariates
            }
        }
        double[][] d = collapsedWeightedScores(Cumulative.of(t, true), data.cluster(), v);
        return crossprod(d, p);
    }

    /**
     * The robust score test R prints as "Robust" ({@code summary(fit)$robscore}): U'(T'T)⁻U at
     * β = 0, T the weighted score residuals at β = 0 summed within clusters (per observation
     * without clusters) and U = Σ T; df = the number of estimable coefficients. The generalized
     * inverse is R's: pivots below {@link CoxControl#tolerChol()} are dropped.
     */
    public static ChiSquareTest robustScoreTest(CoxData data, CoxModel model) {
        check(data, model);
        double stat = robustScoreStatistic(CoxRiskSets.of(data, model.ties(), null), data,
                model.control().tolerChol());
        int df = 0;
        for (CoxCoefficient c : model.coefficients()) {
            if (!c.aliased()) {
                df++;
            }
        }
        return ChiSquareTest.of(stat, df);
    }

    /** The robust score statistic from prepared risk sets; the hook for the fitter. */
    static double robustScoreStatistic(CoxRiskSets rs, CoxData data, double tolerChol) {
        int p = rs.p;
        // R coxph's robscore: score residuals at linear predictor 0 (fit$linear.predictors set to 0), so an offset
        // is left out of it as well (R survival 3.5-3 gives the same robust score test with and without
        // offset(log_age) on lung: reference/cox-options/cluster_offset_lung.json); the other tests keep the offset
        CoxRiskSetTable t = CoxRiskSetTable.of(rs, data, new double[p], new double[p], false);
        double[][] scale = new double[p][p];
        for (int j = 0; j < p; j++) {
            scale[j][j] = 1 / rs.scale[j];
        }
        double[][] d = collapsedWeightedScores(Cumulative.of(t, true), data.cluster(), scale);
        double[] u = new double[p];
        for (double[] row : d) {
            for (int j = 0; j < p; j++) {
                u[j] += row[j];
            }
        }
        return robustScoreStatistic(u, crossprod(d, p), tolerChol);
    }

    /**
     * U'(T'T)⁻U from the score at β = 0 and the products of the clusters' score sums, the generalized inverse R's
     * (pivots below {@code tolerChol} dropped).
     */
    static double robustScoreStatistic(double[] u, double[][] tt, double tolerChol) {
        int p = u.length;
        if (p == 1) {
            return u[0] * u[0] / tt[0][0];
        }
        double[] s = Cholesky.of(tt, tolerChol).solve(u);
        double stat = 0;
        for (int j = 0; j < p; j++) {
            stat += u[j] * s[j];
        }
        return stat;
    }

    /** The p × p matrix stored row by row in {@code values} from {@code offset}. */
    static double[][] square(double[] values, int offset, int p) {
        double[][] m = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(values, offset + i * p, m[i], 0, p);
        }
        return m;
    }

    /** Σ within clusters of w_i · (scaled score residual row) · m, without materializing n × p. */
    private static double[][] collapsedWeightedScores(Cumulative c, int[] cluster, double[][] m) {
        CoxRiskSetTable t = c.t;
        int p = t.p;
        int n = t.n;
        int[] idx;
        int groups;
        if (cluster == null) {
            idx = null;
            groups = n;
        } else {
            int[] levels = clusters(cluster);
            idx = clusterIndex(cluster, levels);
            groups = levels.length;
        }
        double[][] out = new double[groups][p];
        double[] res = new double[p];
        for (int k = 0; k < n; k++) {
            c.scoreResidual(k, res);
            int i = t.rs.order[k];
            double w = t.rs.w[k];
            double[] o = out[idx == null ? i : idx[i]];
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int l = 0; l < p; l++) {
                    sum += res[l] * m[l][j];
                }
                o[j] += w * sum;
            }
        }
        return out;
    }

    private static double[][] crossprod(double[][] d, int p) {
        double[][] v = new double[p][p];
        for (double[] row : d) {
            for (int i = 0; i < p; i++) {
                double ri = row[i];
                if (ri == 0) {
                    continue;
                }
                for (int j = 0; j <= i; j++) {
                    v[i][j] += ri * row[j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                v[j][i] = v[i][j];
            }
        }
        return v;
    }

    static void check(CoxData data, CoxModel model) {
        if (model.ties() == Ties.EXACT) {
            throw new IllegalArgumentException("residuals, baseline hazards and predicted curves are not available for"
                    + " a fit with exact ties (survkit's exact method covers the fit and its tests): refit with efron"
                    + " ties for them");
        }
        if (data.size() != model.n()) {
            throw new IllegalArgumentException("the data have " + data.size() + " observations but the model was"
                    + " fitted on " + model.n() + ": pass the same CoxData that was given to CoxRegression.fit");
        }
        if (data.design().width() != model.coefficients().size()) {
            throw new IllegalArgumentException("the data have " + data.design().width() + " design columns but the"
                    + " model " + model.coefficients().size() + " coefficients: pass the data the model was fitted on");
        }
    }

    static CoxRiskSetTable table(CoxData data, CoxModel model) {
        check(data, model);
        return CoxRiskSetTable.of(data, model.ties(), model.coef(), model.means());
    }

    /**
     * Running sums of the hazard increments over time within each stratum, so that the
     * increments a subject accrues between entry and exit are a difference of two totals.
     */
    private static final class Cumulative {
        final CoxRiskSetTable t;
        /** Σ hazard over the rows at or before each row's time (same stratum). */
        final double[] cumH;
        /** Σ mh1 over events at or before an event's time, per event index, p per event. */
        final double[] cumHX;
        /** Per row, the event index of the latest event time at or before it (−1 if none). */
        final int[] lastEvent;
        final int[] entryRow;

        private Cumulative(CoxRiskSetTable t, double[] cumH, double[] cumHX, int[] lastEvent, int[] entryRow) {
            this.t = t;
            this.cumH = cumH;
            this.cumHX = cumHX;
            this.lastEvent = lastEvent;
            this.entryRow = entryRow;
        }

        static Cumulative of(CoxRiskSetTable t, boolean withMeans) {
            int p = t.p;
            double[] cumH = new double[t.rows];
            int[] lastEvent = new int[t.rows];
            double[] cumHX = withMeans ? new double[t.events * p] : null;
            for (int b = 0; b + 1 < t.rowStart.length; b++) {
                double h = 0;
                int last = -1;
                for (int r = t.rowStart[b + 1] - 1; r >= t.rowStart[b]; r--) {
                    h += t.hazard[r];
                    cumH[r] = h;
                    int e = t.eventOf[r];
                    if (e >= 0) {
                        if (withMeans) {
                            for (int j = 0; j < p; j++) {
                                cumHX[e * p + j] = t.mh1[e * p + j] + (last >= 0 ? cumHX[last * p + j] : 0);
                            }
                        }
                        last = e;
                    }
                    lastEvent[r] = last;
                }
            }
            return new Cumulative(t, cumH, cumHX, lastEvent, t.entryRows());
        }

        double[] martingale() {
            CoxRiskSets rs = t.rs;
            double[] out = new double[t.n];
            for (int k = 0; k < t.n; k++) {
                int row = t.rowOf[k];
                int er = entryRow[k];
                double ch = cumH[row] - (er >= 0 ? cumH[er] : 0);
                double r = t.risk[k];
                double m = -r * ch;
                if (rs.dead[k]) {
                    int e = t.eventOf[row];
                    m += 1 + r * (t.hazard[row] - t.deathHazard[e]);
                }
                out[rs.order[k]] = m;
            }
            return out;
        }

        /** Score residual of sorted position k on the scaled covariates, into res. */
        void scoreResidual(int k, double[] res) {
            CoxRiskSets rs = t.rs;
            int p = t.p;
            int row = t.rowOf[k];
            int er = entryRow[k];
            double ch = cumH[row] - (er >= 0 ? cumH[er] : 0);
            int ex = lastEvent[row];
            int en = er >= 0 ? lastEvent[er] : -1;
            double r = t.risk[k];
            int base = k * p;
            for (int j = 0; j < p; j++) {
                double chx = (ex >= 0 ? cumHX[ex * p + j] : 0) - (en >= 0 ? cumHX[en * p + j] : 0);
                res[j] = -r * (rs.x()[base + j] * ch - chx);
            }
            if (rs.dead[k]) {
                int e = t.eventOf[row];
                double dh = t.hazard[row] - t.deathHazard[e];
                for (int j = 0; j < p; j++) {
                    double x = rs.x()[base + j];
                    res[j] += x - t.mh3[e * p + j] + r * (x * dh - t.mhAdj[e * p + j]);
                }
            }
        }
    }
}
