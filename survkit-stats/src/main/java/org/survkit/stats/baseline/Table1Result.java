package org.survkit.stats.baseline;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;

/**
 * A Table 1: patient characteristics overall and by group.
 *
 * @param groups      group labels in column order
 * @param groupSizes  subjects per group
 * @param n           subjects analysed (with a group label)
 * @param excluded    subjects left out because their group label is missing
 * @param rows        one entry per variable, in the order given
 * @param smdSummary  how {@link Table1Row#smd()} summarizes the pairwise SMDs
 * @param diagnostics caveats in plain words (small expected counts, untestable groups, fallbacks)
 */
public record Table1Result(List<String> groups, int[] groupSizes, int n, int excluded, List<Table1Row> rows,
        SmdSummary smdSummary, List<Diagnostic> diagnostics) {

    public Table1Result {
        groups = List.copyOf(groups);
        groupSizes = groupSizes.clone();
        rows = List.copyOf(rows);
        Objects.requireNonNull(smdSummary, "smdSummary");
        diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public int[] groupSizes() {
        return groupSizes.clone();
    }

    /** The row of a variable. */
    public Table1Row row(String variable) {
        return rows.stream().filter(r -> r.variable().equals(variable)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variable '" + variable + "' in this table"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Table1Result t && groups.equals(t.groups) && Arrays.equals(groupSizes, t.groupSizes)
                && n == t.n && excluded == t.excluded && rows.equals(t.rows) && smdSummary == t.smdSummary
                && diagnostics.equals(t.diagnostics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groups, Arrays.hashCode(groupSizes), n, excluded, rows, smdSummary, diagnostics);
    }

    @Override
    public String toString() {
        return "Table1Result[groups=" + groups + ", sizes=" + Arrays.toString(groupSizes) + ", n=" + n + ", excluded="
                + excluded + ", rows=" + rows.size() + ", diagnostics=" + diagnostics.size() + "]";
    }
}
