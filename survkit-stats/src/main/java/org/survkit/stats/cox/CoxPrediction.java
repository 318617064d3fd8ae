package org.survkit.stats.cox;

import org.survkit.stats.internal.Normal;
import org.survkit.stats.km.ConfidenceType;

/**
 * Baseline hazards and predicted survival curves of a fitted Cox model, as R {@code basehaz} and
 * {@code survfit(fit, newdata = ...)} (survival 3.5-3).
 *
 * <p>The hazard increment at an exit time t is Breslow's dN(t)/Σ<sub>at risk</sub> w r for a Breslow
 * fit and Efron's (D/d) Σ<sub>i&lt;d</sub> 1/(R − (i/d)E) for an Efron fit with d tied deaths (R's
 * {@code ctype} default follows the ties of the model: 1 for breslow, 2 for efron), r = exp(β'(x − means)),
 * so Λ₀ is the hazard of a subject with the mean covariates. Survival is exp(−Λ) (R's default
 * {@code stype = 2}, not the Kalbfleisch–Prentice product).
 *
 * <p>Each call is one pass over the sorted risk sets, O(n·p) after the sort.
 *
 * <p>References: Breslow (1974); Tsiatis (1981) <i>Ann. Stat.</i> 9:93–108; Therneau &amp; Grambsch,
 * <i>Modeling Survival Data</i> (2000), §10.2; Klein &amp; Moeschberger (2003), §8.8.
 */
public final class CoxPrediction {
    private CoxPrediction() {
    }

    /**
     * The baseline cumulative hazard per stratum (R {@code basehaz(fit, centered)}).
     *
     * @param centered true: at the model's {@code means} (R's default); false: at all covariates 0,
     *                 i.e. the centred hazard times exp(−Σ means·β)
     */
    public static BaselineHazard baseline(CoxData data, CoxModel model, boolean centered) {
        CoxRiskSetTable t = CoxResiduals.table(data, model);
        double factor = 1;
        if (!centered) {
            double[] beta = model.coef();
            double[] means = model.means();
            double off = 0;
            for (int j = 0; j < beta.length; j++) {
                off += means[j] * (Double.isNaN(beta[j]) ? 0 : beta[j]);
            }
            factor = Math.exp(-off);
        }
        double[] time = new double[t.rows];
        double[] cum = new double[t.rows];
        int[] stratum = new int[t.rows];
        int out = 0;
        for (int b = 0; b + 1 < t.rowStart.length; b++) {
            double h = 0;
            for (int r = t.rowStart[b + 1] - 1; r >= t.rowStart[b]; r--) {
                h += t.hazard[r];
                time[out] = t.time[r];
                cum[out] = h * factor;
                stratum[out++] = b;
            }
        }
        return new BaselineHazard(time, cum, stratum, centered);
    }

    /**
     * The predicted survival curve of a covariate profile for a model without strata (or with a
     * single one), with intervals at the model's confidence level.
     *
     * @param profile one value per design column, on the original scale (e.g. {@code age = 60},
     *                a 0/1 indicator per factor level)
     * @throws IllegalArgumentException when the model has several strata: name one with
     *                                  {@link #predict(CoxData, CoxModel, double[], int, ConfidenceType, double)}
     */
    public static CoxSurvivalCurve predict(CoxData data, CoxModel model, double[] profile, ConfidenceType type) {
        if (data.strata() != null) {
            for (int s : data.strata()) {
                if (s != data.strata()[0]) {
                    throw new IllegalArgumentException("the model is stratified: each stratum has its own baseline"
                            + " hazard, so say which stratum the profile belongs to");
                }
            }
        }
        int stratum = data.strata() == null || data.size() == 0 ? 0 : data.strata()[0];
        return predict(data, model, profile, stratum, type, model.confLevel());
    }

    /**
     * The predicted survival curve of a covariate profile in one stratum (R
     * {@code survfit(fit, newdata = profile, conf.type = type, conf.int = confLevel)}); see
     * {@link CoxSurvivalCurve} for the formulas.
     *
     * @param profile   one value per design column, on the original scale
     * @param stratum   the stratum code of the profile (0 without strata)
     * @param type      interval transformation (R's default is {@link ConfidenceType#LOG})
     * @param confLevel interval level in (0, 1)
     */
    public static CoxSurvivalCurve predict(CoxData data, CoxModel model, double[] profile, int stratum,
            ConfidenceType type, double confLevel) {
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + confLevel);
        }
        int p = data.design().width();
        if (profile.length != p) {
            throw new IllegalArgumentException("the profile has " + profile.length + " values but the model "
                    + p + " design columns " + data.design().columnNames() + ": give one value per column");
        }
        for (int j = 0; j < p; j++) {
            if (!Double.isFinite(profile[j])) {
                throw new IllegalArgumentException("profile value of '" + data.design().columnNames().get(j)
                        + "' is not a finite number: " + profile[j]);
            }
        }
        CoxRiskSetTable t = CoxResiduals.table(data, model);
        int strata = t.rowStart.length - 1;
        if (stratum < 0 || stratum >= strata) {
            throw new IllegalArgumentException("stratum " + stratum + " does not exist: the data have strata 0.."
                    + (strata - 1));
        }
        double[] beta = model.coef();
        double[] means = model.means();
        double[][] v = model.variance();
        double lp = 0;
        for (int j = 0; j < p; j++) {
            lp += (Double.isNaN(beta[j]) ? 0 : beta[j]) * (profile[j] - means[j]);
        }
        double risk2 = Math.exp(lp);
        double z = Normal.quantile(0.5 + confLevel / 2);
        double[] centred = new double[p];
        for (int j = 0; j < p; j++) {
            centred[j] = profile[j] - t.rs.means[j];
        }
        int lo = t.rowStart[stratum];
        int hi = t.rowStart[stratum + 1];
        int m = hi - lo;
        double[] time = new double[m];
        double[] nRisk = new double[m];
        double[] nEvent = new double[m];
        double[] nCensor = new double[m];
        double[] surv = new double[m];
        double[] se = new double[m];
        double[] lower = new double[m];
        double[] upper = new double[m];
        double[] cum = new double[m];
        double[] seCum = new double[m];
        double h = 0;
        double vh = 0;
        double[] xb = new double[p];
        double[] dt = new double[p];
        int out = 0;
        for (int r = hi - 1; r >= lo; r--) {
            h += t.hazard[r];
            int e = t.eventOf[r];
            if (e >= 0) {
                vh += t.varHazard[e];
                for (int j = 0; j < p; j++) {
                    xb[j] += t.mh1[e * p + j];
                }
            }
            for (int j = 0; j < p; j++) {
                dt[j] = h * centred[j] - xb[j] / t.rs.scale[j];
            }
            double q = 0;
            for (int i = 0; i < p; i++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += v[i][j] * dt[j];
                }
                q += dt[i] * s;
            }
            double chaz = h * risk2;
            double s = Math.exp(-chaz);
            double seLog = Math.sqrt((vh + q) * risk2 * risk2);
            double[] lim = type.limits(s, seLog, z);
            time[out] = t.time[r];
            nRisk[out] = t.nRisk[r];
            nEvent[out] = t.nEvent[r];
            nCensor[out] = t.nCensor[r];
            surv[out] = s;
            se[out] = s * seLog;
            lower[out] = lim[0];
            upper[out] = lim[1];
            cum[out] = chaz;
            seCum[out++] = seLog;
        }
        return new CoxSurvivalCurve(stratum, lp, type, confLevel, time, nRisk, nEvent, nCensor, surv, se, lower,
                upper, cum, seCum);
    }
}
