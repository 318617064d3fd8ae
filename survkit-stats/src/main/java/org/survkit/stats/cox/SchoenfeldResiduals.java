package org.survkit.stats.cox;

import java.util.Arrays;
import java.util.Objects;
import org.survkit.stats.internal.Columns;

/**
 * Schoenfeld residuals of a Cox model: one row per event, as R {@code residuals(fit, "schoenfeld")}.
 * Rows are in R's order: by stratum, then event time, then input order among tied events.
 *
 * <p>Arrays are copied on the way in and out.
 *
 * @param time      event time of each row (after R's timefix merging of near-equal times)
 * @param stratum   stratum code of each row (0 when the model has no strata)
 * @param row       the observation (0-based index into the data) each row belongs to
 * @param residuals {@code residuals[k][j]}: covariate j of event k minus the risk-set mean at
 *                  its time, on the original covariate scale (unweighted, as R's default)
 */
public record SchoenfeldResiduals(double[] time, int[] stratum, int[] row, double[][] residuals) {

    public SchoenfeldResiduals {
        time = time.clone();
        stratum = stratum.clone();
        row = row.clone();
        residuals = Columns.copy(Objects.requireNonNull(residuals, "residuals"));
        if (stratum.length != time.length || row.length != time.length || residuals.length != time.length) {
            throw new IllegalArgumentException("Schoenfeld residuals: one time, stratum, row and residual per event");
        }
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public int[] stratum() {
        return stratum.clone();
    }

    @Override
    public int[] row() {
        return row.clone();
    }

    @Override
    public double[][] residuals() {
        return Columns.copy(residuals);
    }

    /** Number of events (rows). */
    public int size() {
        return time.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchoenfeldResiduals s && Arrays.equals(time, s.time) && Arrays.equals(stratum, s.stratum)
                && Arrays.equals(row, s.row) && Arrays.deepEquals(residuals, s.residuals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(time), Arrays.hashCode(row), Arrays.deepHashCode(residuals));
    }

    @Override
    public String toString() {
        return "SchoenfeldResiduals[events=" + time.length + "]";
    }
}
