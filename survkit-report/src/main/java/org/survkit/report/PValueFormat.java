package org.survkit.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * P-values as figures print them: three significant digits ({@code 0.00131}, {@code 0.0545},
 * {@code 0.500}), plain decimals (never an exponent), and {@code < 0.001} for anything below
 * 0.001 (as most journals ask, e.g. NEJM, JAMA, Lancet). A value that would round up to 0.001
 * is still below it and prints {@code < 0.001}. NaN prints {@code NA}, as R.
 */
public final class PValueFormat {

    /** The threshold below which the exact value is not printed. */
    public static final double FLOOR = 0.001;

    private PValueFormat() {
    }

    /** The value alone: {@code 0.00131}, {@code < 0.001}, {@code 1.00}, {@code NA}. */
    public static String format(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        if (p < 0 || p > 1 + 1e-12) {
            throw new IllegalArgumentException("a p-value lies in [0, 1], not " + p);
        }
        if (p < FLOOR) {
            return "< 0.001";
        }
        BigDecimal d = new BigDecimal(Math.min(p, 1.0)).round(new MathContext(3, RoundingMode.HALF_EVEN));
        if (d.precision() < 3) {
            d = d.setScale(d.scale() + 3 - d.precision()); // keep trailing zeros: 0.500, 1.00
        }
        return d.toPlainString();
    }

    /** With the symbol: {@code p = 0.00131}, {@code p < 0.001}, {@code p = NA}. */
    public static String withSymbol(double p) {
        String v = format(p);
        return v.startsWith("<") ? "p " + v : "p = " + v;
    }
}
