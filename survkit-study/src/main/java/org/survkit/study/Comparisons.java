package org.survkit.study;

import java.util.List;
import java.util.Objects;
import org.survkit.io.InputException;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.preset.Preset;
import org.survkit.stats.logrank.HazardRatioMethod;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.Weighting;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;

/**
 * How a study compares its groups ({@code comparisons:} in a study file; {@code survkit compare}'s options).
 *
 * @param test         the weighted log-rank test
 * @param rho          ρ of Fleming–Harrington (0 unless the test is {@code fh})
 * @param gamma        γ of Fleming–Harrington (0 unless the test is {@code fh})
 * @param pairwise     whether every pair is tested
 * @param adjust       the adjustment of the pairwise P values
 * @param trend        whether the test for trend over the ordered groups is added
 * @param scores       the trend scores (empty: the group values when numbers, else 1..k)
 * @param conservative whether Prism's conservative statistic Σ(O−E)²/E is added
 * @param rmst         when restricted mean survival times are compared (up to the study's {@code tau},
 *                     {@link Estimates#tau()})
 * @param hazardRatios the two-group hazard ratios the pairwise table shows, in the order given
 *                     ({@code comparisons.hazard_ratios}; default all three)
 */
public record Comparisons(Weighting test, double rho, double gamma, boolean pairwise, PValueAdjustment adjust,
        boolean trend, double[] scores, boolean conservative, Rmst rmst, List<HazardRatioMethod> hazardRatios) {

    public Comparisons {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(adjust, "adjust");
        Objects.requireNonNull(rmst, "rmst");
        scores = scores.clone();
        hazardRatios = hazardRatios == null || hazardRatios.isEmpty() ? StudyKeys.HAZARD_RATIOS.defaultValue()
                : List.copyOf(new java.util.LinkedHashSet<>(hazardRatios));
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    /**
     * The comparisons asked for; each value null when not given, resolved against the study keys' defaults and the
     * preset's test.
     *
     * @param estimates the study's estimates (their preset supplies the default test)
     * @param where     how the user names the keys, for the one cross-key check (ρ and γ belong to {@code fh})
     * @return the comparisons
     * @throws InputException when ρ or γ is given for another test than Fleming–Harrington
     */
    public static Comparisons resolve(Estimates estimates, Weighting test, Double rho, Double gamma, Boolean pairwise,
            PValueAdjustment adjust, Boolean trend, double[] scores, Boolean conservative, Rmst rmst, Where where) {
        Weighting t = estimates.test(test);
        double r = rho == null ? StudyKeys.RHO.defaultValue() : rho;
        double g = gamma == null ? StudyKeys.GAMMA.defaultValue() : gamma;
        if ((r != 0 || g != 0) && t != Weighting.FLEMING_HARRINGTON) {
            throw new InputException(where.name(r != 0 ? StudyKeys.RHO : StudyKeys.GAMMA) + " applies to the"
                    + " Fleming–Harrington test only: add " + where.assign(StudyKeys.TEST, "fh") + ", or leave "
                    + where.mention(StudyKeys.RHO) + " and " + where.mention(StudyKeys.GAMMA) + " out.");
        }
        return new Comparisons(t, r, g, pairwise == null ? StudyKeys.PAIRWISE.defaultValue() : pairwise,
                adjust == null ? StudyKeys.ADJUST.defaultValue() : adjust,
                trend == null ? StudyKeys.TREND.defaultValue() : trend, scores == null ? new double[0] : scores,
                conservative == null ? StudyKeys.CONSERVATIVE.defaultValue() : conservative,
                rmst == null ? StudyKeys.RMST.defaultValue() : rmst, null);
    }

    /** {@return the same comparisons showing these hazard ratios (null or empty: all three)} */
    public Comparisons withHazardRatios(List<HazardRatioMethod> shown) {
        return new Comparisons(test, rho, gamma, pairwise, adjust, trend, scores, conservative, rmst, shown);
    }

    /**
     * The hazard ratio to report: the preset's software's ({@link Preset#hazardRatio()}: Cox, or Mantel–Haenszel for
     * Prism) when it is shown, else the first shown.
     *
     * @param preset the study's preset
     * @return the primary hazard ratio, one of {@link #hazardRatios()}
     */
    public HazardRatioMethod primaryHazardRatio(Preset preset) {
        return hazardRatios.contains(preset.hazardRatio()) ? preset.hazardRatio() : hazardRatios.get(0);
    }

    /** {@return the study defaults: the preset's test, pairwise with Holm, no trend, RMST when hazards cross} */
    public static Comparisons defaults(Estimates estimates) {
        return resolve(estimates, null, null, null, null, null, null, null, null, null, Where.COMMAND_LINE);
    }

    /** {@return the configured engine: the test with its weights} */
    public LogRankTest engine() {
        return test == Weighting.FLEMING_HARRINGTON ? LogRankTest.withDefaults().withFlemingHarrington(rho, gamma)
                : LogRankTest.withDefaults().with(test);
    }
}
