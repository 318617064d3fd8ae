package org.survkit.study.key;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.survkit.study.key.StudyKey.Kind;

/**
 * Makes {@link StudyKey}s: one factory per kind of value, each with the parser and the message that kind needs.
 * Messages say what was written and what is allowed; {@link StudyKey#parse} puts the key's name in front.
 */
final class KeyBuilder {
    private final String path;
    private final String flag;
    private final String label;
    private final String description;

    private KeyBuilder(String path, String flag, String label, String description) {
        this.path = path;
        this.flag = flag;
        this.label = label;
        this.description = description;
    }

    /**
     * @param path        the study-file key
     * @param flag        the command-line flag, or null
     * @param label       the web page's label
     * @param description what the option does
     */
    static KeyBuilder key(String path, String flag, String label, String description) {
        return new KeyBuilder(path, flag, label, description);
    }

    StudyKey<String> text() {
        return new StudyKey<>(path, flag, label, description, Kind.TEXT, List.of(), null, "none", s -> {
            if (s.isBlank()) {
                throw new IllegalArgumentException("the value is empty; write a text or leave the option out.");
            }
            return s;
        });
    }

    StudyKey<String> text(String defaultValue) {
        return new StudyKey<>(path, flag, label, description, Kind.TEXT, List.of(), defaultValue, defaultValue,
                s -> s.isBlank() ? defaultValue : s);
    }

    StudyKey<String> column() {
        return new StudyKey<>(path, flag, label, description, Kind.COLUMN, List.of(), null, "none", s -> {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("the column name is empty; give a column of the cohort file.");
            }
            return s;
        });
    }

    /** A number in an interval; NaN as default means none. */
    StudyKey<Double> number(double min, boolean minOpen, double max, boolean maxOpen, Double defaultValue,
            String example) {
        String range = range(min, minOpen, max, maxOpen);
        return new StudyKey<>(path, flag, label, description, Kind.NUMBER, List.of(), defaultValue,
                defaultValue == null ? "none" : plain(defaultValue), s -> {
                    double v = toNumber(s, example);
                    boolean ok = !Double.isNaN(v) && (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
                    if (!ok) {
                        throw new IllegalArgumentException(s + " is not allowed; give a number " + range
                                + " (e.g. " + example + ").");
                    }
                    return v;
                });
    }

    /** A time &gt; 0 in the study's time unit. */
    StudyKey<Double> positiveTime(String example) {
        return new StudyKey<>(path, flag, label, description, Kind.NUMBER, List.of(), null, "none", s -> {
            double v = toNumber(s, example);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(s + " is not allowed; give a time > 0 in the time unit of the study"
                        + " (e.g. " + example + " for 5 years in months).");
            }
            return v;
        });
    }

    /** A whole number; {@code what} says what it counts, for the message ("the digits of P values, 1 to 4"). */
    StudyKey<Integer> integer(int min, int max, Integer defaultValue, String what) {
        return new StudyKey<>(path, flag, label, description, Kind.INTEGER, List.of(), defaultValue,
                defaultValue == null ? "none" : defaultValue.toString(), s -> {
                    double v = toNumber(s, Integer.toString(min));
                    if (v != Math.rint(v) || v < min || v > max) {
                        throw new IllegalArgumentException(s + " is not allowed; give " + what + ".");
                    }
                    return (int) v;
                });
    }

    StudyKey<Boolean> bool(boolean defaultValue) {
        return new StudyKey<>(path, flag, label, description, Kind.BOOLEAN, List.of("yes", "no"), defaultValue,
                defaultValue ? "yes" : "no", s -> {
                    switch (StudyKey.fold(s)) {
                        case "yes", "true", "on", "1", "y":
                            return true;
                        case "no", "false", "off", "0", "n":
                            return false;
                        default:
                            throw new IllegalArgumentException("\"" + s + "\" is not allowed; use yes or no.");
                    }
                });
    }

    /**
     * One word of a fixed list, matched ignoring case, '_' and '-'.
     *
     * @param values       the values in the order listed (the default first when there is one)
     * @param word         each value's word
     * @param aliases      other accepted words → value (e.g. {@code mantel-cox} → log-rank), may be empty
     * @param defaultValue the default, or null when it depends on another key
     * @param defaultText  the default in words
     */
    <E> StudyKey<E> choice(List<E> values, Function<E, String> word, Map<String, E> aliases, E defaultValue,
            String defaultText) {
        Map<String, E> byWord = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (E v : values) {
            words.add(word.apply(v));
            byWord.put(canonical(word.apply(v)), v);
        }
        aliases.forEach((k, v) -> byWord.put(canonical(k), v));
        return new StudyKey<>(path, flag, label, description, Kind.CHOICE, words, defaultValue, defaultText, s -> {
            E v = byWord.get(canonical(s));
            if (v == null) {
                throw new IllegalArgumentException("\"" + s + "\" is not allowed; use " + StudyKey.orList(words)
                        + ".");
            }
            return v;
        });
    }

    <E extends Enum<E>> StudyKey<E> choice(Class<E> type, Function<E, String> word, E defaultValue) {
        return choice(Arrays.asList(type.getEnumConstants()), word, Map.of(), defaultValue,
                defaultValue == null ? "none" : word.apply(defaultValue));
    }

    /**
     * Words of a fixed list, any number of them, matched as {@link #choice} matches one ({@code cox,oe}); the default
     * is every value, in the order listed; the value keeps the order the words were given in.
     */
    <E> StudyKey<List<E>> choices(List<E> values, Function<E, String> word) {
        return choices(values, word, Map.of(), values, true);
    }

    /**
     * Words of a fixed list, one or more (a list as {@code svg,png,pdf}), each matched as {@link #choice} matches
     * one; a word given twice counts once, and the value keeps the order of {@code values}.
     *
     * @param values       the values in the order listed
     * @param word         each value's word
     * @param aliases      other accepted words → value, may be empty
     * @param defaultValue the default
     */
    <E> StudyKey<List<E>> choices(List<E> values, Function<E, String> word, Map<String, E> aliases,
            List<E> defaultValue) {
        return choices(values, word, aliases, defaultValue, false);
    }

    private <E> StudyKey<List<E>> choices(List<E> values, Function<E, String> word, Map<String, E> aliases,
            List<E> defaultValue, boolean givenOrder) {
        Map<String, E> byWord = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (E v : values) {
            words.add(word.apply(v));
            byWord.put(canonical(word.apply(v)), v);
        }
        aliases.forEach((k, v) -> byWord.put(canonical(k), v));
        String example = String.join(",", words.subList(0, Math.min(3, words.size())));
        return new StudyKey<>(path, flag, label, description, Kind.TEXTS, words, List.copyOf(defaultValue),
                String.join(",", defaultValue.stream().map(word).toList()), s -> {
                    java.util.Set<E> given = new java.util.LinkedHashSet<>();
                    for (String p : s.split(",")) {
                        if (p.isBlank()) {
                            continue;
                        }
                        E v = byWord.get(canonical(p));
                        if (v == null) {
                            throw new IllegalArgumentException("\"" + p.strip() + "\" is not allowed; use "
                                    + StudyKey.andList(words) + ", one or more (e.g. " + example + ").");
                        }
                        given.add(v);
                    }
                    if (given.isEmpty()) {
                        throw new IllegalArgumentException("the list is empty; give one or more of "
                                + StudyKey.andList(words) + " (e.g. " + example + ").");
                    }
                    return givenOrder ? List.copyOf(given) : values.stream().filter(given::contains).toList();
                });
    }

    /** Numbers, each at least {@code min} (a list as {@code 12,36,60}). */
    StudyKey<double[]> numbers(double min, String example) {
        return new StudyKey<>(path, flag, label, description, Kind.NUMBERS, List.of(), new double[0], "none", s -> {
            if (s.isEmpty()) {
                return new double[0];
            }
            String[] parts = s.split(",");
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = toNumber(parts[i].strip(), example);
                if (!(out[i] >= min) || Double.isInfinite(out[i])) {
                    throw new IllegalArgumentException(parts[i].strip() + " is not allowed; give numbers >= "
                            + plain(min) + " (e.g. " + example + ").");
                }
            }
            return out;
        });
    }

    StudyKey<List<String>> texts(Kind kind) {
        return new StudyKey<>(path, flag, label, description, kind, List.of(), List.of(), "none", s -> {
            List<String> out = new ArrayList<>();
            for (String p : s.split(",", -1)) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
            return List.copyOf(out);
        });
    }

    /** {@code COL=VALUE} pairs, comma-separated. */
    StudyKey<Map<String, String>> pairs(String example) {
        return new StudyKey<>(path, flag, label, description, Kind.PAIRS, List.of(), Map.of(), "none", s -> {
            Map<String, String> out = new LinkedHashMap<>();
            if (s.isEmpty()) {
                return out;
            }
            for (String p : s.split(",")) {
                int eq = p.indexOf('=');
                if (eq <= 0 || eq == p.length() - 1) {
                    throw new IllegalArgumentException("\"" + p.strip() + "\" is not COLUMN=VALUE (e.g. " + example
                            + ").");
                }
                out.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            }
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    private static String canonical(String s) {
        return StudyKey.fold(s).replace('_', '-');
    }

    private static double toNumber(String s, String example) {
        try {
            if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            String hint = s.matches("[+-]?\\d+,\\d+") ? " (write the decimal mark as a point: "
                    + s.replace(',', '.') + ")" : "";
            throw new IllegalArgumentException("\"" + s + "\" is not a number" + hint + "; e.g. " + example + ".");
        }
    }

    private static String range(double min, boolean minOpen, double max, boolean maxOpen) {
        if (Double.isInfinite(max)) {
            return (minOpen ? "> " : ">= ") + plain(min);
        }
        if (minOpen && maxOpen) {
            return "between " + plain(min) + " and " + plain(max);
        }
        return "from " + plain(min) + " to " + plain(max);
    }

    static String plain(double x) {
        return org.survkit.study.Values.given(x);
    }
}
