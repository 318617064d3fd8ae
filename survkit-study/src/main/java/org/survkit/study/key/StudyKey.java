package org.survkit.study.key;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.survkit.io.InputException;

/**
 * One option of a study, defined once: its key in the study file and the web app's JSON ({@link #path()}, snake_case,
 * dotted inside a block), its command-line flag, its label on the web page, one sentence of documentation, the kind
 * of value, the words it accepts and its default. Every front end parses the option's text with
 * {@link #parse(String, Where)}, so a value means the same everywhere and a mistake reads the same everywhere but
 * for how the key is named: as the user wrote it ({@link Where}).
 *
 * <p>Keys are immutable; {@link StudyKeys} holds every key of a study.
 *
 * @param <T> the value's type
 */
public final class StudyKey<T> {

    /** The kind of value, as the JSON Schema and the web page see it. */
    public enum Kind {
        /** Free text (a title, a label, a date pattern). */
        TEXT,
        /** The name of a column of the cohort file. */
        COLUMN,
        /** A number. */
        NUMBER,
        /** A whole number. */
        INTEGER,
        /** yes/no (also true/false, on/off, 1/0). */
        BOOLEAN,
        /** One word of a fixed list. */
        CHOICE,
        /** A list of numbers ({@code [12, 36, 60]} in a file, {@code 12,36,60} on the command line). */
        NUMBERS,
        /** A list of texts. */
        TEXTS,
        /** A list of column names. */
        COLUMNS,
        /** {@code COL: VALUE} pairs ({@code COL=VALUE} on the command line). */
        PAIRS
    }

    private final String path;
    private final String flag;
    private final String label;
    private final String description;
    private final Kind kind;
    private final List<String> choices;
    private final T defaultValue;
    private final String defaultText;
    private final Function<String, T> parser;
    private final boolean inStudyFile;

    StudyKey(String path, String flag, String label, String description, Kind kind, List<String> choices,
            T defaultValue, String defaultText, Function<String, T> parser) {
        this(path, flag, label, description, kind, choices, defaultValue, defaultText, parser, true);
    }

    StudyKey(String path, String flag, String label, String description, Kind kind, List<String> choices,
            T defaultValue, String defaultText, Function<String, T> parser, boolean inStudyFile) {
        this.inStudyFile = inStudyFile;
        this.path = Objects.requireNonNull(path, "path");
        this.flag = flag;
        this.label = Objects.requireNonNull(label, "label");
        this.description = Objects.requireNonNull(description, "description");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.choices = List.copyOf(choices);
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.parser = Objects.requireNonNull(parser, "parser");
        if (!path.matches("[a-z0-9_]+(\\[\\])?(\\.[a-z0-9_]+(\\[\\])?)*")) {
            throw new IllegalArgumentException("a key is snake_case, dotted inside blocks: " + path);
        }
        if (flag != null && !flag.matches("--[a-z0-9-]+")) {
            throw new IllegalArgumentException("a flag is --kebab-case: " + flag);
        }
    }

    /** {@return the key in the study file and the web JSON, e.g. {@code comparisons.adjust}} */
    public String path() {
        return path;
    }

    /** {@return the last part of the path, as written inside its block ({@code adjust})} */
    public String name() {
        String p = path.replace("[]", "");
        return p.substring(p.lastIndexOf('.') + 1);
    }

    /**
     * {@return whether study files have this key; false for an option the command line has and study files do not
     * yet (its path says where it will go)}
     */
    public boolean inStudyFile() {
        return inStudyFile;
    }

    /** {@return the same key, offered by the command line only (not yet a study-file key)} */
    StudyKey<T> commandLineOnly() {
        return new StudyKey<>(path, flag, label, description, kind, choices, defaultValue, defaultText, parser, false);
    }

    /** {@return the command-line flag, e.g. {@code --adjust}, or null when the command line has none} */
    public String flag() {
        return flag;
    }

    /** {@return the flag as the web API's flat options write it ({@code event_value}), or null} */
    public String flatName() {
        return flag == null ? null : flag.substring(2).replace('-', '_');
    }

    /** {@return the label of the web page's field} */
    public String label() {
        return label;
    }

    /** {@return one or two sentences for help texts, the schema and the docs} */
    public String description() {
        return description;
    }

    /** {@return the kind of value} */
    public Kind kind() {
        return kind;
    }

    /** {@return for a choice, the words accepted (the first listed is the default when there is one)} */
    public List<String> choices() {
        return choices;
    }

    /** {@return the parser, without the key's name in its messages (for keys built from this one)} */
    Function<String, T> parser() {
        return parser;
    }

    /** {@return the default value, or null when there is none (or it depends on another key)} */
    public T defaultValue() {
        return defaultValue;
    }

    /** {@return the default in words ("0.95", "the preset's", "none")} */
    public String defaultText() {
        return defaultText;
    }

    /**
     * Reads the option's value from its text.
     *
     * @param text  the value as written (a list as {@code a,b,c}); surrounding blanks are ignored except in texts
     * @param where how the user named the key, for the message
     * @return the value
     * @throws InputException naming the key as the user wrote it, the value and what is allowed
     */
    public T parse(String text, Where where) {
        Objects.requireNonNull(text, "text");
        try {
            // a text (a title, a label) is kept as written; every other kind is read without surrounding blanks
            return parser.apply(kind == Kind.TEXT ? text : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InputException(where.name(this) + ": " + e.getMessage());
        }
    }

    /**
     * Reads a list option from its items (a YAML sequence, a JSON array, a repeated flag).
     *
     * @param items the items as written
     * @param where how the user named the key
     * @return the value
     */
    public T parseItems(List<String> items, Where where) {
        List<String> escaped = new ArrayList<>();
        for (String i : items) {
            if (i.contains(",") && kind == Kind.NUMBERS) {
                throw new InputException(where.name(this) + ": \"" + i + "\" is not a number; write one number per"
                        + " item (a decimal point, not a comma).");
            }
            escaped.add(i.strip());
        }
        return parse(String.join(",", escaped), where);
    }

    /** {@return a {@link Kind#CHOICE}'s words as a sentence: "log-log, log or plain"} */
    public String choiceList() {
        return orList(choices);
    }

    static String andList(List<String> words) {
        return words.size() == 1 ? words.get(0) : String.join(", ", words.subList(0, words.size() - 1)) + " and "
                + words.get(words.size() - 1);
    }

    static String orList(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    @Override
    public String toString() {
        return path + (flag == null ? "" : " (" + flag + ")");
    }

    /** Lower-case, trimmed: how choices and yes/no are matched. */
    static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
