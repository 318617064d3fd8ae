package org.survkit.cli.result;

import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.competing.CifVariance;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.GrayTestResult;
import org.survkit.study.Estimates;

/**
 * What {@code survkit cif} found: the Aalen–Johansen cumulative incidence of each cause per group and Gray's test per
 * cause, as R cmprsk's cuminc and timepoints.
 *
 * @param cohort      the data analysed
 * @param codes       the codes of the event column
 * @param strata      the column stratifying Gray's test, or null
 * @param estimates   how the curves were estimated: CI transform and level, the times reported
 * @param rho         Gray's test weight exponent (cmprsk {@code rho})
 * @param variance    how the curves' variances were computed (the fit's {@link CumulativeIncidenceResult#variance()})
 * @param curves      the curves shown: per cause (all, or the one asked for) and group
 * @param tests       Gray's tests shown, per cause (none without groups)
 * @param diagnostics the statistical caveats
 * @param eventTables whether the text shows each curve's full table ({@code --table}; JSON always has them)
 */
public record CifResult(CohortSummary cohort, CauseCodes codes, String strata, String entry, Estimates estimates, double rho,
        CifVariance variance, List<CumulativeIncidenceCurve> curves, List<GrayTestResult> tests, List<Diagnostic> diagnostics,
        boolean eventTables) {

    public CifResult {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(estimates, "estimates");
        Objects.requireNonNull(variance, "variance");
        curves = List.copyOf(curves);
        tests = List.copyOf(tests);
        diagnostics = List.copyOf(diagnostics);
    }
}
