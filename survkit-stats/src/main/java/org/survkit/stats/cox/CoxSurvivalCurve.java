package org.survkit.stats.cox;

import java.util.Arrays;
import java.util.Objects;
import org.survkit.stats.internal.Columns;
import org.survkit.stats.km.ConfidenceType;

/**
 * The predicted survival curve of one covariate profile from a Cox model, as R
 * {@code survfit(fit, newdata = profile)}: one row per distinct exit time (events and
 * censorings) of the profile's stratum.
 *
 * <p>S(t) = exp(−Λ(t)) with Λ(t) = exp(β'(z − means)) Λ₀(t) (R's default {@code stype = 2};
 * Λ₀ Breslow for a Breslow fit, Efron-adjusted for an Efron fit, R's {@code ctype} default).
 * {@code stdErrCumHaz} is R's {@code fit$std.err}, the standard error of Λ(t) = of log S(t),
 * including the uncertainty of β̂ (Tsiatis 1981; Therneau &amp; Grambsch 2000, §10.2):
 * Var Λ(t) = e<sup>2η</sup>[Σ<sub>s≤t</sub> dN/R² + d(t)' V d(t)], d(t) = Σ<sub>s≤t</sub> (z − x̄(s)) dΛ₀(s),
 * V the model's {@code variance} (robust when the model used one, as R). {@code stdErr} is the
 * standard error of S, S·stdErrCumHaz (R {@code summary(fit)$std.err}). The limits are of
 * {@link #confType()} on log S with that standard error, as R's {@code survfit_confint}; NaN
 * where undefined (log-log where S = 1).
 *
 * <p>Numbers at risk, of events and of censorings are sums of case weights.
 *
 * <p>Arrays are copied on the way in and out.
 *
 * @param stratum          stratum code of the curve (0 without strata)
 * @param linearPredictor  η = β'(z − means) of the profile (aliased coefficients count as 0)
 * @param confType         interval transformation
 * @param confLevel        interval level
 * @param time             distinct exit times of the stratum
 * @param nRisk            (weighted) number at risk just before each time
 * @param nEvent           (weighted) events at each time
 * @param nCensor          (weighted) censorings at each time
 * @param survival         predicted survival
 * @param stdErr           standard error of the survival
 * @param lower            lower confidence limit
 * @param upper            upper confidence limit
 * @param cumHaz           predicted cumulative hazard
 * @param stdErrCumHaz     standard error of the cumulative hazard
 */
public record CoxSurvivalCurve(int stratum, double linearPredictor, ConfidenceType confType, double confLevel,
        double[] time, double[] nRisk, double[] nEvent, double[] nCensor, double[] survival, double[] stdErr,
        double[] lower, double[] upper, double[] cumHaz, double[] stdErrCumHaz) {

    public CoxSurvivalCurve {
        Objects.requireNonNull(confType, "confType");
        time = time.clone();
        nRisk = nRisk.clone();
        nEvent = nEvent.clone();
        nCensor = nCensor.clone();
        survival = survival.clone();
        stdErr = stdErr.clone();
        lower = lower.clone();
        upper = upper.clone();
        cumHaz = cumHaz.clone();
        stdErrCumHaz = stdErrCumHaz.clone();
        Columns.requireSameLength("a survival curve", time.length, nRisk.length, nEvent.length, nCensor.length,
                survival.length, stdErr.length, lower.length, upper.length, cumHaz.length, stdErrCumHaz.length);
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] nRisk() {
        return nRisk.clone();
    }

    @Override
    public double[] nEvent() {
        return nEvent.clone();
    }

    @Override
    public double[] nCensor() {
        return nCensor.clone();
    }

    @Override
    public double[] survival() {
        return survival.clone();
    }

    @Override
    public double[] stdErr() {
        return stdErr.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public double[] cumHaz() {
        return cumHaz.clone();
    }

    @Override
    public double[] stdErrCumHaz() {
        return stdErrCumHaz.clone();
    }

    /** Number of rows. */
    public int size() {
        return time.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoxSurvivalCurve c && stratum == c.stratum
                && Double.compare(linearPredictor, c.linearPredictor) == 0 && confType == c.confType
                && Double.compare(confLevel, c.confLevel) == 0 && Arrays.equals(time, c.time)
                && Arrays.equals(nRisk, c.nRisk) && Arrays.equals(nEvent, c.nEvent) && Arrays.equals(nCensor, c.nCensor)
                && Arrays.equals(survival, c.survival) && Arrays.equals(stdErr, c.stdErr)
                && Arrays.equals(lower, c.lower) && Arrays.equals(upper, c.upper) && Arrays.equals(cumHaz, c.cumHaz)
                && Arrays.equals(stdErrCumHaz, c.stdErrCumHaz);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stratum, linearPredictor, confType, confLevel, Arrays.hashCode(time),
                Arrays.hashCode(survival));
    }

    @Override
    public String toString() {
        return "CoxSurvivalCurve[stratum=" + stratum + ", lp=" + linearPredictor + ", rows=" + time.length
                + ", confType=" + confType.rName() + "]";
    }
}
