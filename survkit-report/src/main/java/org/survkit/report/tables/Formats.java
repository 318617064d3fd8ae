package org.survkit.report.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.PercentFormat;

/**
 * How the report prints numbers (formatting only; rounding half-up on the exact value through
 * survkit-stats' {@link PercentFormat}): survival and percentages with one decimal, times with one
 * decimal, hazard ratios with two, test statistics with two, p-values as {@link PValueFormat}
 * (three significant digits, {@code < 0.001}). Undefined values print as an en dash, a median
 * that is not reached as "NR".
 */
public final class Formats {

    /** Between an interval's limits: "45.2 (30.1–60.4)". */
    public static final String DASH = "\u2013";
    /** A value that cannot be given. */
    public static final String NA = "\u2014";
    /** A median or quantile the curve does not reach. */
    public static final String NOT_REACHED = "NR";
    /** Decimals of a hazard ratio (three significant digits below 0.1). */
    public static final int RATIO_DIGITS = 2;
    /** The most decimals of a hazard ratio, when two do not tell its limits apart. */
    public static final int RATIO_MAX_DIGITS = 4;

    private Formats() {
    }

    /** A fraction as a percentage with one decimal: 0.9333 → "93.3". */
    static String pct(double fraction) {
        return Double.isFinite(fraction) ? PercentFormat.decimal(100 * fraction, 1) : NA;
    }

    /** A fraction with its interval: "93.3 (75.4–98.3)". */
    public static String pctCi(double s, double lower, double upper) {
        if (!Double.isFinite(s)) {
            return NA;
        }
        return pct(s) + (Double.isFinite(lower) || Double.isFinite(upper) ? " (" + pct(lower) + DASH + pct(upper) + ")"
                : "");
    }

    /** A number with fixed decimals. */
    public static String num(double x, int digits) {
        return Double.isFinite(x) ? PercentFormat.decimal(x, digits) : Double.isInfinite(x) ? (x > 0 ? "\u221E"
                : "\u2212\u221E") : NA;
    }

    /** A time (median, quantile) with {@code digits} decimals; NaN as "NR" (not reached). */
    static String time(double t, int digits) {
        return Double.isNaN(t) ? NOT_REACHED : num(t, digits);
    }

    /** A median or quantile with its interval: "45.2 (30.1–NR)". */
    public static String timeCi(double t, double lower, double upper, int digits) {
        return time(t, digits) + " (" + time(lower, digits) + DASH + time(upper, digits) + ")";
    }

    /** Decimals for times in a unit: none for days, one otherwise. */
    public static int timeDigits(String unit) {
        return "days".equals(unit) ? 0 : 1;
    }

    /**
     * A difference with its interval, signs as typeset minus and "to" between the limits, as journals
     * print intervals that may cross zero: "6.12 (−2.67 to 14.92)".
     */
    static String differenceCi(double x, double lower, double upper, int digits) {
        return signed(x, digits) + " (" + signed(lower, digits) + " to " + signed(upper, digits) + ")";
    }

    private static String signed(double x, int digits) {
        return num(x, digits).replace('-', '\u2212');
    }

    /**
     * A hazard ratio with its interval: "0.45 (0.21–0.98)". Two decimals, or as many more (up to four) as it takes
     * for the estimate and its limits to print apart and for a limit other than 1 not to print as "1.00": a Cox
     * hazard ratio per year of age, 1.03 (0.998 to 1.07), prints "1.030 (0.998–1.066)", not "1.03 (1.00–1.07)",
     * which hides that the interval includes 1.
     */
    public static String hrCi(double hr, double lower, double upper) {
        if (!Double.isFinite(hr) || hr == 0) {
            return "not estimable";
        }
        int d = ratioDigits(hr, lower, upper);
        return ratio(hr, d) + " (" + ratio(lower, d) + DASH + ratio(upper, d) + ")";
    }

    /** {@return the decimals {@link #hrCi} prints these with: 2 to {@value #RATIO_MAX_DIGITS}} */
    public static int ratioDigits(double hr, double lower, double upper) {
        for (int d = RATIO_DIGITS; d < RATIO_MAX_DIGITS; d++) {
            String e = ratio(hr, d);
            String l = ratio(lower, d);
            String u = ratio(upper, d);
            boolean apart = !e.equals(l) && !e.equals(u) || lower == hr || upper == hr;
            String one = ratio(1, d);
            boolean notOne = (lower == 1 || !l.equals(one)) && (upper == 1 || !u.equals(one));
            if (apart && notOne) {
                return d;
            }
        }
        return RATIO_MAX_DIGITS;
    }

    /** A ratio with two decimals (two significant digits below 0.1, "> 1000" far up). */
    public static String ratio(double x) {
        return ratio(x, RATIO_DIGITS);
    }

    /** A ratio with {@code digits} decimals ({@code digits} significant digits below 0.1, "> 1000" far up). */
    static String ratio(double x, int digits) {
        if (Double.isNaN(x)) {
            return NA;
        }
        if (Double.isInfinite(x)) {
            return "\u221E";
        }
        if (x > 1000) {
            return "> 1000";
        }
        if (x != 0 && x < 0.1) {
            return new BigDecimal(x).round(new java.math.MathContext(digits, RoundingMode.HALF_UP)).toPlainString();
        }
        return PercentFormat.decimal(x, digits);
    }

    /** A count as Table 1 shows it: "9/43 (20.9)" or "9 (20.9)". */
    public static String count(int count, int denominator, org.survkit.study.Percent style) {
        return style == org.survkit.study.Percent.N ? PercentFormat.countPercent(count, denominator, 1)
                : countOf(count, denominator);
    }

    /** A count with its denominator and percentage: "9/43 (20.9)". */
    public static String countOf(int count, int denominator) {
        return count + "/" + denominator + " (" + PercentFormat.percent(count, denominator, 1) + ")";
    }

    /**
     * The RMST horizon τ as captions and the methods write it: as the user gave it (60), or, when survkit chose it
     * (the shortest group's last follow-up), with the digits of times ("74.6", never 74.64476386036961).
     *
     * @param tau    the horizon
     * @param given  true when the study gave it
     * @param digits decimals of times in this unit
     * @return the text
     */
    public static String tau(double tau, boolean given, int digits) {
        return given ? given(tau) : num(tau, digits);
    }

    /** An integer or a shortest decimal, for times given by the user (12, 60, 2.5). */
    public static String given(double x) {
        return org.survkit.study.Values.given(x);
    }
}
