package org.survkit.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-decimal text for Table 1 numbers, rounded half-up on the <em>exact</em> decimal value.
 *
 * <p>A percentage is rounded from the exact fraction 100·count/denominator, not from a binary
 * double: 9/43 = 20.930…% prints {@code "20.9"} and 12/43 = 27.906…% prints {@code "27.9"} (a
 * hand-made table that printed 21.0 and 28.0 rounded twice); 1/8 = 12.5% prints {@code "13"} at 0
 * decimals (half-up; R's {@code sprintf("%.0f", 12.5)} prints "12", rounding half to even).
 * Other numbers ({@link #decimal}) are rounded half-up from the exact value of the double, so
 * 0.125 → "0.13", while 2.675 (stored as 2.67499999…) → "2.67", as any correct formatter gives.
 *
 * <p>Formatting only: it never changes a statistic.
 */
public final class PercentFormat {
    private PercentFormat() {
    }

    /**
     * 100 · count / denominator with {@code digits} decimals, half-up on the exact fraction.
     *
     * @return the text, e.g. {@code "20.9"}; {@code "NA"} when the denominator is 0
     * @throws IllegalArgumentException if count or denominator is negative, or digits &lt; 0
     */
    public static String percent(long count, long denominator, int digits) {
        if (count < 0 || denominator < 0 || digits < 0) {
            throw new IllegalArgumentException("percent(" + count + ", " + denominator + ", " + digits + "): negative argument");
        }
        if (denominator == 0) {
            return "NA";
        }
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), digits, RoundingMode.HALF_UP).toPlainString();
    }

    /** Table 1's "n (%)" cell, e.g. {@code "9 (20.9)"}. */
    public static String countPercent(long count, long denominator, int digits) {
        return count + " (" + percent(count, denominator, digits) + ")";
    }

    /**
     * A number with {@code digits} decimals, half-up on the exact binary value; {@code "NA"} for NaN,
     * {@code "Inf"} / {@code "-Inf"} for infinities (R's spelling).
     */
    public static String decimal(double value, int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("digits must be >= 0, got " + digits);
        }
        if (Double.isNaN(value)) {
            return "NA";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        String s = new BigDecimal(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
        return s.startsWith("-") && new BigDecimal(s).signum() == 0 ? s.substring(1) : s;
    }
}
