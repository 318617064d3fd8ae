package org.survkit.stats.internal;

/** Argument checks shared by the public entry points (the workhorses assume valid input). */
public final class SurvivalInput {
    private SurvivalInput() {
    }

    public static void check(double[] time, boolean[] event, int[] codes) {
        if (time.length != event.length || time.length != codes.length) {
            throw new IllegalArgumentException("time, event and group must have the same length: " + time.length
                    + ", " + event.length + ", " + codes.length);
        }
        for (int i = 0; i < time.length; i++) {
            double t = time[i];
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException(
                        "time of observation " + (i + 1) + " must be finite and >= 0, got " + t);
            }
        }
    }
}
