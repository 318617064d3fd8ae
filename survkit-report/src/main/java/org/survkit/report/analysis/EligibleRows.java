package org.survkit.report.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.survkit.io.InputException;
import org.survkit.report.analysis.StudyAnalysis.Excluded;
import org.survkit.study.Eligibility;
import org.survkit.study.Eligibility.Criterion;
import org.survkit.study.Study;
import org.survkit.study.rules.RuleExpression;

/**
 * A study's eligibility criteria ({@link Eligibility}) applied to the cohort file's rows, before anything is derived
 * from them: which rows are eligible, and for each other row the reason of the first criterion it fails (include
 * rules in order, then exclude rules; an include rule left undecided by a missing value fails with its
 * {@linkplain Criterion#missingReason missing-value reason}, an exclude rule left undecided does not exclude).
 *
 * <p>The analysis dataset derives follow-up, event, groups and causes from the eligible rows only and leaves those
 * cells empty for the others, whose reason it exports in the column {@value #COLUMN}; survkit-io's reader then
 * excludes them as rows without a time, and {@link StudyAnalysis} counts them under their reasons instead.
 */
final class EligibleRows {

    /** The column of the analysis dataset that holds the reason a row is not eligible (empty for eligible rows). */
    static final String COLUMN = "excluded_by";

    private final Eligibility criteria;
    private final DataTable table;
    private final DataTable eligibleTable;
    private final String[] reasonOfRow;
    private final int[] eligible;
    private final List<Excluded> excluded;

    private EligibleRows(Eligibility criteria, DataTable table, String[] reasonOfRow, int[] eligible,
            List<Excluded> excluded) {
        this.criteria = criteria;
        this.table = table;
        this.reasonOfRow = reasonOfRow;
        this.eligible = eligible;
        this.excluded = List.copyOf(excluded);
        this.eligibleTable = criteria.isEmpty() ? table : table.rows(eligible);
    }

    /**
     * Decides each row's eligibility.
     *
     * @param study the study (its criteria; without any, every row is eligible)
     * @param table the cohort file's rows, whose columns were checked against the rules
     * @throws InputException when a value compared with a number is not one (naming the criterion's line and the
     *                        row), or when no row is eligible
     */
    static EligibleRows of(Study study, DataTable table) {
        Eligibility criteria = study.eligibility();
        int n = table.size();
        if (criteria.isEmpty()) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return new EligibleRows(criteria, table, new String[n], all, List.of());
        }
        List<Criterion> list = criteria.criteria();
        List<RuleExpression> bound = new ArrayList<>();
        for (Criterion c : list) {
            bound.add(c.when().bind(table.columns()));
        }
        // per criterion, its reasons (its own first, then its missing-value reasons) with counts and first rows
        List<Map<String, List<Integer>>> byCriterion = new ArrayList<>();
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            byCriterion.add(new LinkedHashMap<>());
            counts.add(new LinkedHashMap<>());
            byCriterion.get(k).put(list.get(k).reason(), new ArrayList<>());
        }
        String[] reasonOfRow = new String[n];
        int[] keep = new int[n];
        int kept = 0;
        int[] current = new int[1];
        RuleExpression.Row row = c -> table.ruleValue(current[0], c);
        for (int i = 0; i < n; i++) {
            current[0] = i;
            for (int k = 0; k < list.size() && reasonOfRow[i] == null; k++) {
                Criterion c = list.get(k);
                Boolean holds;
                try {
                    holds = bound.get(k).decide(row);
                } catch (RuleExpression.ValueError e) {
                    throw new InputException(study.fileName() + (c.line() > 0 ? ", line " + c.line() : "") + ", '"
                            + c.key() + "': criterion '" + c.reason() + "', " + table.where(i) + ": " + e.getMessage()
                            + ". Correct the value, add it to data.na if it means missing, or compare with a quoted"
                            + " text.");
                }
                String reason = null;
                if (c.include() && holds == null) {
                    reason = c.missingReason(bound.get(k).missingIn(row));
                } else if (c.include() ? !holds : Boolean.TRUE.equals(holds)) {
                    reason = c.reason();
                }
                if (reason != null) {
                    reasonOfRow[i] = reason;
                    List<Integer> first = byCriterion.get(k).computeIfAbsent(reason, r -> new ArrayList<>());
                    if (first.size() < 5) {
                        first.add(i + 1);
                    }
                    counts.get(k).merge(reason, 1, Integer::sum);
                }
            }
            if (reasonOfRow[i] == null) {
                keep[kept++] = i;
            }
        }
        List<Excluded> excluded = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            for (Map.Entry<String, List<Integer>> e : byCriterion.get(k).entrySet()) {
                int count = counts.get(k).getOrDefault(e.getKey(), 0);
                if (count > 0 || e.getKey().equals(list.get(k).reason())) { // a criterion's own reason, even at 0
                    excluded.add(new Excluded(e.getKey(), count, e.getValue()));
                }
            }
        }
        if (kept == 0) {
            throw new InputException(table.fileName() + ": no row meets the eligibility criteria of " + study.fileName()
                    + " (" + n + " rows: " + String.join("; ", excluded.stream().filter(e -> e.count() > 0)
                            .map(e -> e.count() + " " + e.reason()).toList())
                    + "). Check the rules of 'include' and 'exclude'.");
        }
        return new EligibleRows(criteria, table, reasonOfRow, Arrays.copyOf(keep, kept), excluded);
    }

    /** {@return values of the eligible rows spread over all rows, NaN for the excluded rows; null for null} */
    double[] spread(double[] ofEligible) {
        if (ofEligible == null) {
            return null;
        }
        double[] out = new double[reasonOfRow.length];
        Arrays.fill(out, Double.NaN);
        for (int k = 0; k < eligible.length; k++) {
            out[eligible[k]] = ofEligible[k];
        }
        return out;
    }

    /** {@return codes of the eligible rows spread over all rows, −1 (missing) for the excluded rows} */
    byte[] spread(byte[] ofEligible) {
        byte[] out = new byte[reasonOfRow.length];
        Arrays.fill(out, (byte) -1);
        for (int k = 0; k < eligible.length; k++) {
            out[eligible[k]] = ofEligible[k];
        }
        return out;
    }

    /** {@return labels of the eligible rows spread over all rows, null (missing) for the excluded rows; null for null}
     */
    String[] spread(String[] ofEligible) {
        if (ofEligible == null) {
            return null;
        }
        String[] out = new String[reasonOfRow.length];
        for (int k = 0; k < eligible.length; k++) {
            out[eligible[k]] = ofEligible[k];
        }
        return out;
    }

    /** {@return whether the study has criteria (then the dataset has the column {@value #COLUMN})} */
    boolean criteria() {
        return !criteria.isEmpty();
    }

    /** {@return the eligible rows as a table (the whole table without criteria)} */
    DataTable eligibleTable() {
        return eligibleTable;
    }

    /** {@return the eligible rows of the whole table (0-based, increasing)} */
    int[] eligible() {
        return eligible.clone();
    }

    /** {@return the row's reason for exclusion, or null when it is eligible} */
    String reason(int row) {
        return reasonOfRow[row];
    }

    /** {@return how many rows the criteria exclude} */
    int excludedCount() {
        return table.size() - eligible.length;
    }

    /**
     * {@return the rows excluded, per reason, in the order of the criteria (each criterion's own reason, also when it
     * excludes no row, then its missing-value reasons), with their first data rows}
     */
    List<Excluded> excluded() {
        return excluded;
    }
}
