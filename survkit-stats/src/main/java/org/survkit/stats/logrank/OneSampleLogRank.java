package org.survkit.stats.logrank;

import org.survkit.stats.ChiSquareTest;

/**
 * The one-sample log-rank test: the observed events of a cohort against the events expected under a known
 * (reference) hazard, e.g. a population life table or a historical control (R {@code survdiff(Surv(time, status) ~
 * offset(p))}, Breslow 1975; Finkelstein, Muzikansky &amp; Schoenfeld 2003).
 *
 * <p>Each subject i brings its expected cumulative hazard Λᵢ = Λ₀(tᵢ) over its own follow-up. With O the number
 * of events and E = Σ Λᵢ, under the null hypothesis O − E has variance E and
 * <pre>
 *   χ² = (O − E)² / E   on 1 df.
 * </pre>
 * R's {@code survdiff} of survival 3.5-3 takes the expected <i>survival probability</i> exp(−Λᵢ) as the offset
 * (E = Σ −log offset); this class takes Λᵢ itself. Edge cases: E = 0 (every Λᵢ 0) gives a statistic NaN and no
 * p-value; Λᵢ must be finite and ≥ 0. Instances are immutable.
 */
public final class OneSampleLogRank {
    private OneSampleLogRank() {
    }

    /**
     * The observed and expected events and the test.
     *
     * @param n         subjects
     * @param observed  events O
     * @param expected  Σ Λᵢ, the events expected under the reference hazard
     * @param test      (O − E)²/E on 1 df
     */
    public record Result(int n, double observed, double expected, ChiSquareTest test) {
        /** O/E, the standardized mortality (incidence) ratio. */
        public double ratio() {
            return observed / expected;
        }
    }

    /**
     * Tests the observed events against the expected cumulative hazards.
     *
     * @param event              event indicators
     * @param cumulativeHazard   each subject's expected cumulative hazard at its follow-up time (≥ 0)
     * @throws IllegalArgumentException on length mismatch or a negative or non-finite expected value
     */
    public static Result test(boolean[] event, double[] cumulativeHazard) {
        if (event.length != cumulativeHazard.length) {
            throw new IllegalArgumentException("one expected cumulative hazard per subject is needed: " + event.length
                    + " subjects, " + cumulativeHazard.length + " values");
        }
        double o = 0;
        double e = 0;
        for (int i = 0; i < event.length; i++) {
            double h = cumulativeHazard[i];
            if (!(h >= 0) || !Double.isFinite(h)) {
                throw new IllegalArgumentException("subject " + (i + 1) + ": the expected cumulative hazard must be a"
                        + " finite number >= 0, got " + h);
            }
            o += event[i] ? 1 : 0;
            e += h;
        }
        double stat = e > 0 ? (o - e) * (o - e) / e : Double.NaN;
        ChiSquareTest t = e > 0 ? ChiSquareTest.of(stat, 1) : new ChiSquareTest(Double.NaN, 1, Double.NaN);
        return new Result(event.length, o, e, t);
    }
}
