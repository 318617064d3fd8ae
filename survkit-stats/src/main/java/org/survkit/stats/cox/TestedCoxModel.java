package org.survkit.stats.cox;

import java.util.Objects;

/**
 * A fitted Cox model with the test of its proportional hazards ({@link CoxRegression#fitAndTest}).
 *
 * @param model               the fit (R {@code summary(coxph(...))})
 * @param proportionalHazards the tests of R {@code cox.zph(fit)} without the residuals to plot them (as
 *                            {@link ProportionalHazardsTest#tests}), or null when there is nothing to test (no events,
 *                            no estimable coefficient)
 */
public record TestedCoxModel(CoxModel model, ZphResult proportionalHazards) {

    public TestedCoxModel {
        Objects.requireNonNull(model, "model");
    }
}
