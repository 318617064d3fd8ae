package org.survkit.cli.result;

import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.competing.FineGrayModel;

/**
 * What {@code survkit finegray} found: the Fine–Gray subdistribution hazards model of one cause, as R cmprsk's crr.
 *
 * @param cohort      the data analysed
 * @param codes       the codes of the event column
 * @param model       the fitted model (its cause and censoring code among the codes)
 * @param diagnostics the statistical caveats
 */
public record FineGrayResult(CohortSummary cohort, CauseCodes codes, FineGrayModel model,
        List<Diagnostic> diagnostics) {

    public FineGrayResult {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(model, "model");
        diagnostics = List.copyOf(diagnostics);
    }
}
