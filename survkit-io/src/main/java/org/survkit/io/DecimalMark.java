package org.survkit.io;

import java.util.Locale;

/**
 * The decimal mark of numbers in a table: a dot ({@code 62.5}), a comma ({@code 62,5}, as written in most of
 * continental Europe and Latin America), or detected per column from the values ({@link #AUTO}, the default).
 *
 * <p>With a comma as decimal mark, a dot, a space, a no-break space or an apostrophe between groups of three digits
 * is a thousands separator ({@code 1.234,5}, {@code 1 234,5}); with a dot, a comma is ({@code 1,234.5}). Detection
 * ({@link #AUTO}) looks at the column's values: {@code 62,5} can only be a decimal comma, {@code 62.5} only a
 * decimal dot; a value such as {@code 1,234} that fits both readings follows the column's other values, else the
 * file (a semicolon-delimited file is a decimal-comma file, as Excel writes it where the comma is the decimal mark),
 * else it is read as a thousands separator with a warning naming it. A column holding both kinds is a problem named
 * with its lines, never averaged out.
 */
public enum DecimalMark {
    /** Detected per column (the default). */
    AUTO("auto"),
    /** A dot: {@code 62.5}. */
    POINT("."),
    /** A comma: {@code 62,5}. */
    COMMA(",");

    private final String id;

    DecimalMark(String id) {
        this.id = id;
    }

    /** {@return how the mark is written in options: {@code auto}, {@code .} or {@code ,}} */
    public String id() {
        return id;
    }

    /** {@return the mark in words for messages: "a dot (62.5)"} */
    public String words() {
        return switch (this) {
            case AUTO -> "detected from the values";
            case POINT -> "a dot (62.5)";
            case COMMA -> "a comma (62,5)";
        };
    }

    /**
     * Reads an option value: {@code auto}, {@code .}, {@code ,}, or the words {@code dot}, {@code point},
     * {@code period}, {@code comma} (any case).
     *
     * @param text the option text
     * @return the mark, or null when the text names none
     */
    public static DecimalMark parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto", "detect", "" -> AUTO;
            case ".", "dot", "point", "period" -> POINT;
            case ",", "comma" -> COMMA;
            default -> null;
        };
    }
}
