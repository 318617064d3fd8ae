package org.survkit.cli.result;

import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.ZphResult;

/**
 * What {@code survkit cox} found: the Cox model as R's coxph and its proportional-hazards test as cox.zph.
 *
 * @param cohort              the data analysed
 * @param strata              the strata column, or null
 * @param model               the fitted model
 * @param proportionalHazards the proportional-hazards test, or null when there is nothing to test (no events, or
 *                            every coefficient aliased)
 * @param diagnostics         the model's caveats, then events per coefficient, then non-proportional hazards
 * @param offset              the offset column (R {@code + offset(x)}), or null
 */
public record CoxResult(CohortSummary cohort, String strata, CoxModel model, ZphResult proportionalHazards,
        List<Diagnostic> diagnostics, String offset) {

    public CoxResult {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(model, "model");
        diagnostics = List.copyOf(diagnostics);
    }

    /** A model without an offset. */
    public CoxResult(CohortSummary cohort, String strata, CoxModel model, ZphResult proportionalHazards,
            List<Diagnostic> diagnostics) {
        this(cohort, strata, model, proportionalHazards, diagnostics, null);
    }
}
