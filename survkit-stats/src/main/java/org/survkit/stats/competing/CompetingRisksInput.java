package org.survkit.stats.competing;

import java.util.Arrays;

/**
 * Checks of competing-risks data shared by {@link CumulativeIncidence} and {@link FineGrayRegression}:
 * one numeric status per subject, a censoring code, the causes are every other code (R cmprsk's
 * {@code fstatus}/{@code cencode} convention).
 */
final class CompetingRisksInput {
    private CompetingRisksInput() {
    }

    /**
     * @throws IllegalArgumentException for unequal lengths, a time that is not a finite number ≥ 0 or a status
     *                                  that is not a finite number
     */
    static void check(double[] time, double[] status, double censorCode) {
        if (time.length != status.length) {
            throw new IllegalArgumentException("time and status differ in length: " + time.length + " and "
                    + status.length);
        }
        if (!Double.isFinite(censorCode)) {
            throw new IllegalArgumentException("the censoring code must be a finite number, got " + censorCode);
        }
        for (int i = 0; i < time.length; i++) {
            if (!(time[i] >= 0) || Double.isInfinite(time[i])) {
                throw new IllegalArgumentException("time of observation " + (i + 1) + " must be a finite number >= 0,"
                        + " got " + time[i]);
            }
            if (!Double.isFinite(status[i])) {
                throw new IllegalArgumentException("status of observation " + (i + 1) + " must be a finite number,"
                        + " got " + status[i]);
            }
        }
    }

    /** The cause codes present (every status other than the censoring code), increasing. */
    static double[] causes(double[] status, double censorCode) {
        double[] s = Arrays.stream(status).filter(v -> v != censorCode).map(v -> v + 0.0).sorted().distinct()
                .toArray();
        return s;
    }
}
