package org.survkit.report.office;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A formatted cell of the report read back into its numbers, each with its role, for a workbook that holds numbers
 * as numbers: {@code "9/43 (20.9)"} → n 9, N 43, % 20.9; {@code "93.3 (61.3–99.0) [2]"} → value, lower, upper, at
 * risk; {@code "42.5 ± 9.9"} → mean, SD; {@code "41.0 [35.0, 49.0]"} → median, Q1, Q3; {@code "0.7 a"} → value 0.7
 * and its note letter; {@code "< 0.001"} → the bound {@code <} and 0.001. The numbers are those the report prints
 * (the cell's own digits), so nothing is recomputed or rounded twice. An atom that is no number ("NR", "∞",
 * "> 1000") keeps its text; "—" is empty; a cell of no known shape is text.
 */
final class CellNumbers {

    /** The roles, in the order a column's parts are laid out. */
    static final List<String> ROLES = List.of("bound", "value", "n", "N", "%", "mean", "SD", "median", "Q1", "Q3",
            "lower", "upper", "at risk", "note");

    private static final String ATOM = "(> 1000|NR|\u221E|\u2212\u221E|\u2014|[\u2212-]?\\d+(?:\\.\\d+)?)";
    private static final String NOTE = "(?: ([a-h]))?";

    /** A shape: its pattern (atoms as groups, then the optional note) and the roles of its atoms. */
    private record Shape(Pattern pattern, List<String> roles) {
        Shape(String skeleton, String... roles) {
            this(Pattern.compile(skeleton.replace("A", ATOM) + NOTE), List.of(roles));
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("A", "value"),
            new Shape("A/A \\(A\\)", "n", "N", "%"),
            new Shape("A \\(A\\)", "n", "%"),
            new Shape("A \\(A\u2013A\\)", "value", "lower", "upper"),
            new Shape("A \\(A to A\\)", "value", "lower", "upper"),
            new Shape("A \\(A\u2013A\\) \\[A\\]", "value", "lower", "upper", "at risk"),
            new Shape("A \\[A\\]", "value", "at risk"),
            new Shape("A \u00B1 A", "mean", "SD"),
            new Shape("A \\[A, A\\]", "median", "Q1", "Q3"));

    private static final Pattern BOUND = Pattern.compile("([<>]) ?(\\d+(?:\\.\\d+)?)" + NOTE);

    /**
     * One part of a cell.
     *
     * @param number the number, or null
     * @param text   the text when it is no number ("NR"), else null
     * @param digits the decimals it was printed with (for the cell's number format)
     */
    record Part(Double number, String text, int digits) {
        static Part text(String t) {
            return new Part(null, t, 0);
        }
    }

    private CellNumbers() {
    }

    /** {@return the cell's parts by role, in the order of {@link #ROLES}; a cell of no known shape is one text part} */
    static Map<String, Part> parse(String cell) {
        Map<String, Part> out = new LinkedHashMap<>();
        String c = cell.strip();
        if (c.isEmpty() || c.equals("\u2014")) {
            return out;
        }
        Matcher b = BOUND.matcher(c);
        if (b.matches()) {
            out.put("bound", Part.text(b.group(1)));
            out.put("value", number(b.group(2)));
            if (b.group(3) != null) {
                out.put("note", Part.text(b.group(3)));
            }
            return out;
        }
        for (Shape s : SHAPES) {
            Matcher m = s.pattern().matcher(c);
            if (m.matches()) {
                for (int i = 0; i < s.roles().size(); i++) {
                    out.put(s.roles().get(i), atom(m.group(i + 1)));
                }
                String note = m.group(s.roles().size() + 1);
                if (note != null) {
                    out.put("note", Part.text(note));
                }
                return out;
            }
        }
        out.put("value", Part.text(c));
        return out;
    }

    /** {@return the roles a column's cells have, in the order of {@link #ROLES}} */
    static List<String> roles(List<String> cells) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String c : cells) {
            seen.addAll(parse(c).keySet());
        }
        List<String> out = new ArrayList<>();
        for (String r : ROLES) {
            if (seen.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private static Part atom(String a) {
        return a.equals("\u2014") ? new Part(null, null, 0) : Character.isDigit(a.charAt(a.length() - 1))
                && !a.startsWith(">") ? number(a) : Part.text(a);
    }

    private static Part number(String a) {
        String s = a.replace('\u2212', '-');
        int dot = s.indexOf('.');
        return new Part(Double.parseDouble(s), null, dot < 0 ? 0 : s.length() - dot - 1);
    }
}
