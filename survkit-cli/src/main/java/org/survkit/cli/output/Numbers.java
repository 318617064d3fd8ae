package org.survkit.cli.output;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import org.survkit.stats.PValueFormat;

/**
 * Every way survkit's command line writes a number, in one place: for people (text, R-like significant digits), for
 * p-values (R's {@code format.pval}), for programs (CSV and JSON: full precision) and for event codes. R's NA is
 * "NA" in text and CSV and {@code null} in JSON; whole numbers are written without ".0".
 */
public final class Numbers {
    /** Whole numbers below this are written as integers in text. */
    private static final double TEXT_WHOLE_LIMIT = 1e12;
    /** Whole numbers below this are written as integers in CSV and JSON (exact in a double). */
    private static final double DATA_WHOLE_LIMIT = 1e15;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Numbers() {
    }

    /**
     * A number for people, as R prints it with {@code digits} significant digits: without trailing zeros, whole
     * numbers as integers, scientific below 1e-4; "NA" for NaN, "Inf"/"-Inf" for infinities.
     */
    public static String text(double x, int digits) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < TEXT_WHOLE_LIMIT) {
            return Long.toString((long) x);
        }
        BigDecimal b = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (Math.abs(x) < 1e-4 || Math.abs(x) >= TEXT_WHOLE_LIMIT) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
        }
        return b.toPlainString();
    }

    /**
     * A p-value as R's {@code format.pval} with 3 digits: "&lt;2e-16" below machine precision, "NA" for NaN (the one
     * P formatter's R style, {@link PValueFormat#R}).
     */
    public static String pValue(double p) {
        return PValueFormat.R.text(p);
    }

    /** An event code as the data write it: 1, not 1.0 (15 significant digits otherwise). */
    public static String code(double v) {
        return text(v, 15);
    }

    /** A CSV cell: full precision (shortest round-trip digits), whole numbers as integers, "NA" for NaN or infinite. */
    public static String csv(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "NA";
        }
        return dataWhole(x) ? Long.toString((long) x) : Double.toString(x);
    }

    /** A JSON number: full precision, whole numbers as integers, {@code null} (R's NA) for NaN or infinite. */
    public static JsonNode json(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return NODES.nullNode();
        }
        return dataWhole(x) ? NODES.numberNode((long) x) : NODES.numberNode(x);
    }

    /**
     * Writes a number as {@link #json} makes it: null for NaN/infinite, whole values without ".0".
     *
     * @param g     the generator
     * @param field the field name
     * @param x     the number
     * @throws java.io.IOException when writing fails
     */
    public static void json(com.fasterxml.jackson.core.JsonGenerator g, String field, double x)
            throws java.io.IOException {
        g.writeFieldName(field);
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            g.writeNull();
        } else if (dataWhole(x)) {
            g.writeNumber((long) x);
        } else {
            g.writeNumber(x);
        }
    }

    /**
     * The text {@link #json(com.fasterxml.jackson.core.JsonGenerator, String, double)} has the generator write for a
     * number: {@code null}, a whole number's digits, or the double's (Schubfach's shortest digits with Jackson's
     * fast writer, {@link Double#toString} without it).
     *
     * @param x            the number
     * @param fastDoubles  whether the generator writes doubles with Jackson's fast writer
     * @return the JSON text
     */
    static String jsonText(double x, boolean fastDoubles) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "null";
        }
        return dataWhole(x) ? Long.toString((long) x) : NumberOutput.toString(x, fastDoubles);
    }

    private static boolean dataWhole(double x) {
        return x == Math.rint(x) && Math.abs(x) < DATA_WHOLE_LIMIT;
    }
}
