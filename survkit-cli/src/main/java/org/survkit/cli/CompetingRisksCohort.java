package org.survkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.survkit.io.Cohort;
import org.survkit.io.Covariate;

/**
 * A cohort whose event column holds several numeric codes, as R cmprsk's {@code fstatus}: one code for censored
 * rows ({@code --censor-value}) and one per cause. Shared by {@code cif} and {@code finegray}.
 *
 * <p>survkit-io reads events as yes/no; here the event column is read twice: as the event (with the censoring
 * code as the "event value", so {@code event} means censored) and as a categorical column that keeps each row's
 * code as text. Missing codes exclude the row as for every command; the io warnings about that coding (the
 * censoring value never occurring, many distinct values) are replaced by this class's own.
 *
 * @param cohort     the rows analysed
 * @param status     the code of each row
 * @param censorCode the censoring code
 * @param causes     the cause codes present, increasing
 * @param warnings   the reader's warnings for the user
 */
record CompetingRisksCohort(Cohort cohort, double[] status, double censorCode, double[] causes, List<String> warnings) {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** More causes than this get a warning: probably the wrong column. */
    private static final int MANY_CAUSES = 10;
    /** Never a trimmed cell: reads the file when --censor-value is missing, to list the codes. */
    private static final String NO_VALUE = "\uFFFFno censor value\uFFFF";

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
        if (options.eventValue != null) {
            throw new UsageException(command + " reads several causes from the event column: give the code of censored"
                    + " rows with --censor-value (e.g. --censor-value 0) instead of --event-value; every other code is"
                    + " a cause.");
        }
        String eventColumn = options.event;
        if (covariates.stream().anyMatch(t -> List.of(t.split(":")).stream().map(String::trim)
                .anyMatch(eventColumn::equals))) {
            throw new UsageException("the event column '" + eventColumn + "' cannot also be a covariate.");
        }
        if (censorValue != null && !NUMBER.matcher(censorValue.trim()).matches()) {
            throw new UsageException("--censor-value must be a number (the code of censored rows, e.g. 0), got \""
                    + censorValue + "\".");
        }
        List<String> covs = new ArrayList<>(covariates);
        covs.add(0, eventColumn);
        List<String> cats = new ArrayList<>(categorical);
        cats.add(eventColumn);
        Cohort c = options.read(spec -> spec.eventValue(censorValue == null ? NO_VALUE : censorValue.trim())
                .group(group).strata(strata).covariates(covs).categorical(cats), err);
        Covariate codes = c.covariate(eventColumn);
        String file = Path.of(c.source()).getFileName().toString();
        String lineWord = file.toLowerCase(Locale.ROOT).matches(".*\\.xlsx?$") ? "row" : "line";
        double[] status = new double[c.size()];
        for (int i = 0; i < status.length; i++) {
            String v = codes.text()[i];
            if (!NUMBER.matcher(v).matches()) {
                throw new UsageException(file + ", " + lineWord + " " + c.line()[i] + ", column '" + eventColumn
                        + "': value \"" + v + "\" is not a number. Competing-risks commands need numeric codes in the"
                        + " event column, as R's cmprsk: the code of censored rows (--censor-value) and one number per"
                        + " cause, e.g. 0 = censored, 1 = relapse, 2 = death. Recode the column, or declare the value"
                        + " missing with --na.");
            }
            status[i] = Double.parseDouble(v) + 0.0;
        }
        TreeSet<Double> found = new TreeSet<>();
        for (double s : status) {
            found.add(s);
        }
        String values = String.join(", ", found.stream().map(CompetingRisksCohort::code).toList());
        if (censorValue == null) {
            throw new UsageException(command + " needs --censor-value: which value of column '" + eventColumn
                    + "' marks a censored row? Values found in " + file + ": " + values + " (e.g. --censor-value "
                    + code(found.first()) + "; every other value is then a cause).");
        }
        double censorCode = Double.parseDouble(censorValue.trim()) + 0.0;
        double[] causes = found.stream().mapToDouble(Double::doubleValue).filter(v -> v != censorCode).toArray();
        List<String> warnings = new ArrayList<>();
        for (String w : c.warnings()) {
            if (!w.contains("never occurs in column '" + eventColumn + "'") && !w.contains("'" + eventColumn + "' has")) {
                warnings.add(w);
            }
        }
        if (causes.length == 0) {
            throw new UsageException("every analysed row of " + file + " is censored (column '" + eventColumn
                    + "' is " + code(censorCode) + " throughout): there is no event of any cause to analyse. Check"
                    + " --event and --censor-value.");
        }
        if (!found.contains(censorCode)) {
            warnings.add(file + ": no row of column '" + eventColumn + "' has the censoring code " + code(censorCode)
                    + " (values found: " + values + "), so every row is an event of some cause. Check --censor-value.");
        }
        if (causes.length > MANY_CAUSES) {
            warnings.add(file + ": column '" + eventColumn + "' has " + causes.length + " different cause codes; each"
                    + " is its own cause. If it is not a status column, choose another one for --event.");
        }
        return new CompetingRisksCohort(c, status, censorCode, causes, List.copyOf(warnings));
    }

    /**
     * The cause of interest: the --cause value, or the first cause code in increasing order.
     *
     * @throws UsageException when the value is not a number, is the censoring code or does not occur
     */
    double cause(String option, String eventColumn) {
        if (option == null) {
            return causes[0];
        }
        if (!NUMBER.matcher(option.trim()).matches()) {
            throw new UsageException("--cause must be one of the numeric cause codes (" + causeList() + "), got \""
                    + option + "\".");
        }
        double v = Double.parseDouble(option.trim()) + 0.0;
        if (v == censorCode) {
            throw new UsageException("--cause " + option + " is the censoring code (--censor-value); the causes in column '"
                    + eventColumn + "' are " + causeList() + ".");
        }
        for (double c : causes) {
            if (c == v) {
                return v;
            }
        }
        throw new UsageException("--cause " + option + " does not occur in column '" + eventColumn + "' of "
                + Path.of(cohort.source()).getFileName() + " among the " + cohort.size() + " analysed rows; the causes"
                + " are " + causeList() + " (censored = " + code(censorCode) + ").");
    }

    String causeList() {
        List<String> s = new ArrayList<>();
        for (double c : causes) {
            s.add(code(c));
        }
        return String.join(", ", s);
    }

    /** The cause codes as a JSON array of numbers (1, not 1.0). */
    com.fasterxml.jackson.databind.node.ArrayNode causesJson() {
        com.fasterxml.jackson.databind.node.ArrayNode a = Json.F.arrayNode();
        for (double c : causes) {
            if (c == Math.rint(c) && Math.abs(c) < 1e15) {
                a.add((long) c);
            } else {
                a.add(c);
            }
        }
        return a;
    }

    /** A code as people write it: 1, not 1.0. */
    static String code(double v) {
        return Fmt.num(v, 15);
    }
}
