package org.survkit.stats.cox;

import java.util.Objects;

/**
 * A concordance index: the probability that, of two comparable subjects, the one with the higher risk score
 * has the event first (R {@code concordance}); Harrell's or Uno's by its pairs' time weights.
 *
 * @param estimate   C
 * @param stdErr     its (infinitesimal-jackknife) standard error
 * @param weighting  Harrell's (every pair alike) or Uno's (1/G(t−)²)
 */
public record Concordance(double estimate, double stdErr, ConcordanceWeighting weighting) {

    public Concordance {
        Objects.requireNonNull(weighting, "weighting");
    }

    /** Harrell's C. */
    public Concordance(double estimate, double stdErr) {
        this(estimate, stdErr, ConcordanceWeighting.HARRELL);
    }
}
