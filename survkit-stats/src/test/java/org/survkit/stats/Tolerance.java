package org.survkit.stats;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;

/** Comparison of survkit numbers with R's, where R's NA is JSON null and ours is NaN. */
public final class Tolerance {
    private Tolerance() {
    }

    /** Relative tolerance (absolute below 1) for estimates. */
    public static final double EST = 1e-6;
    /** For p-values (from different distribution code). */
    public static final double P = 1e-5;

    public static void close(String what, double actual, JsonNode expected, double tol) {
        if (expected == null || expected.isNull()) {
            if (!Double.isNaN(actual)) {
                fail(what + ": expected NA (R), got " + actual);
            }
            return;
        }
        close(what, actual, expected.asDouble(), tol);
    }

    public static void close(String what, double actual, double expected, double tol) {
        if (Double.isNaN(actual) || Math.abs(actual - expected) > tol * Math.max(1, Math.abs(expected))) {
            fail(what + ": expected " + expected + " (R), got " + actual);
        }
    }
}
