package org.survkit.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.survkit.cli.output.Numbers;
import org.survkit.cli.result.CauseCodes;

/**
 * The coding of a competing-risks event column, as R cmprsk's {@code fstatus}, from its distinct values in the
 * rows analysed: one code for censored rows ({@code --censor-value}) and one per cause. Codes are numbers
 * (0 = censored, 1 = relapse, 2 = death) or, as in many hospital exports, words (alive, relapse, death): words are
 * numbered for the engines (the censoring word 0, the causes 1, 2, ... in alphabetical order; a word in another
 * case is the same code, shown as first in that order) and shown as the words in every output. A column mixing
 * numbers and words is refused at its first word. The one home of these rules for both engines: {@code cif} and
 * {@code finegray} read in memory ({@link CompetingRisksCohort}) and on Spark (survkit-spark, from one
 * {@code distinct} of the column).
 */
public final class CauseCoding {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** More causes than this get a warning: probably the wrong column. */
    private static final int MANY_CAUSES = 10;

    private final String eventColumn;
    private final String file;
    private final double censorCode;
    private final double[] causes;
    private final List<String> names;
    private final Map<String, Integer> index;
    private final List<String> warnings;

    /**
     * The first value of a column of numbers that is not one (a word among numbers), and where it is.
     *
     * @param value the value as written
     * @param place where, as the reader says it ({@code line 7}, {@code row 7})
     */
    public record NotANumber(String value, String place) {
    }

    private CauseCoding(String eventColumn, String file, double censorCode, double[] causes, List<String> names,
            Map<String, Integer> index, List<String> warnings) {
        this.eventColumn = eventColumn;
        this.file = file;
        this.censorCode = censorCode;
        this.causes = causes;
        this.names = names;
        this.index = index;
        this.warnings = warnings;
    }

    /**
     * {@return the one --censor-value given, or null}
     *
     * @param command        cif or finegray, for messages
     * @param eventValues    the --event-value values (refused: every code but the censoring one is a cause)
     * @param censorValues   the --censor-value values
     * @throws UsageException when --event-value is given or --censor-value more than once
     */
    public static String censorValue(String command, List<String> eventValues, List<String> censorValues) {
        if (!eventValues.isEmpty()) {
            throw new UsageException(command + " reads several causes from the event column: give the code of censored"
                    + " rows with --censor-value (e.g. --censor-value 0) instead of --event-value; every other code is"
                    + " a cause.");
        }
        if (censorValues.size() > 1) {
            throw new UsageException(command + " takes one censor code with --censor-value (every other code is a"
                    + " cause), not " + censorValues.size() + ": " + String.join(", ", censorValues) + ".");
        }
        return censorValues.isEmpty() ? null : censorValues.get(0);
    }

    /** {@return whether a trimmed value is a number code (e.g. 0, 2, 1.0, 1e0)} */
    public static boolean isNumber(String value) {
        return NUMBER.matcher(value).matches();
    }

    /**
     * Codes the column from its distinct non-missing values (trimmed) in the rows analysed.
     *
     * @param command     cif or finegray, for messages
     * @param eventColumn the event column
     * @param file        the data's file name, for messages
     * @param values      the distinct values (repeats are ignored)
     * @param censorValue the --censor-value text, or null (then the codes found are listed in the error)
     * @param firstWord   where the first value that is not a number is, asked only when numbers and words mix
     * @throws UsageException when the column mixes numbers and words, when --censor-value is missing or not a value
     *                        of the column
     */
    public static CauseCoding of(String command, String eventColumn, String file, Collection<String> values,
            String censorValue, Supplier<NotANumber> firstWord) {
        long numbers = values.stream().distinct().filter(CauseCoding::isNumber).count();
        long distinct = values.stream().distinct().count();
        if (numbers > 0 && numbers < distinct) {
            NotANumber w = firstWord.get();
            throw new UsageException(file + ", " + w.place() + ", column '" + eventColumn + "': value \"" + w.value()
                    + "\" is not a number, but other rows of the column are numbers. The codes must be all numbers"
                    + " (0 = censored, 1 = relapse, 2 = death, as R's cmprsk) or all words (alive, relapse, death),"
                    + " with --censor-value naming the censored one: recode the column, or declare the value missing"
                    + " with --na.");
        }
        List<String> warnings = new ArrayList<>();
        if (numbers == distinct) {
            TreeSet<Double> found = new TreeSet<>();
            for (String v : values) {
                found.add(Double.parseDouble(v) + 0.0);
            }
            String list = String.join(", ", found.stream().map(Numbers::code).toList());
            if (censorValue == null) {
                throw noCensorValue(command, eventColumn, file, list, found.isEmpty() ? "0"
                        : Numbers.code(found.first()));
            }
            if (!isNumber(censorValue.trim())) {
                throw new UsageException("--censor-value \"" + censorValue + "\" is not one of the codes of column '"
                        + eventColumn + "' in " + file + ", which are numbers: " + list + ". Give the code of"
                        + " censored rows, e.g. --censor-value " + (found.isEmpty() ? "0"
                                : Numbers.code(found.first())) + ".");
            }
            double censor = Double.parseDouble(censorValue.trim()) + 0.0;
            double[] causes = found.stream().mapToDouble(Double::doubleValue).filter(v -> v != censor).toArray();
            if (!found.contains(censor)) {
                warnings.add(file + ": no row of column '" + eventColumn + "' has the censoring code "
                        + Numbers.code(censor) + " (values found: " + list + "), so every row is an event of"
                        + " some cause. Check --censor-value.");
            }
            return new CauseCoding(eventColumn, file, censor, causes, null, null, List.copyOf(warnings));
        }
        // words: the censoring word is 0, the causes 1, 2, ... in alphabetical order
        TreeSet<String> found = new TreeSet<>(Comparator.comparing((String v) -> v.toLowerCase(Locale.ROOT))
                .thenComparing(Comparator.naturalOrder()));
        found.addAll(values);
        String list = String.join(", ", found);
        if (censorValue == null) {
            throw noCensorValue(command, eventColumn, file, list, found.first());
        }
        String censorWord = found.contains(censorValue.trim()) ? censorValue.trim()
                : found.stream().filter(v -> v.equalsIgnoreCase(censorValue.trim())).findFirst().orElse(null);
        if (censorWord == null) {
            throw new UsageException("--censor-value \"" + censorValue + "\" does not occur in column '"
                    + eventColumn + "' of " + file + "; its values are " + list + ". Give the one that marks"
                    + " censored rows (for example alive or censored); every other value is then a cause.");
        }
        // one code per word whatever its case ("Death" and "death" are the same cause), shown as first written
        Map<String, Integer> index = new HashMap<>();
        List<String> words = new ArrayList<>();
        words.add(censorWord);
        index.put(censorWord.toLowerCase(Locale.ROOT), 0);
        for (String v : found) {
            String key = v.toLowerCase(Locale.ROOT);
            if (!index.containsKey(key)) {
                index.put(key, words.size());
                words.add(v);
            }
        }
        double[] causes = new double[words.size() - 1];
        for (int k = 1; k < words.size(); k++) {
            causes[k - 1] = k;
        }
        return new CauseCoding(eventColumn, file, 0, causes, List.copyOf(words), index, List.of());
    }

    private static UsageException noCensorValue(String command, String eventColumn, String file, String values,
            String example) {
        return new UsageException(command + " needs --censor-value: which value of column '" + eventColumn
                + "' marks a censored row? Values found in " + file + ": " + values + " (e.g. --censor-value "
                + example + "; every other value is then a cause).");
    }

    /**
     * {@return the code of a value of the column (trimmed, one of the values coded): the number, or the word's
     * number}
     */
    public double code(String value) {
        return names == null ? Double.parseDouble(value) + 0.0 : index.get(value.toLowerCase(Locale.ROOT));
    }

    /** {@return the code of censored rows (0 for words)} */
    public double censorCode() {
        return censorCode;
    }

    /** {@return for word codes, the word of each number (index 0 the censoring word); null for numeric codes} */
    public List<String> names() {
        return names;
    }

    /** {@return what the output says about the coding before the rows' own warnings (the censoring code unseen)} */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The codes of the rows analysed after the horizon (a cause whose events all lie beyond it is no cause, as R on
     * the recoded status).
     *
     * @param present whether a code is among the rows' codes after the horizon
     * @throws UsageException when no row has a cause
     */
    public CauseCodes codes(DoublePredicate present) {
        double[] kept = java.util.Arrays.stream(causes).filter(present).toArray();
        if (kept.length == 0) {
            throw new UsageException("every analysed row of " + file + " is censored (column '" + eventColumn
                    + "' is " + label(censorCode) + " throughout): there is no event of any cause to analyse. Check"
                    + " --event and --censor-value.");
        }
        return new CauseCodes(eventColumn, censorCode, label(censorCode), kept,
                java.util.Arrays.stream(kept).mapToObj(this::label).toList(), names != null);
    }

    /** {@return the warning about many causes (probably not a status column), or none} */
    public List<String> manyCauses(CauseCodes codes) {
        int n = codes.causes().length;
        return n <= MANY_CAUSES ? List.of() : List.of(file + ": column '" + eventColumn + "' has " + n
                + " different cause codes; each is its own cause. If it is not a status column, choose another one"
                + " for --event.");
    }

    private String label(double code) {
        return names == null ? Numbers.code(code) : names.get((int) code);
    }

    /**
     * The cause of interest: the --cause value, or the first cause code in increasing order.
     *
     * @param option   the --cause text, or null
     * @param codes    the codes of the rows analysed ({@link #codes})
     * @param analysed the number of rows analysed, for the message
     * @throws UsageException when the value is not a cause: the censoring value, not a number among numbers, absent
     */
    public double cause(String option, CauseCodes codes, int analysed) {
        if (option == null) {
            return codes.causes()[0];
        }
        if (names != null) {
            for (int k = 1; k < names.size(); k++) {
                if (names.get(k).equalsIgnoreCase(option.trim())) {
                    return k;
                }
            }
            throw new UsageException("--cause " + option + (names.get(0).equalsIgnoreCase(option.trim())
                    ? " is the censoring value (--censor-value)" : " does not occur in column '" + eventColumn + "'")
                    + "; the causes are " + codes.causeList() + ".");
        }
        if (!isNumber(option.trim())) {
            throw new UsageException("--cause must be one of the numeric cause codes (" + codes.causeList() + "), got \""
                    + option + "\".");
        }
        double v = Double.parseDouble(option.trim()) + 0.0;
        if (v == codes.censorCode()) {
            throw new UsageException("--cause " + option + " is the censoring code (--censor-value); the causes in column '"
                    + eventColumn + "' are " + codes.causeList() + ".");
        }
        for (double c : codes.causes()) {
            if (c == v) {
                return v;
            }
        }
        throw new UsageException("--cause " + option + " does not occur in column '" + eventColumn + "' of " + file
                + " among the " + analysed + " analysed rows; the causes are " + codes.causeList() + " (censored = "
                + codes.censorLabel() + ").");
    }
}
