package org.survkit.stats.cox;

import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Columns;

/**
 * The test of proportional hazards of a Cox model with the data to plot it (R {@code cox.zph}).
 * The residual arrays have one row per event, ordered by stratum and then time (R's order).
 *
 * @param terms           one test per model term (or per column), in model order
 * @param global          the joint test of all estimable columns ({@code GLOBAL})
 * @param transform       the time transform g
 * @param transformedTime g(t) at each event, not centred (R {@code $x}); the x axis of the plot
 * @param eventTime       the event times (R {@code $time})
 * @param strata          the stratum code of each event, or null without strata (R {@code $strata})
 * @param scaledResiduals scaled Schoenfeld residuals plus the coefficient, events × columns (R {@code $y}):
 *                        a smooth of column k against g(t) estimates β_k(t). For a multi-column term,
 *                        the residual of its linear predictor x'β, centred on 1. NaN where the term is
 *                        constant within the event's stratum (R's NA)
 * @param columnNames     the names of the residual columns (terms, or columns when tested one by one)
 * @param variance        the covariance used to scale the residuals (R {@code $var}), for confidence bands
 * @param diagnostics     caveats: columns left out as aliased
 */
public record ZphResult(List<ZphTerm> terms, ZphTerm global, ZphTransform transform, double[] transformedTime,
        double[] eventTime, int[] strata, double[][] scaledResiduals, List<String> columnNames, double[][] variance,
        List<Diagnostic> diagnostics) {

    public ZphResult {
        terms = List.copyOf(terms);
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(transform, "transform");
        transformedTime = transformedTime.clone();
        eventTime = eventTime.clone();
        strata = strata == null ? null : strata.clone();
        scaledResiduals = Columns.copy(scaledResiduals);
        columnNames = List.copyOf(columnNames);
        variance = Columns.copy(variance);
        diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public double[] transformedTime() {
        return transformedTime.clone();
    }

    @Override
    public double[] eventTime() {
        return eventTime.clone();
    }

    @Override
    public int[] strata() {
        return strata == null ? null : strata.clone();
    }

    @Override
    public double[][] scaledResiduals() {
        return Columns.copy(scaledResiduals);
    }

    @Override
    public double[][] variance() {
        return Columns.copy(variance);
    }

    /** The test of a term, by name. */
    public ZphTerm term(String name) {
        return terms.stream().filter(t -> t.term().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term named " + name));
    }
}
