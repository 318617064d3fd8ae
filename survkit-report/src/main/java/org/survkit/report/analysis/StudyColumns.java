package org.survkit.report.analysis;

import org.survkit.study.Eligibility;
import org.survkit.study.Study;
import org.survkit.study.file.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.survkit.io.InputException;
import org.survkit.study.Study.CoxSpec;
import org.survkit.study.Study.GroupRule;
import org.survkit.study.Study.Table1Item;

/**
 * Checks that every column a study names exists in the cohort file (or is a derived variable),
 * with an error that names the study file's line, the key, the closest column and all columns.
 */
final class StudyColumns {

    private StudyColumns() {
    }

    static void check(Study study, DataTable table) {
        List<String> cols = table.columns();
        for (String d : AnalysisDataset.DERIVED) {
            if (cols.contains(d)) {
                throw new InputException(table.fileName() + " has a column named '" + d + "', a name the report uses for"
                        + " a derived variable of the analysis dataset; rename that column.");
            }
        }
        Study.CompetingRisks cr = study.competingRisks();
        if (cr != null && cols.contains(AnalysisDataset.CAUSE)) {
            throw new InputException(table.fileName() + " has a column named '" + AnalysisDataset.CAUSE + "', a name the"
                    + " report uses for a derived variable of the analysis dataset; rename that column.");
        }
        Study.Time t = study.time();
        if (t.fromDates()) {
            need(study, table, t.from(), t.line("from"), "time.from");
            need(study, table, t.to(), t.line("to"), "time.to");
        } else {
            need(study, table, t.column(), t.line("column"), "time" + (t.lines().containsKey("column") ? ".column" : ""));
        }
        if (t.entry() != null) {
            need(study, table, t.entry(), t.line("entry"), "time.entry");
        }
        if (study.weights() != null) {
            need(study, table, study.weights(), study.line("weights"), "weights");
        }
        need(study, table, study.event().column(), study.event().line(), "event.column");
        Study.Groups g = study.groups();
        if (g != null) {
            if (g.column() != null) {
                need(study, table, g.column(), g.line(), "groups.column");
            } else {
                if (cols.contains(g.name())) {
                    throw error(study, g.line(), "groups.name", "'" + g.name() + "' is already a column of "
                            + table.fileName() + "; give the derived group variable another name (name: subgroup).");
                }
                for (GroupRule r : g.rules()) {
                    for (String c : r.when().columnNames()) {
                        if (!cols.contains(c)) {
                            String s = Suggest.closest(c, cols);
                            throw error(study, r.line(), "groups.rules[" + r.position() + "].when", "rule '" + r.label()
                                    + "', position " + r.when().positionOf(c) + ": unknown column '" + c + "'."
                                    + (s == null ? "" : " Did you mean '" + s + "'?") + " The columns of "
                                    + table.fileName() + " are: " + String.join(", ", cols) + ".");
                        }
                    }
                }
            }
        }
        eligibility(study, table);
        for (int i = 0; i < study.table1().size(); i++) {
            Table1Item item = study.table1().get(i);
            need(study, table, item.column(), item.line(), "table1[" + (i + 1) + "]");
        }
        Set<String> derived = new LinkedHashSet<>();
        if (g != null) {
            derived.add(g.name());
        }
        competingRisks(study, table, derived);
        for (int i = 0; i < study.cox().size(); i++) {
            CoxSpec c = study.cox().get(i);
            String key = "cox[" + (i + 1) + "]";
            List<String> vars = new ArrayList<>();
            for (String term : c.covariates()) {
                for (String part : term.split(":")) {
                    String v = part.trim();
                    if (v.isEmpty()) {
                        throw error(study, c.line(), key + ".covariates", "the term '" + term + "' has an empty part;"
                                + " interactions are written a:b.");
                    }
                    vars.add(v);
                    if (!derived.contains(v)) {
                        need(study, table, v, c.line(), key + ".covariates");
                    }
                }
            }
            if (c.cluster() != null && !derived.contains(c.cluster())) {
                need(study, table, c.cluster(), c.line(), key + ".cluster");
            }
            if (c.offset() != null) {
                need(study, table, c.offset(), c.line(), key + ".offset");
            }
        }
    }

    /** The columns of the include and exclude rules; the name of the column that holds their reasons. */
    private static void eligibility(Study study, DataTable table) {
        if (study.eligibility().isEmpty()) {
            return;
        }
        List<String> cols = table.columns();
        for (Eligibility.Criterion c : study.eligibility().criteria()) {
            for (String col : c.when().columnNames()) {
                if (!cols.contains(col)) {
                    String s = Suggest.closest(col, cols);
                    throw error(study, c.line(), c.key(), "criterion '" + c.reason() + "', position "
                            + c.when().positionOf(col) + ": unknown column '" + col + "'." + (s == null ? ""
                                    : " Did you mean '" + s + "'?") + " The columns of " + table.fileName() + " are: "
                            + String.join(", ", cols) + ".");
                }
            }
        }
        String reserved = EligibleRows.COLUMN;
        if (cols.contains(reserved)) {
            throw new InputException(table.fileName() + " has a column named '" + reserved + "', a name the report"
                    + " uses for the reason a row is not eligible (with 'include' or 'exclude'); rename that column.");
        }
        Study.Groups g = study.groups();
        if (g != null && g.column() == null && g.name().equals(reserved)) {
            throw error(study, g.line(), "groups.name", "'" + reserved + "' is the column of the reasons a row is not"
                    + " eligible; give the derived group variable another name.");
        }
    }

    private static void competingRisks(Study study, DataTable table, Set<String> derived) {
        Study.CompetingRisks cr = study.competingRisks();
        if (cr == null) {
            return;
        }
        need(study, table, cr.column(), cr.line("column"), "competing_risks.column");
        if (cr.strata() != null) {
            need(study, table, cr.strata(), cr.line("strata"), "competing_risks.strata");
        }
        if (cr.fineGray() != null) {
            for (String term : cr.fineGray().covariates()) {
                for (String part : term.split(":")) {
                    String v = part.trim();
                    if (!derived.contains(v)) {
                        need(study, table, v, cr.line("finegray"), "competing_risks.finegray");
                    }
                }
            }
        }
    }

    private static void need(Study study, DataTable table, String column, int line, String key) {
        if (table.column(column) >= 0) {
            return;
        }
        String s = Suggest.closest(column, table.columns());
        throw error(study, line, key, "unknown column '" + column + "'." + (s == null ? "" : " Did you mean '" + s
                + "'?") + " The columns of " + table.fileName() + " are: " + String.join(", ", table.columns()) + ".");
    }

    static InputException error(Study study, int line, String key, String message) {
        return new InputException(study.fileName() + (line > 0 ? ", line " + line : "") + ", '" + key + "': " + message);
    }
}
