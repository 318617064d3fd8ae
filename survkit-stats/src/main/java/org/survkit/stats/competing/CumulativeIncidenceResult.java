package org.survkit.stats.competing;

import java.util.Arrays;
import java.util.List;
import org.survkit.stats.Diagnostic;

/**
 * Cumulative incidence curves of every cause in every group, with Gray's test per cause (R cmprsk
 * {@code cuminc}).
 *
 * @param causes      the cause codes, increasing (every status other than the censoring code)
 * @param censorCode  the status that marks a censored observation
 * @param groups      group labels in level order ("all" without groups)
 * @param curves      one curve per cause and group, cause-major (all groups of the first cause first), as
 *                    cmprsk orders them
 * @param tests       Gray's test per cause, in cause order; empty with fewer than two groups
 * @param diagnostics caveats: small groups, a cause without events in a group, a singular test
 * @param variance    how the curves' variances were computed
 */
public record CumulativeIncidenceResult(double[] causes, double censorCode, List<String> groups,
        List<CumulativeIncidenceCurve> curves, List<GrayTestResult> tests, List<Diagnostic> diagnostics,
        CifVariance variance) {

    public CumulativeIncidenceResult {
        java.util.Objects.requireNonNull(variance, "variance");
        causes = causes.clone();
        groups = List.copyOf(groups);
        curves = List.copyOf(curves);
        tests = List.copyOf(tests);
        diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public double[] causes() {
        return causes.clone();
    }

    /** The curve of one cause in one group. */
    public CumulativeIncidenceCurve curve(String group, double cause) {
        return curves.stream().filter(c -> c.group().equals(group) && c.cause() == cause).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no curve for group " + group + ", cause " + cause));
    }

    /** Gray's test of one cause. */
    public GrayTestResult test(double cause) {
        return tests.stream().filter(t -> t.cause() == cause).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test for cause " + cause));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CumulativeIncidenceResult r && Arrays.equals(causes, r.causes)
                && Double.compare(censorCode, r.censorCode) == 0 && groups.equals(r.groups)
                && curves.equals(r.curves) && tests.equals(r.tests) && diagnostics.equals(r.diagnostics)
                && variance == r.variance;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(causes) * 31 + curves.hashCode();
    }

    @Override
    public String toString() {
        return "CumulativeIncidenceResult[causes=" + Arrays.toString(causes) + ", groups=" + groups + "]";
    }
}
