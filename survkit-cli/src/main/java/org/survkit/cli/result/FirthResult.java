package org.survkit.cli.result;

import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.cox.FirthCoxModel;

/**
 * What {@code survkit cox --firth} found: the Cox model with Firth's penalized likelihood, as R's coxphf.
 *
 * @param cohort      the data analysed
 * @param strata      the strata column, or null
 * @param model       the fitted model
 * @param diagnostics the model's caveats
 */
public record FirthResult(CohortSummary cohort, String strata, FirthCoxModel model, List<Diagnostic> diagnostics) {

    public FirthResult {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(model, "model");
        diagnostics = List.copyOf(diagnostics);
    }
}
