package org.survkit.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * P values as every output of survkit prints them (report tables, figure annotations, Word tables, the web page):
 * one formatter, in one of four styles. Formatting only: it never changes a statistic. Immutable.
 *
 * <table>
 * <caption>The styles ({@code p_style}) and their rules</caption>
 * <tr><th>style</th><th>rule</th><th>examples</th></tr>
 * <tr><td>{@code digits} (default)</td><td>{@code p_digits} significant digits (1 to 4, default 3), plain
 * decimals, {@code < 0.001} below 0.001</td><td>0.00131, 0.0545, 0.500, &lt; 0.001</td></tr>
 * <tr><td>{@code nejm}</td><td>two decimals above 0.01, three between 0.001 and 0.01, {@code <0.001} below; leading
 * zero</td><td>P=0.03, P=0.004, P&lt;0.001</td></tr>
 * <tr><td>{@code ama}</td><td>the same decimals without the leading zero (P cannot be 1): {@code .03}, {@code .004},
 * {@code <.001}</td><td>P=.03, P=.004, P&lt;.001</td></tr>
 * <tr><td>{@code lancet}</td><td>two significant figures, at most four decimals, {@code <0·0001} below 0.0001; the
 * decimal point set mid-line (U+00B7) and a lower-case p</td><td>p=0·035, p=0·0012, p&lt;0·0001</td></tr>
 * </table>
 *
 * <p>Sources of the journal styles:
 * <ul>
 * <li>NEJM, Author Center, "Statistical Reporting Guidelines": "In general, P values larger than 0.01 should be
 * reported to two decimal places, and those between 0.01 and 0.001 to three decimal places; P values smaller than
 * 0.001 should be reported as P&lt;0.001" (https://www.nejm.org/author-center/new-manuscripts).</li>
 * <li>AMA Manual of Style, 11th ed. (JAMA Network), §19.5 and §18.7.1, and JAMA's Instructions for Table Creation:
 * P to 2 digits after the decimal point, to 3 when P &lt; .01, P &lt; .001 the smallest value expressed; no zero
 * before the decimal point of P, α and β (they cannot equal 1); 3 digits are acceptable where rounding to 2 would
 * change significance (P = .049, not .05) (as quoted by JMIR's author guide, which follows AMA).</li>
 * <li>The Lancet, Information for Authors: "Type decimal points midline (ie, 23·4, not 23.4)"; "Supply p values to
 * two significant figures (capped at four decimal places), or p&lt;0·0001"
 * (https://www.thelancet.com/pb-assets/Lancet/authors/tl-info-for-authors-1690986041530.pdf).</li>
 * </ul>
 *
 * <p>Two rules survkit adds to every journal style, both from the AMA's reasoning: a P below 0.05 never prints as
 * 0.05 (decimals are added until the text is below 0.05: 0.0499 prints 0.0499, not 0.05 or 0.050); and a P that
 * would round to 1 prints as {@code >0.99} (P = 1.00 reads as certainty). Rounding is half-up on the exact value
 * of the double. NaN prints {@code NA}, as R.
 */
public final class PValueFormat {

    /** A journal's P-value rules, or significant digits ({@code p_style}). */
    public enum Style {
        /** {@code p_digits} significant digits, {@code < 0.001} below 0.001 (survkit's default). */
        DIGITS("digits"),
        /** The New England Journal of Medicine: 0.03, 0.004, &lt;0.001. */
        NEJM("nejm"),
        /** The AMA Manual of Style (JAMA and its network): .03, .004, &lt;.001. */
        AMA("ama"),
        /** The Lancet: 0·035, 0·0012, &lt;0·0001. */
        LANCET("lancet"),
        /**
         * As R prints P ({@code format.pval(p, digits = 3)}, e.g. in {@code print.survdiff}): 3 significant digits
         * without trailing zeros, scientific below 1e-4 ({@code 1.23e-05}), {@code <2e-16} below machine precision.
         * The command line's text output, which is laid out as R's printout; not a {@code p_style} (see
         * {@link #CHOICES}).
         */
        R("r");

        /** The styles a study, the command line and the web page offer ({@code p_style}): all but {@link #R}. */
        public static final java.util.List<Style> CHOICES = java.util.List.of(DIGITS, NEJM, AMA, LANCET);

        private final String id;

        Style(String id) {
            this.id = id;
        }

        /** {@return the word in study files and on the command line} */
        public String id() {
            return id;
        }
    }

    /** The threshold below which the {@code digits} style does not print the exact value. */
    public static final double FLOOR = 0.001;

    /** A P below this never prints as this value in the journal styles. */
    public static final double SIGNIFICANCE = 0.05;

    /** The {@code digits} style with three significant digits. */
    public static final PValueFormat DEFAULT = new PValueFormat(Style.DIGITS, 3);

    /** As R prints P: {@link Style#R}. */
    public static final PValueFormat R = new PValueFormat(Style.R, 3);

    /** R's {@code .Machine$double.eps}, below which {@code format.pval} prints {@code <2e-16}. */
    private static final double R_EPS = 2.220446049250313e-16;

    private static final BigDecimal ALPHA = new BigDecimal("0.05");

    private final Style style;
    private final int digits;

    private PValueFormat(Style style, int digits) {
        this.style = style;
        this.digits = digits;
    }

    /** The fewest significant digits of the {@code digits} style. */
    public static final int MIN_DIGITS = 1;
    /** The most significant digits of the {@code digits} style. */
    public static final int MAX_DIGITS = 4;

    /**
     * @param significant significant digits, 1 to 4
     * @return the {@code digits} style with them
     */
    public static PValueFormat withDigits(int significant) {
        return of(Style.DIGITS, significant);
    }

    /**
     * @param style  the style
     * @param digits the significant digits of the {@code digits} style (1 to 4; checked, unused by the journals)
     * @return the format
     */
    public static PValueFormat of(Style style, int digits) {
        Objects.requireNonNull(style, "style");
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("P values print with " + MIN_DIGITS + " to " + MAX_DIGITS
                    + " significant digits, not " + digits);
        }
        return style == Style.DIGITS && digits == 3 ? DEFAULT : new PValueFormat(style, digits);
    }

    /** {@return the style} */
    public Style style() {
        return style;
    }

    /** {@return the number of significant digits of the digits style} */
    public int digits() {
        return digits;
    }

    /** {@return the smallest P printed as a value: 0.0001 for the Lancet, 0.001 otherwise} */
    public double floor() {
        return style == Style.LANCET ? 0.0001 : style == Style.R ? R_EPS : FLOOR;
    }

    /** {@return the P's symbol: lower-case p in the digits style (figures) and the Lancet's, P in NEJM's and AMA's} */
    public String symbol() {
        return style == Style.NEJM || style == Style.AMA ? "P" : "p";
    }

    /** {@return the decimal mark: the Lancet's mid-line point, else the point} */
    public char decimalMark() {
        return style == Style.LANCET ? '\u00B7' : '.';
    }

    /** The value alone with three significant digits: {@code 0.00131}, {@code < 0.001}, {@code 1.00}, {@code NA}. */
    public static String format(double p) {
        return DEFAULT.text(p);
    }

    /** With the symbol and three significant digits: {@code p = 0.00131}, {@code p < 0.001}, {@code p = NA}. */
    public static String withSymbol(double p) {
        return DEFAULT.textWithSymbol(p);
    }

    /**
     * The value alone, as a table cell shows it: {@code 0.00131} / {@code < 0.001} (digits), {@code 0.03} /
     * {@code <0.001} (NEJM), {@code .03} / {@code <.001} (AMA), {@code 0·035} / {@code <0·0001} (Lancet).
     *
     * @param p the P value, in [0, 1], or NaN
     * @return the text; {@code NA} for NaN
     * @throws IllegalArgumentException if p lies outside [0, 1]
     */
    public String text(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        if (p < 0 || p > 1 + 1e-12) {
            throw new IllegalArgumentException("a p-value lies in [0, 1], not " + p);
        }
        return switch (style) {
            case DIGITS -> significant(Math.min(p, 1.0));
            case R -> r(Math.min(p, 1.0));
            default -> journal(Math.min(p, 1.0));
        };
    }

    /**
     * The symbol, the relation and the value, as a sentence or a figure writes it: {@code p = 0.00131},
     * {@code p < 0.001} (digits); {@code P=0.03}, {@code P<0.001} (NEJM); {@code P=.03} (AMA); {@code p=0·035}
     * (Lancet).
     */
    public String textWithSymbol(double p) {
        return symbol() + afterSymbol(p);
    }

    /** {@return what follows the symbol: " = 0.00131", " < 0.001" (digits), "=0.03", "<0.001" (journals)} */
    public String afterSymbol(double p) {
        String v = text(p);
        boolean relation = v.startsWith("<") || v.startsWith(">");
        if (style == Style.DIGITS || style == Style.R) {
            return relation ? " " + v : " = " + v;
        }
        return relation ? v : "=" + v;
    }

    /**
     * This format's rules as plain values, for a front end that formats P itself (the web page, through
     * {@code GET /api/config}) so that it follows these rules instead of a copy of them: {@code floor} and
     * {@code floor_text} (below the floor); {@code significant} (significant digits, 0 when decimals are fixed),
     * {@code decimals} (at or above 0.01) and {@code decimals_small} (below 0.01) when they are fixed;
     * {@code max_decimals}; {@code keep_below} (a P below it never rounds up to it; 0 for none);
     * {@code ceiling_text} (what a P that rounds to 1 prints, or null to print it); {@code leading_zero};
     * {@code mark} (the decimal mark); {@code symbol}; {@code spaced} ({@code p = 0.03} or {@code P=0.03}).
     *
     * @return the rules, in a fixed order
     */
    public java.util.Map<String, Object> rules() {
        if (style == Style.R) {
            throw new UnsupportedOperationException("R's format.pval is the command line's text style only");
        }
        java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
        boolean digitsStyle = style == Style.DIGITS;
        r.put("floor", floor());
        r.put("floor_text", digitsStyle ? "< 0.001" : "<" + mark(style == Style.LANCET ? "0.0001" : "0.001"));
        r.put("significant", digitsStyle ? digits : style == Style.LANCET ? 2 : 0);
        r.put("decimals", digitsStyle || style == Style.LANCET ? 0 : 2);
        r.put("decimals_small", digitsStyle || style == Style.LANCET ? 0 : 3);
        r.put("max_decimals", digitsStyle ? 0 : 4);
        r.put("keep_below", digitsStyle ? 0.0 : SIGNIFICANCE);
        r.put("ceiling_text", digitsStyle ? null : ">" + mark("0.99"));
        r.put("leading_zero", style != Style.AMA);
        r.put("mark", String.valueOf(decimalMark()));
        r.put("symbol", symbol());
        r.put("spaced", digitsStyle);
        return r;
    }

    /** R's format.pval with 3 digits. */
    private static String r(double p) {
        if (p < R_EPS) {
            return "<2e-16";
        }
        if (p < 1e-4) {
            return String.format(Locale.ROOT, "%.2e", p);
        }
        if (p == Math.rint(p)) {
            return Long.toString((long) p);
        }
        return new BigDecimal(p).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    private String significant(double p) {
        if (p < FLOOR) {
            return "< 0.001";
        }
        BigDecimal d = new BigDecimal(p).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (d.precision() < digits) {
            d = d.setScale(d.scale() + digits - d.precision()); // keep trailing zeros: 0.500, 1.00
        }
        if (d.compareTo(new BigDecimal("0.001")) < 0) {
            return "< 0.001";
        }
        return d.toPlainString();
    }

    private String journal(double p) {
        double floor = floor();
        if (p < floor) {
            return "<" + mark(style == Style.LANCET ? "0.0001" : "0.001");
        }
        BigDecimal exact = new BigDecimal(p);
        BigDecimal d;
        int cap;
        if (style == Style.LANCET) {
            d = exact.round(new MathContext(2, RoundingMode.HALF_UP));
            cap = 4;
            if (d.scale() > cap) {
                d = exact.setScale(cap, RoundingMode.HALF_UP);
            } else if (d.precision() < 2 && d.scale() < cap) {
                d = d.setScale(d.scale() + 1); // 0.50, not 0.5: two significant figures
            }
        } else {
            d = exact.setScale(p < 0.01 ? 3 : 2, RoundingMode.HALF_UP);
            cap = 4;
        }
        // never round a P below 0.05 up to 0.05
        while (p < SIGNIFICANCE && d.compareTo(ALPHA) >= 0 && d.scale() < cap) {
            d = exact.setScale(d.scale() + 1, RoundingMode.HALF_UP);
        }
        if (d.compareTo(BigDecimal.ONE) >= 0) {
            return ">" + mark("0.99");
        }
        return mark(d.toPlainString());
    }

    /** The journal's decimal mark and leading zero. */
    private String mark(String plain) {
        String s = style == Style.AMA && plain.startsWith("0.") ? plain.substring(1) : plain;
        return s.replace('.', decimalMark());
    }

    @Override
    public String toString() {
        return style == Style.DIGITS ? style.id() + "(" + digits + ")" : style.id().toUpperCase(Locale.ROOT);
    }
}
