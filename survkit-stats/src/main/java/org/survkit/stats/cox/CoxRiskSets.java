package org.survkit.stats.cox;

import java.util.Arrays;
import org.survkit.stats.internal.RankedTimes;
import org.survkit.stats.internal.TwoCores;

/**
 * Cox data prepared for repeated evaluation of the partial likelihood: observations sorted by
 * stratum and decreasing exit time (and, for counting-process data, an entry-time order),
 * covariates centred and scaled as R {@code coxph} does (columns with values only in {−1, 0, 1}
 * are left alone), stored row-major for cache-friendly passes.
 *
 * <p>{@link #evaluate} walks each stratum from the latest time to the earliest, adding subjects to
 * the running risk-set sums Σ w e^η, Σ w e^η x and Σ w e^η x xᵀ as their exit time is reached
 * and (counting process) removing them once the time falls to their entry, and at each event time
 * adds the Breslow or Efron terms of the log-likelihood, score and information
 * (Therneau &amp; Grambsch 2000, §3.2–3.3). Near-equal times are first merged as R's timefix.
 */
final class CoxRiskSets implements PartialLikelihood {
    final int n;
    final int p;
    /** The centred and scaled covariates by column, rows in sorted order: xc[j][k]. */
    final double[][] xc;
    /** The same matrix row-major (xc[j][k] at k·p + j), built on first use by the residual code. */
    private double[] rowMajor;
    // n-length work arrays of evaluate, allocated on first use and reused: a fit's evaluations run one
    // after another on one thread (this class is confined to one fit and not thread-safe)
    private double[] workEta;
    private double[] workRisk;
    private double[] workOthers;
    private double[] workDead;
    private double[] workHazard;
    final double[] w;
    /** The offset of each row in sorted order (R {@code offset(x)}), or null without one. */
    final double[] off;
    final boolean[] dead;
    final int[] exit;
    final int[] entry;
    final int[] byEntry;
    final int[] blocks;
    final double[] means;
    final double[] scale;
    final int[] order;
    final Ties ties;

    /** Number of distinct (merged) times that {@link #exit} and {@link #entry} rank. */
    final int distinctTimes;
    /** The distinct (merged) times, increasing: the smallest member of each merged run. */
    final double[] timeValues;
    /** {@link #exit} and {@link #entry} by input row (as ranked), for the concordance and the PH test. */
    private final int[] exitByRow;
    private final int[] entryByRow;

    private CoxRiskSets(int n, int p, double[][] xc, double[] w, double[] off, boolean[] dead, int[] exit, int[] entry,
            int[] byEntry, int[] blocks, double[] means, double[] scale, int[] order, Ties ties, double[] timeValues,
            int[] exitByRow, int[] entryByRow) {
        this.exitByRow = exitByRow;
        this.entryByRow = entryByRow;
        this.distinctTimes = timeValues.length;
        this.timeValues = timeValues;
        this.n = n;
        this.p = p;
        this.xc = xc;
        this.w = w;
        this.off = off;
        this.dead = dead;
        this.exit = exit;
        this.entry = entry;
        this.byEntry = byEntry;
        this.blocks = blocks;
        this.means = means;
        this.scale = scale;
        this.order = order;
        this.ties = ties;
    }

    /**
     * Prepares the data.
     *
     * @param columns which design columns to use (all when null)
     */
    static CoxRiskSets of(CoxData data, Ties ties, int[] columns) {
        checkWeights(data.weights(), ties);
        return prepare(data, ties, columns);
    }

    private static void checkWeights(double[] weights, Ties ties) {
        if (ties == Ties.EXACT && weights != null) {
            for (double v : weights) {
                if (v != 1) {
                    throw new IllegalArgumentException("case weights are not supported with exact ties (as R coxph"
                            + " refuses them): use efron or breslow ties, or drop the weights");
                }
            }
        }
    }

    /**
     * The same prepared data (shared, not copied) for another fit or test: with these ties, restricted to some of
     * the columns (positions among this one's, in the given order; all when null), and with work arrays of its own.
     * Centring and scaling are per column, so the result equals {@link #of} with those columns.
     */
    CoxRiskSets view(Ties newTies, int[] columns) {
        checkWeights(w, newTies);
        double[][] cols = xc;
        double[] m = means;
        double[] sc = scale;
        if (columns != null) {
            cols = new double[columns.length][];
            m = new double[columns.length];
            sc = new double[columns.length];
            for (int j = 0; j < columns.length; j++) {
                cols[j] = xc[columns[j]];
                m[j] = means[columns[j]];
                sc[j] = scale[columns[j]];
            }
        }
        return new CoxRiskSets(n, cols.length, cols, w, off, dead, exit, entry, byEntry, blocks, m, sc, order, newTies,
                timeValues, exitByRow, entryByRow);
    }

    private static CoxRiskSets prepare(CoxData data, Ties ties, int[] columns) {
        int n = data.size();
        double[][] cols = data.design().columns();
        int[] use = columns != null ? columns : java.util.stream.IntStream.range(0, cols.length).toArray();
        int p = use.length;
        // ranks of exit (and entry) times after timefix, pooled as R's aeqSurv pools start and stop
        int[] exitRank;
        int[] entryRank = null;
        int d;
        double[] timeValues;
        if (data.start() == null) {
            RankedTimes r = RankedTimes.of(data.stop(), true);
            exitRank = r.rank();
            d = r.distinctCount();
            timeValues = r.times();
        } else {
            double[] both = new double[2 * n];
            System.arraycopy(data.start(), 0, both, 0, n);
            System.arraycopy(data.stop(), 0, both, n, n);
            RankedTimes r = RankedTimes.of(both, true);
            entryRank = Arrays.copyOfRange(r.rank(), 0, n);
            exitRank = Arrays.copyOfRange(r.rank(), n, 2 * n);
            d = r.distinctCount();
            timeValues = r.times();
        }
        // order: stratum ascending, exit time descending (two stable counting sorts)
        int[] reversed = new int[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = d - 1 - exitRank[i];
        }
        int[] byTime = countingSort(identity(n), reversed, d);
        int[] strata = data.strata();
        int s = 1;
        if (strata != null) {
            for (int c : strata) {
                s = Math.max(s, c + 1);
            }
        }
        int[] order = strata == null ? byTime : countingSort(byTime, strata, s);
        int[] blocks = ConcordanceIndex.blocks(strata, s, n);
        double[] wt = new double[n];
        double[] off = data.offset() == null ? null : new double[n];
        boolean[] dead = new boolean[n];
        int[] exit = new int[n];
        int[] entry = entryRank == null ? null : new int[n];
        int[] entryRanks = entryRank;
        TwoCores.inHalves(n, (from, to) -> {
            for (int k = from; k < to; k++) {
                int i = order[k];
                wt[k] = data.weights() == null ? 1 : data.weights()[i];
                dead[k] = data.event()[i];
                if (off != null) {
                    off[k] = data.offset()[i];
                }
                exit[k] = exitRank[i];
                if (entry != null) {
                    entry[k] = entryRanks[i];
                }
            }
        });
        // centring and scaling as coxfit6 (weighted mean; scale = Σw / Σ w|x − mean|)
        // centring and scaling as coxfit6 (weighted mean; scale = Σw / Σ w|x − mean|), computed in input
        // order; the matrix is built row-major in input order, then its rows are permuted (one
        // contiguous copy per row instead of a scattered read per cell)
        double[] w0 = data.weights();
        double sw = 0;
        for (double v : wt) {
            sw += v;
        }
        double[] means = new double[p];
        double[] scale = new double[p];
        boolean weightedMeans = entryRank == null && w0 != null;
        double total = sw;
        // one column per task (each column's sums in row order, whichever thread runs it)
        TwoCores.each(p, n, j -> {
            double[] col = cols[use[j]];
            boolean zeroOne = true;
            for (double v : col) {
                if (v != 0 && v != 1 && v != -1) {
                    zeroOne = false;
                    break;
                }
            }
            double mean = 0;
            double sc = 1;
            if (!zeroOne) {
                // coxph.fit centres on weighted means; agreg.fit ((start, stop] data) on plain column means
                if (weightedMeans) {
                    for (int i = 0; i < n; i++) {
                        mean += w0[i] * col[i];
                    }
                    mean /= total;
                } else {
                    for (int i = 0; i < n; i++) {
                        mean += col[i];
                    }
                    mean /= n;
                }
                double abs = 0;
                for (int i = 0; i < n; i++) {
                    abs += (w0 == null ? 1 : w0[i]) * Math.abs(col[i] - mean);
                }
                sc = abs > 0 ? total / abs : 1;
            }
            means[j] = mean;
            scale[j] = sc;
        });
        double[][] src = new double[p][];
        for (int j = 0; j < p; j++) {
            src[j] = cols[use[j]];
        }
        double[][] xc = sortedCentred(src, means, scale, order);
        int[] byEntry = null;
        if (entry != null) {
            // positions sorted by entry time descending within each stratum block
            byEntry = new int[n];
            int[] key = new int[n];
            for (int k = 0; k < n; k++) {
                key[k] = d - 1 - entry[k];
            }
            for (int b = 0; b < s; b++) {
                int lo = blocks[b];
                int hi = blocks[b + 1];
                int[] pos = new int[hi - lo];
                for (int k = lo; k < hi; k++) {
                    pos[k - lo] = k;
                }
                int[] sorted = countingSort(pos, key, d);
                System.arraycopy(sorted, 0, byEntry, lo, sorted.length);
            }
        }
        return new CoxRiskSets(n, p, xc, wt, off, dead, exit, entry, byEntry, blocks, means, scale, order, ties,
                timeValues, exitRank, entryRank);
    }

    /** log₂ of the rows per block of {@link #sortedCentred}: 4,096 rows × p columns stay in the L2 cache. */
    private static final int SORT_BLOCK_SHIFT = 12;

    /**
     * xc[j][k] = (x_j[order[k]] − mean_j)·scale_j without a random read per row (at 10⁶ rows each one a cache and TLB
     * miss): each row gets a slot in blocks of 4,096 consecutive sorted positions, dealt in input order (a few hundred
     * sequential write streams); then column by column the centred values are dealt into their slots and each block,
     * small enough for the cache, is written into its place. One column-sized buffer, reused. All passes run in two
     * fixed halves (the second half's rows after the first's in each block); the values are the same arithmetic on
     * the same numbers however the threads run.
     */
    private static double[][] sortedCentred(double[][] src, double[] means, double[] scale, int[] order) {
        int p = src.length;
        int n = order.length;
        int[] slotOf = new int[n]; // first the sorted position of each input row, then its slot
        for (int k = 0; k < n; k++) {
            slotOf[order[k]] = k;
        }
        int blocks = (n >> SORT_BLOCK_SHIFT) + 1;
        int half = n / 2; // as inHalves splits: rows of the first half first in each block
        int[] firstHalf = new int[blocks];
        for (int i = 0; i < half; i++) {
            firstHalf[slotOf[i] >> SORT_BLOCK_SHIFT]++;
        }
        int[][] cursor = new int[2][blocks];
        for (int b = 0; b < blocks; b++) {
            cursor[0][b] = b << SORT_BLOCK_SHIFT;
            cursor[1][b] = (b << SORT_BLOCK_SHIFT) + firstHalf[b];
        }
        int[] dealtPosition = new int[n];
        TwoCores.inHalves(n, (from, to) -> {
            int[] next = cursor[from == 0 ? 0 : 1];
            for (int i = from; i < to; i++) {
                int k = slotOf[i];
                int slot = next[k >> SORT_BLOCK_SHIFT]++;
                dealtPosition[slot] = k;
                slotOf[i] = slot;
            }
        });
        double[][] xc = new double[p][n];
        double[] dealt = new double[n];
        for (int j = 0; j < p; j++) {
            double[] col = src[j];
            double[] out = xc[j];
            double mean = means[j];
            double sc = scale[j];
            TwoCores.inHalves(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    dealt[slotOf[i]] = (col[i] - mean) * sc;
                }
            });
            TwoCores.inHalves(n, (from, to) -> {
                for (int slot = from; slot < to; slot++) {
                    out[dealtPosition[slot]] = dealt[slot];
                }
            });
        }
        return xc;
    }

    @Override
    public int width() {
        return p;
    }

    @Override
    public double[] centre() {
        return means;
    }

    @Override
    public double[] factor() {
        return scale;
    }

    /** The covariates row-major, for the residual and table code that reads one subject at a time. */
    double[] x() {
        double[] x = rowMajor;
        if (x == null) {
            x = new double[n * p];
            for (int j = 0; j < p; j++) {
                double[] col = xc[j];
                for (int k = 0, idx = j; k < n; k++, idx += p) {
                    x[idx] = col[k];
                }
            }
            rowMajor = x;
        }
        return x;
    }

    /** The rank of each observation's exit time (input order), as R's timefix merges them; shared: not to be modified. */
    int[] exitRanks() {
        return exitByRow;
    }

    /** The rank of each observation's entry time (input order) among the pooled times, or null; shared as above. */
    int[] entryRanks() {
        return entryByRow;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Stable counting sort of {@code items} by {@code key[item]} in [0, range). */
    static int[] countingSort(int[] items, int[] key, int range) {
        int[] start = new int[range + 1];
        for (int i : items) {
            start[key[i] + 1]++;
        }
        for (int r = 0; r < range; r++) {
            start[r + 1] += start[r];
        }
        int[] out = new int[items.length];
        for (int i : items) {
            out[start[key[i]]++] = i;
        }
        return out;
    }

    /** Log partial likelihood, score and information at β (on the centred and scaled covariates). */
    static final class Evaluation {
        double loglik;
        final double[] u;
        final double[][] imat;

        Evaluation(int p) {
            u = new double[p];
            imat = new double[p][p];
        }
    }

    /**
     * Evaluates at scaled β; {@code info} false skips the information matrix.
     *
     * <p>The information I = Σ_t Σ_m w̄ [C_m/D_m − A_m A_mᵀ/D_m²] (R's coxfit6/agfit4 sums, C the
     * risk-weighted sum of x xᵀ over the risk set) is computed without forming C per event time:
     * every subject's x xᵀ enters C at each event time at which it is at risk, so the first term is
     * the weighted Gram matrix Σ_i r_i h_i x_i x_iᵀ with h_i the sum of the coefficients w̄/D_m of
     * those event times (deaths enter an Efron step with weight (m+1)/d). That is one vectorizable
     * product Xᵀ diag(r h) X instead of a p × p update per subject.
     */
    @Override
    public Evaluation evaluate(double[] beta, boolean info) {
        return evaluate(beta, info, null);
    }

    /**
     * As {@link #evaluate(double[], boolean)}, and with {@code timeWeighted} not null also the score and
     * information sums of each event time weighted by g(t) and g(t)² ({@link TimeWeighted}), from the same
     * walk over the risk sets. The exact method is not weighted (the proportional-hazards test uses Breslow's
     * sums for it, as R does).
     */
    Evaluation evaluate(double[] beta, boolean information, TimeWeighted timeWeighted) {
        return evaluate(beta, information, timeWeighted, true);
    }

    /**
     * As {@link #evaluate(double[], boolean, TimeWeighted)}; {@code concurrent} false keeps the walk over the risk
     * sets on the calling thread (the tests compare both ways).
     */
    Evaluation evaluate(double[] beta, boolean information, TimeWeighted timeWeighted, boolean concurrent) {
        return evaluate(beta, information, timeWeighted, concurrent, null);
    }

    /**
     * As {@link #evaluate(double[], boolean, TimeWeighted, boolean)}; with {@code finishIf} not null the weighted
     * sums are completed (their Gram parts, two products over all rows) only when it holds for this evaluation's
     * log-likelihood, known once the risk sets are walked, and otherwise marked {@linkplain TimeWeighted#complete()
     * incomplete}: the fit asks for them at the evaluation it foresees as its last, and needs them only if it is.
     */
    Evaluation evaluate(double[] beta, boolean information, TimeWeighted timeWeighted, boolean concurrent,
            java.util.function.DoublePredicate finishIf) {
        boolean info = information || timeWeighted != null; // the weighted sums need the information's terms
        Evaluation ev = new Evaluation(p);
        if (workEta == null) {
            workEta = new double[n];
            workRisk = new double[n];
        }
        double[] risk = workRisk;
        double[] eta = workEta;
        TwoCores.inHalves(n, (from, to) -> linearRisk(beta, eta, risk, from, to));
        int tri = p * (p + 1) / 2;
        double[] u = ev.u;
        double[] imat = new double[tri]; // packed lower triangle of −Σ w̄ A Aᵀ/D², then + the Gram part
        // per row: coefficient of its x xᵀ at its own exit time, and the running sum over earlier times
        double[] gOthers = null; // at-risk survivors of the row's exit time group
        double[] gDead = null;   // deaths of that group (Efron weights)
        if (info) {
            if (workOthers == null) {
                workOthers = new double[n];
                workDead = new double[n];
                workHazard = new double[n];
            }
            gOthers = workOthers;
            gDead = workDead;
        }
        int mid = concurrent && entry == null && ties != Ties.EXACT ? splitRow() : n;
        double loglik;
        if (mid >= n) {
            loglik = walk(0, n, null, risk, eta, u, imat, gOthers, gDead, info, timeWeighted);
        } else {
            // two fixed ranges on two threads: the second starts from the risk set the first one's rows of its
            // stratum make (summed beforehand), and the ranges' sums are added at the end
            double[] start = riskBefore(mid, risk);
            double[] u2 = new double[p];
            double[] imat2 = new double[tri];
            TimeWeighted tw2 = timeWeighted == null ? null : timeWeighted.sibling(p);
            double[] ll = new double[2];
            double[] go = gOthers;
            double[] gd = gDead;
            TwoCores.inParts(2, h -> {
                if (h == 0) {
                    ll[0] = walk(0, mid, null, risk, eta, u, imat, go, gd, info, timeWeighted);
                } else {
                    ll[1] = walk(mid, n, start, risk, eta, u2, imat2, go, gd, info, tw2);
                }
            });
            loglik = ll[0] + ll[1];
            for (int i = 0; i < p; i++) {
                u[i] += u2[i];
            }
            for (int i = 0; i < tri; i++) {
                imat[i] += imat2[i];
            }
            if (timeWeighted != null) {
                timeWeighted.addAll(tw2);
            }
        }
        ev.loglik = loglik;
        if (timeWeighted != null) {
            if (finishIf == null || finishIf.test(loglik)) {
                timeWeighted.finish(this, risk, gOthers, gDead);
            } else {
                timeWeighted.complete = false;
            }
        }
        if (info) {
            addGram(imat, hazardWeights(risk, gOthers, gDead, null, 0, workHazard));
            for (int i = 0, idx = 0; i < p; i++) {
                for (int j = 0; j <= i; j++, idx++) {
                    ev.imat[i][j] = imat[idx];
                    ev.imat[j][i] = imat[idx];
                }
            }
        }
        return ev;
    }

    /**
     * Where {@link #evaluate} splits its walk for two threads: the first row at or after n/2 that starts an
     * exit-time group (or a stratum); n (no split) below {@link TwoCores#ROWS} rows or when no group starts there.
     */
    int splitRow() {
        if (n < TwoCores.ROWS) {
            return n;
        }
        int k = n / 2;
        while (k < n && exit[k] == exit[k - 1] && Arrays.binarySearch(blocks, k) < 0) {
            k++;
        }
        return k;
    }

    /**
     * The risk set that the rows before {@code row} of its stratum make (they all exit later): Σr, then Σr·x per
     * column; summed by column over two halves on two threads. Null when the stratum starts at {@code row}.
     */
    private double[] riskBefore(int row, double[] risk) {
        int b = Arrays.binarySearch(blocks, row);
        if (b >= 0) {
            return null;
        }
        int from = blocks[-b - 2];
        int half = from + (row - from) / 2;
        double[][] parts = new double[2][];
        TwoCores.inParts(2, h -> {
            int lo = h == 0 ? from : half;
            int hi = h == 0 ? half : row;
            double[] sum = new double[1 + p];
            for (int k = lo; k < hi; k++) {
                sum[0] += risk[k];
            }
            for (int j = 0; j < p; j++) {
                double[] col = xc[j];
                double s = 0;
                for (int k = lo; k < hi; k++) {
                    s += risk[k] * col[k];
                }
                sum[1 + j] = s;
            }
            parts[h] = sum;
        });
        for (int i = 0; i <= p; i++) {
            parts[0][i] += parts[1][i];
        }
        return parts[0];
    }

    /**
     * The walk of {@link #evaluate} over rows from..to−1 (from and to at the start of an exit-time group; without
     * entry times unless the range is all rows): adds the range's terms to {@code loglik} (returned), {@code u},
     * {@code imat} (packed) and {@code timeWeighted}, and writes each row's event-time coefficients into
     * {@code gOthers} and {@code gDead} (zero at times without deaths). {@code start} holds the risk set of the
     * stratum of row {@code from} built by the rows before it (Σr, then Σr·x), when that stratum began earlier.
     */
    private double walk(int from, int to, double[] start, double[] risk, double[] eta, double[] u, double[] imat,
            double[] gOthers, double[] gDead, boolean info, TimeWeighted timeWeighted) {
        // the fields as locals: the quick compiler (C1, which the launcher runs for short batch runs) reloads a field
        // at each use in the row loop
        final double[][] xc = this.xc;
        final int[] exit = this.exit;
        final boolean[] dead = this.dead;
        final double[] w = this.w;
        final int p = this.p;
        double loglik = 0;
        double[] a = new double[p];
        double[] a2 = new double[p];
        if (info) {
            Arrays.fill(gOthers, from, to, 0);
            Arrays.fill(gDead, from, to, 0);
        }
        for (int b = 0; b + 1 < blocks.length; b++) {
            int lo = Math.max(blocks[b], from);
            int hi = Math.min(blocks[b + 1], to);
            if (lo >= hi) {
                continue;
            }
            double denom = 0;
            Arrays.fill(a, 0);
            if (lo > blocks[b]) {
                // the stratum began before this range: its risk set so far (riskBefore)
                denom = start[0];
                System.arraycopy(start, 1, a, 0, p);
            }
            int out = lo; // pointer into byEntry for removals
            int k = lo;
            while (k < hi) {
                int t = exit[k];
                int first = k;
                int ndead = 0;
                double deadwt = 0;
                double denom2 = 0;
                boolean cleared = false;
                while (k < hi && exit[k] == t) {
                    double r = risk[k];
                    if (!dead[k]) {
                        denom += r;
                        for (int i = 0; i < p; i++) {
                            a[i] += r * xc[i][k];
                        }
                    } else {
                        if (!cleared) {
                            Arrays.fill(a2, 0);
                            cleared = true;
                        }
                        ndead++;
                        deadwt += w[k];
                        denom2 += r;
                        loglik += w[k] * eta[k];
                        for (int i = 0; i < p; i++) {
                            double xi = xc[i][k];
                            u[i] += w[k] * xi;
                            a2[i] += r * xi;
                        }
                    }
                    k++;
                }
                if (entry != null) {
                    // leave the risk set: entry time at or after t
                    while (out < hi && entry[byEntry[out]] >= t) {
                        int q = byEntry[out++];
                        if (exit[q] < t || q >= k) {
                            continue; // not yet added (cannot happen when entry < exit)
                        }
                        double r = risk[q];
                        denom -= r;
                        for (int i = 0; i < p; i++) {
                            a[i] -= r * xc[i][q];
                        }
                    }
                }
                if (ndead == 0) {
                    continue;
                }
                double others = 0;
                double deaths = 0;
                if (ties == Ties.BRESLOW || ndead == 1) {
                    denom += denom2;
                    loglik -= deadwt * Math.log(denom);
                    for (int i = 0, idx = 0; i < p; i++) {
                        a[i] += a2[i];
                        double mean = a[i] / denom;
                        u[i] -= deadwt * mean;
                        if (info) {
                            for (int j = 0; j <= i; j++, idx++) {
                                imat[idx] -= deadwt * mean * a[j] / denom;
                            }
                        }
                    }
                    others = deadwt / denom;
                    deaths = others;
                    if (timeWeighted != null) {
                        // a already holds the deaths: one "survivors" sum with weight w̄/D and w̄/D²
                        timeWeighted.add(t, p, a, a2, others, 0, others / denom, 0, 0);
                    }
                } else if (ties == Ties.EXACT) {
                    loglik -= exactTerms(lo, k, t, ndead, risk, u, info ? imat : null);
                    denom += denom2;
                    for (int i = 0; i < p; i++) {
                        a[i] += a2[i];
                    }
                } else {
                    // Efron: the m-th of the d deaths (m = 1..d) sees D_m = D + (m/d) D₂ and A_m = A + (m/d) A₂
                    // (A, D over the survivors, A₂, D₂ over the deaths). Its terms w̄ A_m/D_m and
                    // w̄ A_m A_mᵀ/D_m² are summed in closed form from five scalars, so the score costs O(p)
                    // and the information O(p²) per event time however many deaths are tied.
                    EfronTieSums ef = EfronTieSums.of(loglik, denom, denom2, deadwt, ndead);
                    loglik = ef.loglik();
                    others = ef.others();
                    deaths = ef.deaths();
                    double c0 = ef.c0();
                    double c1 = ef.c1();
                    double c2 = ef.c2();
                    if (timeWeighted != null) {
                        timeWeighted.add(t, p, a, a2, others, deaths, c0, c1, c2);
                    }
                    for (int i = 0, idx = 0; i < p; i++) {
                        u[i] -= others * a[i] + deaths * a2[i];
                        if (info) {
                            double ai = a[i];
                            double bi = a2[i];
                            for (int j = 0; j <= i; j++, idx++) {
                                imat[idx] -= c0 * ai * a[j] + c1 * (ai * a2[j] + bi * a[j]) + c2 * bi * a2[j];
                            }
                        }
                    }
                    denom += denom2;
                    for (int i = 0; i < p; i++) {
                        a[i] += a2[i];
                    }
                }
                if (info) {
                    for (int q = first; q < k; q++) {
                        gOthers[q] = others;
                        gDead[q] = deaths;
                    }
                }
            }
        }
        return loglik;
    }

    /**
     * η = offset + Σ_j β_j x_j and r = w e^η for rows from..to−1, a cache-sized block of rows at a time (each η
     * summed over j in column order, as one pass per column would).
     */
    private void linearRisk(double[] beta, double[] eta, double[] risk, int from, int to) {
        int[] used = java.util.stream.IntStream.range(0, p).filter(j -> beta[j] != 0).toArray();
        final double[] w = this.w;
        for (int start = from; start < to; start += GRAM_BLOCK) {
            int end = Math.min(to, start + GRAM_BLOCK);
            if (off == null) {
                Arrays.fill(eta, start, end, 0);
            } else {
                System.arraycopy(off, start, eta, start, end - start);
            }
            addLinearTerms(eta, xc, beta, null, used, start, end);
            for (int k = start; k < end; k++) {
                risk[k] = Math.exp(eta[k]) * w[k];
            }
        }
    }

    /**
     * eta[k] += Σ_j coef_j (x_j[k] − centre_j) for rows from..to−1 over the columns {@code use} (centre 0 when
     * null), each row's terms added in column order as one pass per column would add them, three columns per pass:
     * each row's sum is read and written once per three columns (the quick compiler keeps it in a register).
     * The linear predictor of an evaluation and the model's linear predictors ({@link CoxRegression}).
     */
    static void addLinearTerms(double[] eta, double[][] x, double[] coef, double[] centre, int[] use, int from,
            int to) {
        int u = 0;
        for (; u + 2 < use.length; u += 3) {
            double b0 = coef[use[u]];
            double b1 = coef[use[u + 1]];
            double b2 = coef[use[u + 2]];
            double m0 = centre == null ? 0 : centre[use[u]];
            double m1 = centre == null ? 0 : centre[use[u + 1]];
            double m2 = centre == null ? 0 : centre[use[u + 2]];
            double[] x0 = x[use[u]];
            double[] x1 = x[use[u + 1]];
            double[] x2 = x[use[u + 2]];
            for (int k = from; k < to; k++) {
                double e = eta[k];
                e += b0 * (x0[k] - m0);
                e += b1 * (x1[k] - m1);
                e += b2 * (x2[k] - m2);
                eta[k] = e;
            }
        }
        for (; u < use.length; u++) {
            double b = coef[use[u]];
            double m = centre == null ? 0 : centre[use[u]];
            double[] c = x[use[u]];
            for (int k = from; k < to; k++) {
                eta[k] += b * (c[k] - m);
            }
        }
    }

    /**
     * The exact partial likelihood's terms at a time with d ≥ 2 deaths: with E = e_d(r) the d-th elementary
     * symmetric polynomial of the risk scores of the risk set (positions lo..hi−1 whose entry precedes t),
     * subtracts ∇E/E from the score, adds ∇²E/E − ∇E ∇Eᵀ/E² to the packed information (when not null) and
     * returns log E. E and its derivatives are built one subject at a time by
     * E_m ← E_m + r (E_{m−1}), ∇E_m ← ∇E_m + r (x E_{m−1} + ∇E_{m−1}),
     * ∇²E_m ← ∇²E_m + r (x xᵀ E_{m−1} + x ∇E_{m−1}ᵀ + ∇E_{m−1} xᵀ + ∇²E_{m−1}), m = d..1, E_0 = 1;
     * the scores are divided by c = e·Σr/d first (E scales by c^d) against overflow.
     */
    private double exactTerms(int lo, int hi, int t, int d, double[] risk, double[] u, double[] imat) {
        // scale: with Σ r' = d/e, e_m(r') ≤ (d/e)^m / m! ≤ e^{d/e} for every m and e_d(r') ≤ 1/√(2πd), so
        // nothing overflows below about 1900 tied deaths (unscaled, e_d of a large risk set overflows long before)
        double sum = 0;
        for (int q = lo; q < hi; q++) {
            if (entry == null || entry[q] < t) {
                sum += risk[q];
            }
        }
        double c = sum * Math.E / d;
        int tri = p * (p + 1) / 2;
        double[] e = new double[d + 1];
        double[][] g = new double[d + 1][p];
        double[][] h = imat == null ? null : new double[d + 1][tri];
        double[] x = new double[p];
        e[0] = 1;
        int seen = 0;
        for (int q = lo; q < hi; q++) {
            if (entry != null && entry[q] >= t) {
                continue;
            }
            double r = risk[q] / c;
            for (int i = 0; i < p; i++) {
                x[i] = xc[i][q];
            }
            seen++;
            for (int m = Math.min(d, seen); m >= 1; m--) {
                double e1 = e[m - 1];
                double[] g1 = g[m - 1];
                if (h != null) {
                    double[] h1 = h[m - 1];
                    double[] hm = h[m];
                    for (int i = 0, idx = 0; i < p; i++) {
                        for (int j = 0; j <= i; j++, idx++) {
                            hm[idx] += r * (x[i] * x[j] * e1 + x[i] * g1[j] + g1[i] * x[j] + h1[idx]);
                        }
                    }
                }
                double[] gm = g[m];
                for (int i = 0; i < p; i++) {
                    gm[i] += r * (x[i] * e1 + g1[i]);
                }
                e[m] += r * e1;
            }
        }
        double big = e[d];
        for (int i = 0, idx = 0; i < p; i++) {
            double gi = g[d][i] / big;
            u[i] -= gi;
            if (h != null) {
                for (int j = 0; j <= i; j++, idx++) {
                    imat[idx] += h[d][idx] / big - gi * g[d][j] / big;
                }
            }
        }
        return d * Math.log(c) + Math.log(big);
    }

    /**
     * v_k = r_k h_k: the risk score times the sum of the information coefficients of every event time
     * at which row k is at risk (exit time included, entry time excluded); with {@code power} &gt; 0 each
     * event time's coefficient is multiplied by g(t)^power ({@code g} by time rank). Written into {@code v}.
     */
    private double[] hazardWeights(double[] risk, double[] gOthers, double[] gDead, double[] g, int power,
            double[] v) {
        int mid = entry == null ? splitRow() : n;
        if (mid >= n) {
            hazardRange(0, n, risk, gOthers, gDead, g, power, v);
        } else {
            // two fixed ranges on two threads; each row's value is the same sum in the same order as on one thread
            TwoCores.inParts(2, h -> hazardRange(h == 0 ? 0 : mid,
                    h == 0 ? mid : n, risk, gOthers, gDead, g, power, v));
        }
        return v;
    }

    /**
     * {@link #hazardWeights} for rows from..to−1 (from and to at the start of an exit-time group; the whole rows
     * when there are entry times). Where a stratum goes on past {@code to}, its event times there (all earlier)
     * are summed first, in the order the walk over the whole stratum adds them.
     */
    private void hazardRange(int from, int to, double[] risk, double[] gOthers, double[] gDead, double[] g,
            int power, double[] v) {
        for (int b = 0; b + 1 < blocks.length; b++) {
            int lo = Math.max(blocks[b], from);
            int hi = Math.min(blocks[b + 1], to);
            if (lo >= hi) {
                continue;
            }
            // ascending time = descending position; cumulative sum of g over event times before the current
            double before = 0;
            for (int k = blocks[b + 1] - 1; k >= hi; ) {
                int t = exit[k];
                int last = k;
                while (k >= hi && exit[k] == t) {
                    k--;
                }
                double tw = power == 0 ? 1 : power == 1 ? g[t] : g[t] * g[t];
                before += power == 0 ? gOthers[last] : gOthers[last] * tw;
            }
            int groups = 0;
            int[] groupRank = entry == null ? null : new int[hi - lo];
            double[] groupCum = entry == null ? null : new double[hi - lo];
            int k = hi - 1;
            while (k >= lo) {
                int t = exit[k];
                int last = k;
                while (k >= lo && exit[k] == t) {
                    k--;
                }
                double tw = power == 0 ? 1 : power == 1 ? g[t] : g[t] * g[t];
                double go = power == 0 ? gOthers[last] : gOthers[last] * tw;
                for (int q = k + 1; q <= last; q++) {
                    v[q] = before + (dead[q] ? (power == 0 ? gDead[q] : gDead[q] * tw) : go);
                }
                before += go;
                if (groupRank != null) {
                    groupRank[groups] = t;
                    groupCum[groups++] = before; // Σ g over event times ≤ t
                }
            }
            if (entry != null) {
                for (int q = lo; q < hi; q++) {
                    // subtract event times at or before the entry time (not at risk there)
                    int e = entry[q];
                    int lo2 = 0;
                    int hi2 = groups;
                    while (lo2 < hi2) {
                        int mid = (lo2 + hi2) >>> 1;
                        if (groupRank[mid] <= e) {
                            lo2 = mid + 1;
                        } else {
                            hi2 = mid;
                        }
                    }
                    if (lo2 > 0) {
                        v[q] -= groupCum[lo2 - 1];
                    }
                }
            }
            for (int q = lo; q < hi; q++) {
                v[q] *= risk[q];
            }
        }
    }

    /**
     * The proportional-hazards test's sums at one β (Therneau &amp; Grambsch 2000, §6.2): with g(t) the centred
     * transform of each event time, the score Σ_t g(t) (Σ_deaths w x − w̄ Σ_m A_m/D_m) for θ in β(t) = β + θ g(t)
     * and the information blocks Σ_t g(t) I(t) and Σ_t g(t)² I(t), I(t) the event time's term of the Cox
     * information. Filled by one {@link #evaluate(double[], boolean, TimeWeighted)}; on that evaluation's scaled
     * covariates.
     */
    static final class TimeWeighted {
        /** g(t) by exit-time rank (any value at times without events). */
        private final double[] g;
        final double[] u;
        /** Packed lower triangles of Σ g I(t) and Σ g² I(t). */
        final double[] info1;
        final double[] info2;
        /** False when the evaluation left out the Gram parts ({@code finishIf}): the sums are then unusable. */
        private boolean complete = true;

        TimeWeighted(double[] g, int p) {
            this.g = g;
            u = new double[p];
            info1 = new double[p * (p + 1) / 2];
            info2 = new double[p * (p + 1) / 2];
        }

        /** {@return whether the sums are whole (not cut short by the evaluation's {@code finishIf})} */
        boolean complete() {
            return complete;
        }

        /** Sums of its own over the same g (for a range of rows walked on another thread). */
        TimeWeighted sibling(int p) {
            return new TimeWeighted(g, p);
        }

        /** Adds another range's sums. */
        void addAll(TimeWeighted o) {
            for (int i = 0; i < u.length; i++) {
                u[i] += o.u[i];
            }
            for (int i = 0; i < info1.length; i++) {
                info1[i] += o.info1[i];
                info2[i] += o.info2[i];
            }
        }

        /**
         * One event time (rank t): subtracts g·(others·A + deaths·A₂) from the score and g^k (c0 A Aᵀ + c1 (A A₂ᵀ
         * + A₂ Aᵀ) + c2 A₂ A₂ᵀ) from the information blocks (the Gram part is added by {@link #finish}).
         */
        void add(int t, int p, double[] a, double[] a2, double others, double deaths, double c0, double c1,
                double c2) {
            double gt = g[t];
            for (int i = 0, idx = 0; i < p; i++) {
                double ai = a[i];
                double bi = a2[i];
                u[i] -= gt * (others * ai + deaths * bi);
                for (int j = 0; j <= i; j++, idx++) {
                    double m = c0 * ai * a[j] + c1 * (ai * a2[j] + bi * a[j]) + c2 * bi * a2[j];
                    info1[idx] -= gt * m;
                    info2[idx] -= gt * gt * m;
                }
            }
        }

        /** The deaths' Σ g w x and the Gram parts Xᵀ diag(r h g^k) X, once the walk is done. */
        void finish(CoxRiskSets rs, double[] risk, double[] gOthers, double[] gDead) {
            // the deaths' g w per row (0 for the others: adding 0·x leaves a sum as it is), then each column's sum
            // over the rows in order, the columns on both threads at large n (each column's sum on one thread)
            int n = rs.n;
            double[] gw = new double[n];
            for (int k = 0; k < n; k++) {
                if (rs.dead[k]) {
                    gw[k] = g[rs.exit[k]] * rs.w[k];
                }
            }
            TwoCores.each(rs.p, n, i -> {
                double[] col = rs.xc[i];
                double sum = u[i];
                for (int k = 0; k < n; k++) {
                    sum += gw[k] * col[k];
                }
                u[i] = sum;
            });
            double[] v = rs.workHazard; // free until the evaluation's own Gram part, which rewrites all of it
            rs.addGram(info1, rs.hazardWeights(risk, gOthers, gDead, g, 1, v));
            rs.addGram(info2, rs.hazardWeights(risk, gOthers, gDead, g, 2, v));
        }
    }

    /** Rows per block of the Gram product: the block's columns stay in cache while all p(p+1)/2 dots run. */
    private static final int GRAM_BLOCK = 1024;

    /**
     * packed lower triangle += Xᵀ diag(v) X, by column dot products over cache-sized row blocks; large
     * inputs are split in two halves computed concurrently (the sum is the same up to rounding).
     */
    private void addGram(double[] tri, double[] v) {
        if (n < TwoCores.ROWS) {
            gramRange(tri, v, 0, n);
            return;
        }
        int half = (n / 2 / GRAM_BLOCK) * GRAM_BLOCK;
        double[][] parts = new double[2][tri.length];
        TwoCores.inParts(2, h -> gramRange(parts[h], v, h == 0 ? 0 : half, h == 0 ? half : n));
        for (int i = 0; i < tri.length; i++) {
            tri[i] += parts[0][i] + parts[1][i];
        }
    }

    private void gramRange(double[] tri, double[] v, int start, int end) {
        final double[][] xc = this.xc;
        final int p = this.p;
        double[] vx = new double[GRAM_BLOCK];
        for (int from = start; from < end; from += GRAM_BLOCK) {
            int len = Math.min(GRAM_BLOCK, end - from);
            for (int i = 0, idx = 0; i < p; i++) {
                double[] xi = xc[i];
                for (int k = 0; k < len; k++) {
                    vx[k] = v[from + k] * xi[from + k];
                }
                // two columns j, j + 1 per pass over the block: each vx[k] read once for both (the quick compiler
                // keeps the eight sums in registers); each entry's sums are the one-column loop's, in its order
                int j = 0;
                for (; j < i; j += 2, idx += 2) {
                    double[] xj = xc[j];
                    double[] xl = xc[j + 1];
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    double t0 = 0;
                    double t1 = 0;
                    double t2 = 0;
                    double t3 = 0;
                    int k = 0;
                    for (int r = from; k + 3 < len; k += 4, r += 4) {
                        double a0 = vx[k];
                        double a1 = vx[k + 1];
                        double a2 = vx[k + 2];
                        double a3 = vx[k + 3];
                        s0 += a0 * xj[r];
                        t0 += a0 * xl[r];
                        s1 += a1 * xj[r + 1];
                        t1 += a1 * xl[r + 1];
                        s2 += a2 * xj[r + 2];
                        t2 += a2 * xl[r + 2];
                        s3 += a3 * xj[r + 3];
                        t3 += a3 * xl[r + 3];
                    }
                    for (; k < len; k++) {
                        s0 += vx[k] * xj[from + k];
                        t0 += vx[k] * xl[from + k];
                    }
                    tri[idx] += (s0 + s1) + (s2 + s3);
                    tri[idx + 1] += (t0 + t1) + (t2 + t3);
                }
                if (j == i) {
                    double[] xj = xc[j];
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    int k = 0;
                    for (; k + 3 < len; k += 4) {
                        s0 += vx[k] * xj[from + k];
                        s1 += vx[k + 1] * xj[from + k + 1];
                        s2 += vx[k + 2] * xj[from + k + 2];
                        s3 += vx[k + 3] * xj[from + k + 3];
                    }
                    for (; k < len; k++) {
                        s0 += vx[k] * xj[from + k];
                    }
                    tri[idx++] += (s0 + s1) + (s2 + s3);
                }
            }
        }
    }

}
