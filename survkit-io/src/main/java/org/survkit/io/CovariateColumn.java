package org.survkit.io;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one covariate column while the rows stream by, and decides at the end whether it is numeric or text.
 *
 * <p>A column not forced to be categorical starts numeric: each value is parsed with {@link DecimalParser} into
 * a {@code double[]}. While the column has few distinct values ({@value #KEPT_LABELS} at most) their (interned)
 * texts are kept as well, so that a later non-number can still turn it into a text column without a second pass
 * over the file; a continuous column stops keeping text after its first few hundred rows and then costs one
 * parse per value. A non-number in a column with more distinct numbers than that is reported as an error (a
 * measurement with a stray word in it, or a missing-value code not given with {@code --na}), rather than
 * silently making thousands of categories.
 *
 * <p>Type detection looks at every row read, including rows excluded for a missing value elsewhere, as R types a
 * column before {@code na.omit}; only kept rows are stored.
 */
final class CovariateColumn {

    /** {@link #read} result: the value is missing. */
    static final int MISSING = 0;
    /** {@link #read} result: the value was read. */
    static final int READ = 1;
    /** {@link #read} result: the value is invalid (a problem was recorded). */
    static final int INVALID = 2;

    /** Where a column's problems go (the assembler). */
    interface Problems {
        /**
         * Records a problem.
         *
         * @param line   the line
         * @param column the column
         * @param value  the value
         * @param what   what is wrong
         * @param fix    what to do
         * @param kind   the kind
         */
        void add(int line, String column, String value, String what, String fix, String kind);
    }

    /** Distinct texts remembered while a column is numeric. */
    static final int KEPT_LABELS = 256;
    /** Distinct texts interned in a text column; more are stored as they come. */
    private static final int INTERNED = 1 << 16;
    /** More levels than this in a text column draw a warning. */
    private static final int MANY_LEVELS = 50;

    private final String name;
    private final int slot;
    private final int reason;
    private final boolean categorical;
    private final MissingCodes missing;
    private final SourceContext context;
    private final Problems problems;
    private DecimalMark mark = DecimalMark.POINT;

    private double[] numeric;
    private String[] text;
    private Map<String, String> labels = new HashMap<>();
    private int levels;
    private double pendingNumber;
    private String pendingText;
    private int numbers;
    private int others;
    private int firstTextLine = -1;
    private String firstTextValue;
    /**
     * The cell strings read lately, by hash code (as the assembler's event and group caches): the parallel reader
     * gives a column with few values the same string object for every row of a stretch with that text.
     */
    private final String[] seenRaw = new String[CohortAssembler.SEEN];
    private final double[] seenNumber = new double[CohortAssembler.SEEN];
    private final String[] seenText = new String[CohortAssembler.SEEN];

    /**
     * Creates the collector of one column.
     *
     * @param name        the column name
     * @param slot        the index of the column in the rows the assembler receives
     * @param reason      the exclusion reason for a missing value
     * @param categorical true if the column was listed as categorical
     * @param missing     the missing-value test
     * @param context     where the table comes from, for messages
     * @param capacity    the initial array length
     */
    CovariateColumn(String name, int slot, int reason, boolean categorical, MissingCodes missing,
                    SourceContext context, int capacity, Problems problems) {
        this.problems = problems;
        this.name = name;
        this.slot = slot;
        this.reason = reason;
        this.categorical = categorical;
        this.missing = missing;
        this.context = context;
        this.numeric = categorical ? null : new double[capacity];
        this.text = new String[capacity];
    }

    /** {@return the index of the column in the rows the assembler receives} */
    int slot() {
        return slot;
    }

    /** {@return true if the column was listed as categorical} */
    boolean categorical() {
        return categorical;
    }

    /**
     * Sets the decimal mark of the column's numbers (decided by the assembler from the first rows).
     *
     * @param decided the mark
     */
    void mark(DecimalMark decided) {
        this.mark = decided;
        Arrays.fill(seenRaw, null);
    }

    /** {@return the exclusion reason for a missing value} */
    int reason() {
        return reason;
    }

    /**
     * Reads the value of one row, keeping it until {@link #store(int)}.
     *
     * @param raw  the untrimmed cell text
     * @param line the row's line, for messages
     * @return {@link #MISSING}, {@link #READ} or {@link #INVALID} (a number with the other decimal mark, an
     *         overflowing number, or a non-number in a numeric column with many distinct values: each a problem)
     */
    int read(String raw, int line) {
        int seen = raw.hashCode() & (CohortAssembler.SEEN - 1);
        if (seenRaw[seen] == raw) {
            // the very string of a row before, read then: the same again without trim, parse or lookup
            double v = seenNumber[seen];
            if (categorical) {
                pendingText = seenText[seen];
                return READ;
            }
            if (v == v) {
                numbers++;
                if (numeric != null) {
                    pendingNumber = v;
                }
            } else {
                others++;
            }
            if (text != null) {
                pendingText = seenText[seen];
            }
            return READ;
        }
        String s = raw.trim();
        if (missing.isMissing(s)) {
            return MISSING;
        }
        if (categorical) {
            pendingText = intern(s);
            return seen(seen, raw, Double.NaN);
        }
        double v = LocalNumbers.parse(s, mark);
        if (v == v) {
            numbers++;
            if (numeric != null) {
                if (Double.isInfinite(v)) {
                    problems.add(line, name, s, "is too large to be a covariate value", "Correct the value in the "
                            + "file.", "too-large");
                    return INVALID;
                }
                pendingNumber = v + 0.0;
            }
        } else {
            if (numeric != null && !toText(s, line)) {
                return INVALID;
            }
            others++;
        }
        if (text != null) {
            pendingText = intern(s);
        }
        return seen(seen, raw, v + 0.0);
    }

    /**
     * Remembers a cell string read (READ) for {@link #read(String, int)}: reading it again adds the same count and
     * keeps the same number and text. (An infinite number is kept only once the column is text, where it is read;
     * the column only ever goes from numeric to text, and a label known stays known.)
     *
     * @return {@link #READ}
     */
    private int seen(int at, String raw, double number) {
        seenRaw[at] = raw;
        seenNumber[at] = number;
        seenText[at] = pendingText;
        return READ;
    }

    /**
     * Reads the value of one row from its cells: a plain number of a continuous numeric column without making a
     * string ({@link RowCells#number}), anything else as {@link #read(String, int)}.
     *
     * @param cells the row's cells
     * @param line  the row's line, for messages
     * @return as {@link #read(String, int)}
     */
    int read(RowCells cells, int line) {
        if (numeric != null && text == null) {
            double v = cells.number(slot, mark);
            if (v == v) {
                numbers++;
                pendingNumber = v + 0.0;
                return READ;
            }
        }
        return read(cells.text(slot), line);
    }

    private boolean toText(String s, int line) {
        LocalNumbers.Kind k = LocalNumbers.kind(s);
        if (k != LocalNumbers.Kind.NOT_A_NUMBER && k != LocalNumbers.Kind.INTEGER) {
            String other = mark == DecimalMark.COMMA ? "." : ",";
            problems.add(line, name, s, "is written with a decimal " + (mark == DecimalMark.COMMA ? "dot" : "comma")
                    + ", but this column's numbers are read with " + mark.words(), "Correct the value, or set "
                    + OptionNames.DECIMAL + " to " + other + " if the file uses that mark. If the column is categorical, "
                    + "list it with " + OptionNames.CATEGORICAL + ".", "decimal-mark");
            return false;
        }
        if (text == null) {
            problems.add(line, name, s, "is not a number, but the values above it in this column are numbers (more "
                    + "than " + KEPT_LABELS + " different ones)", "A covariate column must hold only numbers, or be "
                    + "categorical with few different values. If \"" + s + "\" means a missing value, add it with "
                    + OptionNames.NA + "; otherwise correct the value in the file.", "not-a-number");
            return false;
        }
        numeric = null;
        firstTextLine = line;
        firstTextValue = s;
        return true;
    }

    private String intern(String s) {
        if (labels == null) {
            return s;
        }
        String known = labels.putIfAbsent(s, s);
        if (known != null) {
            return known;
        }
        levels++;
        if (numeric != null && levels > KEPT_LABELS) {
            labels = null;
            text = null;
        } else if (levels > INTERNED) {
            labels = null;
        }
        return s;
    }

    /**
     * Stores the value last read at a row index of the kept rows.
     *
     * @param index the row index, below the array length
     */
    void store(int index) {
        if (numeric != null) {
            numeric[index] = pendingNumber;
        }
        if (text != null) {
            text[index] = pendingText;
        }
    }

    /**
     * Grows the arrays.
     *
     * @param capacity the new length
     */
    void grow(int capacity) {
        numeric = numeric == null ? null : Arrays.copyOf(numeric, capacity);
        text = text == null ? null : Arrays.copyOf(text, capacity);
    }

    /**
     * Returns the column of the kept rows.
     *
     * @param size the number of kept rows
     * @return the covariate
     */
    Covariate finish(int size) {
        // trimmed in place (the column lets go of the longer array), and not copied when it is already exact
        if (numeric != null) {
            numeric = numeric.length == size ? numeric : Arrays.copyOf(numeric, size);
            return new Covariate(name, numeric, null);
        }
        text = text.length == size ? text : Arrays.copyOf(text, size);
        return new Covariate(name, null, text, labels == null ? null : new java.util.ArrayList<>(labels.keySet()));
    }

    /**
     * Adds warnings about a column that became text although it is mostly numbers, or that has many levels.
     *
     * @param warnings where the warnings go
     */
    void addWarnings(List<String> warnings) {
        if (numeric != null) {
            return;
        }
        if (!categorical && numbers >= others) {
            warnings.add(context.file() + ": covariate column '" + name + "' was read as categorical (text), "
                    + "because not all its values are numbers: value \"" + firstTextValue + "\" ("
                    + context.lineWord() + " " + firstTextLine + ") is the first of " + others + " value"
                    + (others == 1 ? "" : "s") + " that " + (others == 1 ? "is" : "are") + " not, against " + numbers
                    + " that are. If such values mean missing, add them with " + OptionNames.NA + "; if the "
                    + "column should be numeric, correct them in the file.");
        }
        if (levels > MANY_LEVELS) {
            warnings.add(context.file() + ": categorical covariate '" + name + "' has "
                    + (labels == null ? "more than " + INTERNED : String.valueOf(levels)) + " different values; "
                    + "each becomes its own level in the model. If it is an identifier or a measurement, remove it "
                    + "from " + OptionNames.COVARIATES + (categorical ? " or from " + OptionNames.CATEGORICAL : "")
                    + ".");
        }
    }
}
