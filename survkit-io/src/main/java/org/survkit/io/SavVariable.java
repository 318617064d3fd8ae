package org.survkit.io;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One variable of an SPSS system file: where its value lies in a case (one 8-byte slot for a number; one or
 * more segments of slots for a string, several for a very long string), its user-missing values and its value
 * labels.
 */
final class SavVariable {

    /** Print format types that hold dates or date-times (seconds since 14 October 1582). */
    private static final Set<Integer> DATE_FORMATS = Set.of(20, 22, 23, 24, 28, 29, 30, 38, 39, 41);

    private final String name;
    private final String label;
    private final int printType;
    private int numberSlot = -1;
    private final List<int[]> segments = new ArrayList<>();
    private int width;
    private final List<Double> missingValues = new ArrayList<>();
    private double low = Double.NaN;
    private double high = Double.NaN;
    private final Set<String> missingTexts = new LinkedHashSet<>();
    private final Map<Double, String> numberLabels = new HashMap<>();
    private final Map<String, String> textLabels = new HashMap<>();

    /**
     * Creates a variable.
     *
     * @param name      its (long) name
     * @param label     its label, or ""
     * @param printType its print format type (5 for F, 20 for DATE, ...)
     */
    SavVariable(String name, String label, int printType) {
        this.name = name;
        this.label = label;
        this.printType = printType;
    }

    /** Makes this a number in the given slot. */
    void numeric(int slot) {
        numberSlot = slot;
    }

    /**
     * Adds a string segment.
     *
     * @param slot  its first slot
     * @param bytes the bytes of the value it holds
     */
    void segment(int slot, int bytes) {
        segments.add(new int[] {slot, bytes});
        width += bytes;
    }

    /** {@return true for a string variable} */
    boolean isString() {
        return numberSlot < 0;
    }

    /** {@return the last slot this variable uses, 0-based} */
    int lastSlot() {
        if (!isString()) {
            return numberSlot;
        }
        int[] last = segments.get(segments.size() - 1);
        return last[0] + (last[1] + 7) / 8 - 1;
    }

    /** Declares a discrete user-missing number. */
    void missingValue(double value) {
        missingValues.add(StatColumn.key(value));
    }

    /** Declares a user-missing range. */
    void missingRange(double from, double to) {
        low = from;
        high = to;
    }

    /** Declares a user-missing string. */
    void missingText(String value) {
        missingTexts.add(value);
    }

    /** Labels a number. */
    void numberLabel(double value, String text) {
        numberLabels.put(StatColumn.key(value), text);
    }

    /** Labels a string value. */
    void textLabel(String value, String text) {
        textLabels.put(value, text);
    }

    /** {@return true if user-missing values are declared} */
    boolean hasMissing() {
        return !missingValues.isEmpty() || !missingTexts.isEmpty() || !Double.isNaN(low);
    }

    /**
     * Reads the number of this variable from a case.
     *
     * @param data the case's slots
     * @return the number
     */
    double number(ByteBuffer data) {
        return data.getDouble(8 * numberSlot);
    }

    /**
     * Tells whether a number is declared user-missing.
     *
     * @param value the number
     * @return true if missing
     */
    boolean isMissing(double value) {
        return !Double.isNaN(low) && value >= low && value <= high || missingValues.contains(StatColumn.key(value));
    }

    /**
     * Reads the string of this variable from a case, trailing spaces removed.
     *
     * @param data    the case's slots
     * @param charset the file's encoding
     * @return the string
     */
    String text(byte[] data, Charset charset) {
        if (segments.size() == 1) {
            int[] s = segments.get(0);
            return SavDictionary.rtrim(new String(data, 8 * s[0], s[1], charset));
        }
        byte[] joined = new byte[width];
        int at = 0;
        for (int[] s : segments) {
            System.arraycopy(data, 8 * s[0], joined, at, s[1]);
            at += s[1];
        }
        return SavDictionary.rtrim(new String(joined, charset));
    }

    /**
     * Tells whether a string is declared user-missing.
     *
     * @param value the string, trailing spaces removed
     * @return true if missing
     */
    boolean isMissing(String value) {
        return missingTexts.contains(value);
    }

    /** {@return the label of a string value, or null} */
    String textLabel(String value) {
        return textLabels.get(value);
    }

    /** {@return the declared user-missing values as SPSS shows them: "9, 99" or "999 thru highest"} */
    String missingDescription() {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(low)) {
            parts.add(bound(low) + " thru " + bound(high));
        }
        for (double v : missingValues) {
            parts.add(StatColumn.numberText(v));
        }
        for (String t : missingTexts) {
            parts.add("\"" + t + "\"");
        }
        return String.join(", ", parts);
    }

    private static String bound(double v) {
        if (v <= -Double.MAX_VALUE || v == Math.nextUp(-Double.MAX_VALUE)) {
            return "lowest";
        }
        return v >= Double.MAX_VALUE ? "highest" : StatColumn.numberText(v);
    }

    /** {@return the column as delivered: name, label, value labels and dates} */
    StatColumn column() {
        StatColumn.Dates dates = !isString() && DATE_FORMATS.contains(printType) ? StatColumn.Dates.SPSS_SECONDS
                : StatColumn.Dates.NONE;
        return new StatColumn(name, label, numberLabels, dates);
    }

    /** {@return the name} */
    String name() {
        return name;
    }
}
