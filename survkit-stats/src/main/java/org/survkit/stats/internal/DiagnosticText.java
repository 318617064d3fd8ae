package org.survkit.stats.internal;

/** Numbers as the diagnostics and error messages print them. */
public final class DiagnosticText {
    private DiagnosticText() {
    }

    /**
     * A number for a message: a whole number without decimals ({@code 12}), otherwise four
     * significant digits without trailing zeros ({@code 0.1235}); NaN and infinities as Java spells them.
     */
    public static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
