package org.survkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.CauseCodes;
import org.survkit.cli.result.CohortSummary;
import org.survkit.io.Cohort;
import org.survkit.io.Covariate;

/**
 * A cohort whose event column holds several codes, as R cmprsk's {@code fstatus}: one code for censored
 * rows ({@code --censor-value}) and one per cause. Shared by {@code cif} and {@code finegray}. Codes are numbers
 * (0 = censored, 1 = relapse, 2 = death) or, as in many hospital exports, words (alive, relapse, death), numbered
 * for the engines and shown as the words in every output ({@link CauseCoding}).
 *
 * <p>survkit-io reads events as yes/no; here the event column is read twice: as the event (with the censoring
 * code as the "event value", so {@code event} means censored) and as a categorical column that keeps each row's
 * code as text, coded by {@link CauseCoding} (the rules, shared with the Spark engine). Missing codes exclude the
 * row as for every command; the io warnings about that coding (the censoring value never occurring, many distinct
 * values) are replaced by the coding's own.
 *
 * @param cohort   the rows analysed
 * @param status   the code of each row
 * @param codes    the censoring code and the cause codes present, with their labels
 * @param warnings the reader's warnings for the user
 * @param coding   the coding of the event column's values ({@link CauseCoding}, shared with the Spark engine)
 */
record CompetingRisksCohort(Cohort cohort, double[] status, CauseCodes codes, List<String> warnings,
        CauseCoding coding) {
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
        Cohort rows = c;
        CauseCoding coding = CauseCoding.of(command, eventColumn, file, new java.util.HashSet<>(
                java.util.Arrays.asList(text)), censorValue, () -> {
                    int i = 0;
                    while (CauseCoding.isNumber(text[i])) {
                        i++;
                    }
                    String lower = file.toLowerCase(java.util.Locale.ROOT);
                    String lineWord = lower.matches(".*\\.(xlsx?|parquet|parq)$") ? "row"
                            : lower.matches(".*\\.z?sav$") ? "case"
                            : lower.endsWith(".dta") ? "observation" : "line";
                    return new CauseCoding.NotANumber(text[i], lineWord + " " + rows.line()[i]);
                });
        double[] status = new double[c.size()];
        for (int i = 0; i < status.length; i++) {
            status[i] = coding.code(text[i]);
        }
        List<String> warnings = new ArrayList<>(coding.warnings());
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
                    status[i] = coding.censorCode();
                }
            }
        }
        // as R on the recoded status: a cause whose events all lie beyond the horizon is no cause here
        java.util.Set<Double> present = new java.util.HashSet<>();
        for (int i = 0; !Double.isNaN(h) && i < status.length; i++) {
            present.add(status[i]);
        }
        CauseCodes codes = coding.codes(Double.isNaN(h) ? v -> true : present::contains);
        warnings.addAll(coding.manyCauses(codes));
        return new CompetingRisksCohort(c, status, codes, List.copyOf(warnings), coding);
    }

    /**
     * The cause of interest: the --cause value, or the first cause code in increasing order.
     *
     * @throws UsageException when the value is not a number, is the censoring code or does not occur
     */
    double cause(String option, String eventColumn) {
        return coding.cause(option, codes, cohort.size());
    }

    /** {@return for word codes, the word of each number (index 0 the censoring word); null for numeric codes} */
    List<String> names() {
        return coding.names();
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
