package org.survkit.stats.km;

import java.util.Locale;

/**
 * How the median (and its confidence limits) is read off a step survival curve. The packages
 * differ only where a curve sits exactly at 0.5.
 */
public enum MedianRule {
    /**
     * R {@code print.survfit} / {@code summary(fit)$table}: the first time the curve is below 0.5;
     * when it equals 0.5 over a stretch that ends with a later drop, the midpoint of the stretch
     * (SAS PROC LIFETEST agrees). survkit's default.
     */
    R("r"),
    /**
     * Midpoint of any stretch at exactly 0.5, including a stretch that runs to the last
     * observation (then the midpoint of its start and the last time): R {@code quantile.survfit},
     * GraphPad Prism (following Machin).
     */
    MIDPOINT("midpoint"),
    /** The first time at which the curve is at or below 0.5, no midpoint: lifelines {@code median_survival_time_}. */
    FIRST_AT_OR_BELOW("first");

    private final String id;

    MedianRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static MedianRule parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (MedianRule r : values()) {
            if (r.id.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown median rule '" + s + "': use r, midpoint or first");
    }
}
