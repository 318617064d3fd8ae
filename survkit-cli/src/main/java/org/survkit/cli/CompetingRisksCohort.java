package org.survkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.survkit.cli.output.Numbers;
import org.survkit.cli.result.CauseCodes;
import org.survkit.cli.result.CohortSummary;
import org.survkit.io.Cohort;
import org.survkit.io.Covariate;

/**
 * A cohort whose event column holds several codes, as R cmprsk's {@code fstatus}: one code for censored
 * rows ({@code --censor-value}) and one per cause. Shared by {@code cif} and {@code finegray}. Codes are numbers
 * (0 = censored, 1 = relapse, 2 = death) or, as in many hospital exports, words (alive, relapse, death): words
 * are numbered for the engines (the censoring word 0, the causes 1, 2, ... in alphabetical order; a word in
 * another case is the same code) and shown as the words in every output.
 *
 * <p>survkit-io reads events as yes/no; here the event column is read twice: as the event (with the censoring
 * code as the "event value", so {@code event} means censored) and as a categorical column that keeps each row's
 * code as text. Missing codes exclude the row as for every command; the io warnings about that coding (the
 * censoring value never occurring, many distinct values) are replaced by this class's own.
 *
 * @param cohort   the rows analysed
 * @param status   the code of each row
 * @param codes    the censoring code and the cause codes present, with their labels
 * @param warnings the reader's warnings for the user
 * @param names    for word codes, the word of each number (index 0 the censoring word); null for numeric codes
 */
record CompetingRisksCohort(Cohort cohort, double[] status, CauseCodes codes, List<String> warnings,
        List<String> names) {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** More causes than this get a warning: probably the wrong column. */
    private static final int MANY_CAUSES = 10;
    /** Never a trimmed cell: reads the file when --censor-value is missing, to list the codes. */

    /**
     * Reads the cohort.
     *
     * @param censorValue the --censor-value text, or null (then the codes found are listed in the error)
     * @param group       group column or null
     * @param strata      strata column or null
     * @param covariates  model terms (none: empty)
     * @param categorical covariates forced to be factors
     */
    static CompetingRisksCohort read(CohortOptions options, String command, String censorValue, String group,
            String strata, List<String> covariates, List<String> categorical, PrintWriter err) {
        return read(options, command, censorValue, group, strata, covariates, categorical, null, err);
    }

    /**
     * Reads the cohort with an entry-time column (delayed entry), or none when {@code start} is null.
     *
     * @param start entry-time column or null
     */
    static CompetingRisksCohort read(CohortOptions options, String command, String censorValue, String group,
            String strata, List<String> covariates, List<String> categorical, String start, PrintWriter err) {
        if (!options.reading.eventValues.isEmpty()) {
            throw new UsageException(command + " reads several causes from the event column: give the code of censored"
                    + " rows with --censor-value (e.g. --censor-value 0) instead of --event-value; every other code is"
                    + " a cause.");
        }
        String eventColumn = options.event;
        if (covariates.stream().anyMatch(t -> List.of(t.split(":")).stream().map(String::trim)
                .anyMatch(eventColumn::equals))) {
            throw new UsageException("the event column '" + eventColumn + "' cannot also be a covariate.");
        }
        List<String> covs = new ArrayList<>(covariates);
        covs.add(0, eventColumn);
        List<String> cats = new ArrayList<>(categorical);
        cats.add(eventColumn);
        Cohort c = options.readFollowUp(spec -> spec.causeCodes()
                .group(group).strata(strata).covariates(covs).categorical(cats).start(start), err);
        Covariate column = c.covariate(eventColumn);
        String file = Path.of(c.source()).getFileName().toString();
        String[] text = column.text();
        double[] status = new double[c.size()];
        List<String> warnings = new ArrayList<>();
        List<String> names = null;
        double censorCode;
        double[] causes;
        long numbers = java.util.Arrays.stream(text).filter(v -> NUMBER.matcher(v).matches()).count();
        if (numbers > 0 && numbers < text.length) {
            int i = 0;
            while (NUMBER.matcher(text[i]).matches()) {
                i++;
            }
            String lower = file.toLowerCase(java.util.Locale.ROOT);
            String lineWord = lower.matches(".*\\.(xlsx?|parquet|parq)$") ? "row"
                    : lower.matches(".*\\.z?sav$") ? "case"
                    : lower.endsWith(".dta") ? "observation" : "line";
            throw new UsageException(file + ", " + lineWord + " " + c.line()[i] + ", column '" + eventColumn
                    + "': value \"" + text[i] + "\" is not a number, but other rows of the column are numbers. The"
                    + " codes must be all numbers (0 = censored, 1 = relapse, 2 = death, as R's cmprsk) or all words"
                    + " (alive, relapse, death), with --censor-value naming the censored one: recode the column, or"
                    + " declare the value missing with --na.");
        }
        if (numbers == text.length) {
            for (int i = 0; i < status.length; i++) {
                status[i] = Double.parseDouble(text[i]) + 0.0;
            }
            TreeSet<Double> found = new TreeSet<>();
            for (double s : status) {
                found.add(s);
            }
            String values = String.join(", ", found.stream().map(Numbers::code).toList());
            if (censorValue == null) {
                throw noCensorValue(command, eventColumn, file, values, Numbers.code(found.first()));
            }
            if (!NUMBER.matcher(censorValue.trim()).matches()) {
                throw new UsageException("--censor-value \"" + censorValue + "\" is not one of the codes of column '"
                        + eventColumn + "' in " + file + ", which are numbers: " + values + ". Give the code of"
                        + " censored rows, e.g. --censor-value " + Numbers.code(found.first()) + ".");
            }
            censorCode = Double.parseDouble(censorValue.trim()) + 0.0;
            double cc = censorCode;
            causes = found.stream().mapToDouble(Double::doubleValue).filter(v -> v != cc).toArray();
            if (!found.contains(censorCode)) {
                warnings.add(file + ": no row of column '" + eventColumn + "' has the censoring code "
                        + Numbers.code(censorCode) + " (values found: " + values + "), so every row is an event of"
                        + " some cause. Check --censor-value.");
            }
        } else {
            // words: the censoring word is 0, the causes 1, 2, ... in alphabetical order
            TreeSet<String> found = new TreeSet<>(java.util.Comparator.comparing((String v) -> v.toLowerCase(
                    java.util.Locale.ROOT)).thenComparing(java.util.Comparator.naturalOrder()));
            found.addAll(java.util.Arrays.asList(text));
            String values = String.join(", ", found);
            if (censorValue == null) {
                throw noCensorValue(command, eventColumn, file, values, found.first());
            }
            String censorWord = found.contains(censorValue.trim()) ? censorValue.trim()
                    : found.stream().filter(v -> v.equalsIgnoreCase(censorValue.trim())).findFirst().orElse(null);
            if (censorWord == null) {
                throw new UsageException("--censor-value \"" + censorValue + "\" does not occur in column '"
                        + eventColumn + "' of " + file + "; its values are " + values + ". Give the one that marks"
                        + " censored rows (for example alive or censored); every other value is then a cause.");
            }
            // one code per word whatever its case ("Death" and "death" are the same cause), shown as first written
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            List<String> words = new ArrayList<>();
            words.add(censorWord);
            index.put(censorWord.toLowerCase(java.util.Locale.ROOT), 0);
            for (String v : found) {
                String key = v.toLowerCase(java.util.Locale.ROOT);
                if (!index.containsKey(key)) {
                    index.put(key, words.size());
                    words.add(v);
                }
            }
            for (int i = 0; i < status.length; i++) {
                status[i] = index.get(text[i].toLowerCase(java.util.Locale.ROOT));
            }
            censorCode = 0;
            causes = new double[words.size() - 1];
            for (int k = 1; k < words.size(); k++) {
                causes[k - 1] = k;
            }
            names = List.copyOf(words);
        }
        for (String w : c.warnings()) {
            if (!w.contains("never occurs in column '" + eventColumn + "'") && !w.contains("'" + eventColumn + "' has")) {
                warnings.add(w);
            }
        }
        double h = options.horizon();
        if (!Double.isNaN(h)) {
            // administrative censoring: beyond the horizon the cause is not counted, the row is censored at it
            double[] before = c.time();
            c = c.horizon(h);
            for (int i = 0; i < status.length; i++) {
                if (before[i] > h) {
                    status[i] = censorCode;
                }
            }
            // as R on the recoded status: a cause whose events all lie beyond the horizon is no cause here
            java.util.Set<Double> present = new java.util.HashSet<>();
            for (double s : status) {
                present.add(s);
            }
            causes = java.util.Arrays.stream(causes).filter(present::contains).toArray();
        }
        if (causes.length == 0) {
            throw new UsageException("every analysed row of " + file + " is censored (column '" + eventColumn
                    + "' is " + (names == null ? Numbers.code(censorCode) : names.get(0)) + " throughout): there is no"
                    + " event of any cause to analyse. Check --event and --censor-value.");
        }
        if (causes.length > MANY_CAUSES) {
            warnings.add(file + ": column '" + eventColumn + "' has " + causes.length + " different cause codes; each"
                    + " is its own cause. If it is not a status column, choose another one for --event.");
        }
        List<String> words = names;
        java.util.function.DoubleFunction<String> label = v -> words == null ? Numbers.code(v) : words.get((int) v);
        CauseCodes codes = new CauseCodes(eventColumn, censorCode, label.apply(censorCode), causes,
                java.util.Arrays.stream(causes).mapToObj(label).toList(), names != null);
        return new CompetingRisksCohort(c, status, codes, List.copyOf(warnings), names);
    }

    private static UsageException noCensorValue(String command, String eventColumn, String file, String values,
            String example) {
        return new UsageException(command + " needs --censor-value: which value of column '" + eventColumn
                + "' marks a censored row? Values found in " + file + ": " + values + " (e.g. --censor-value "
                + example + "; every other value is then a cause).");
    }

    /**
     * The cause of interest: the --cause value, or the first cause code in increasing order.
     *
     * @throws UsageException when the value is not a number, is the censoring code or does not occur
     */
    double cause(String option, String eventColumn) {
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
        if (!NUMBER.matcher(option.trim()).matches()) {
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
        throw new UsageException("--cause " + option + " does not occur in column '" + eventColumn + "' of "
                + Path.of(cohort.source()).getFileName() + " among the " + cohort.size() + " analysed rows; the causes"
                + " are " + codes.causeList() + " (censored = " + codes.censorLabel() + ").");
    }

    /** {@return what the output says about the cohort: the event column with its codes, this reader's warnings} */
    CohortSummary summary(CohortOptions options, String group) {
        return options.summary(cohort, group, codes.eventText(), warnings);
    }

    /** {@return the censoring code} */
    double censorCode() {
        return codes.censorCode();
    }
}
