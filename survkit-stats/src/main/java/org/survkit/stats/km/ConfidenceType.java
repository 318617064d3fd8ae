package org.survkit.stats.km;

import java.util.Locale;

/**
 * Transformation on which the pointwise confidence interval of a survival curve is symmetric.
 * With s the standard error of log S(t) (Greenwood) and z the normal quantile:
 * <ul>
 * <li>{@link #LOG_LOG}: symmetric on log(−log S): {@code S^exp(±z s / log S)}. Default of survkit,
 * SAS PROC LIFETEST, GraphPad Prism ("asymmetrical") and lifelines; it stays inside (0, 1) and
 * has the best small-sample coverage (Borgan &amp; Liestøl 1990).</li>
 * <li>{@link #LOG}: symmetric on log S: {@code S·exp(±z s)}, upper limit capped at 1. Default of R
 * {@code survfit} ({@code conf.type = "log"}).</li>
 * <li>{@link #PLAIN}: symmetric on S: {@code S ± z·S·s}, clipped to [0, 1] (R {@code "plain"},
 * Klein &amp; Moeschberger eq. 4.3.1).</li>
 * </ul>
 * Where S = 0 the limits are undefined (R returns NA); where S = 1 the log-log limits are
 * undefined and the others equal 1.
 */
public enum ConfidenceType {
    /** Complementary log-log ("log-log" in R); survkit's default. */
    LOG_LOG("log-log"),
    /** Log; R's default. */
    LOG("log"),
    /** Untransformed (linear). */
    PLAIN("plain");

    private final String rName;

    ConfidenceType(String rName) {
        this.rName = rName;
    }

    /** The name R's {@code conf.type} uses. */
    public String rName() {
        return rName;
    }

    /**
     * Parses R's names ({@code log-log}, {@code log}, {@code plain}) and the enum names.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static ConfidenceType parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ConfidenceType c : values()) {
            if (c.rName.equals(t)) {
                return c;
            }
        }
        if (t.equals("loglog")) {
            return LOG_LOG;
        }
        if (t.equals("linear")) {
            return PLAIN;
        }
        throw new IllegalArgumentException("unknown confidence interval type '" + s + "': use log-log, log or plain");
    }

    /**
     * The two-sided limits for survival {@code s} whose log has standard error {@code seLog}.
     *
     * @return {lower, upper}; NaN where undefined
     */
    public double[] limits(double s, double seLog, double z) {
        switch (this) {
            case PLAIN: {
                double half = z * seLog * s;
                if (Double.isNaN(half)) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                return new double[] {Math.max(s - half, 0), Math.min(s + half, 1)};
            }
            case LOG: {
                if (s == 0 || Double.isNaN(seLog)) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                double ls = Math.log(s);
                return new double[] {Math.exp(ls - z * seLog), Math.min(Math.exp(ls + z * seLog), 1)};
            }
            default: {
                if (s == 0 || s == 1 || Double.isNaN(seLog)) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                double ls = Math.log(s);
                double se2 = z * seLog / ls;
                double loglog = Math.log(-ls);
                return new double[] {Math.exp(-Math.exp(loglog - se2)), Math.exp(-Math.exp(loglog + se2))};
            }
        }
    }
}
