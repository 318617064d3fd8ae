package org.survkit.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * P-values as figures and tables print them: by default three significant digits ({@code 0.00131},
 * {@code 0.0545}, {@code 0.500}), plain decimals (never an exponent), and {@code < 0.001} for anything
 * below 0.001 (as most journals ask, e.g. NEJM, JAMA, Lancet). A value that would round up to 0.001
 * is still below it and prints {@code < 0.001}. NaN prints {@code NA}, as R.
 *
 * <p>{@link #withDigits} gives another number of significant digits (1 to 4), for a journal's or a
 * paper's style: with one digit 0.00612, 0.0317 and 0.299 print {@code 0.006}, {@code 0.03} and
 * {@code 0.3}. Immutable.
 */
public final class PValueFormat {

    /** The threshold below which the exact value is not printed. */
    public static final double FLOOR = 0.001;

    /** Three significant digits. */
    public static final PValueFormat DEFAULT = new PValueFormat(3);

    private final int digits;

    private PValueFormat(int digits) {
        this.digits = digits;
    }

    /**
     * @param significant significant digits, 1 to 4
     * @return the format
     */
    public static PValueFormat withDigits(int significant) {
        if (significant < 1 || significant > 4) {
            throw new IllegalArgumentException("P values print with 1 to 4 significant digits, not " + significant);
        }
        return significant == 3 ? DEFAULT : new PValueFormat(significant);
    }

    /** {@return the number of significant digits} */
    public int digits() {
        return digits;
    }

    /** The value alone with three significant digits: {@code 0.00131}, {@code < 0.001}, {@code 1.00}, {@code NA}. */
    public static String format(double p) {
        return DEFAULT.text(p);
    }

    /** With the symbol and three significant digits: {@code p = 0.00131}, {@code p < 0.001}, {@code p = NA}. */
    public static String withSymbol(double p) {
        return DEFAULT.textWithSymbol(p);
    }

    /** The value alone: {@code 0.00131}, {@code < 0.001}, {@code 1.00}, {@code NA}. */
    public String text(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        if (p < 0 || p > 1 + 1e-12) {
            throw new IllegalArgumentException("a p-value lies in [0, 1], not " + p);
        }
        if (p < FLOOR) {
            return "< 0.001";
        }
        BigDecimal d = new BigDecimal(Math.min(p, 1.0)).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (d.precision() < digits) {
            d = d.setScale(d.scale() + digits - d.precision()); // keep trailing zeros: 0.500, 1.00
        }
        if (d.compareTo(new BigDecimal("0.001")) < 0) {
            return "< 0.001";
        }
        return d.toPlainString();
    }

    /** With the symbol: {@code p = 0.00131}, {@code p < 0.001}, {@code p = NA}. */
    public String textWithSymbol(double p) {
        String v = text(p);
        return v.startsWith("<") ? "p " + v : "p = " + v;
    }
}
