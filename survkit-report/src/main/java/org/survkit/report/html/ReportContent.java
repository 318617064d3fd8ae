package org.survkit.report.html;

import org.survkit.report.analysis.StudyAnalysis;
import org.survkit.report.tables.ReportTable;
import org.survkit.report.tables.ReportTables;
import java.util.List;

/**
 * Everything report.html shows, laid out: the analysis, its tables and figures, the methods text
 * and the list of files written next to it.
 *
 * @param analysis    the analysis
 * @param tables      the table builder (units, names)
 * @param flow        rows read, excluded and analysed
 * @param table1      Table 1, or null
 * @param survival    survival by group
 * @param comparisons the overall test, or null with one group
 * @param pairwise    the pairwise comparisons, or null
 * @param cif         cumulative incidence of competing risks, or null
 * @param gray        Gray's tests, or null
 * @param fineGray    the Fine–Gray model, or null
 * @param cox         one table per Cox model
 * @param phTests     per Cox model its proportional-hazards test table, or null
 * @param figures     all figures
 * @param methods     methods paragraphs
 * @param files       the files written, relative to the output folder
 * @param software    software name and version
 * @param dataSha256  SHA-256 of the cohort file
 */
public record ReportContent(StudyAnalysis analysis, ReportTables tables, ReportTable flow, ReportTable table1,
        ReportTable survival, ReportTable comparisons, ReportTable pairwise, ReportTable rmst, ReportTable cif,
        ReportTable gray, ReportTable fineGray, List<ReportTable> cox,
        List<ReportTable> phTests, List<ReportFigures.Item> figures, List<String> methods, List<String> files,
        String software, String dataSha256) {

    /** {@return the report's title: the study's, else the endpoint, the groups and the cohort file} */
    public String title() {
        org.survkit.study.Study s = analysis.study();
        return s.title() != null ? s.title() : s.endpoint() + (s.grouped() ? " by " + tables.groupName() : "")
                + " \u2014 " + analysis.dataset().dataFileName();
    }

    /** {@return the line under the title: the cohort file, patients analysed of those read, the groups, software} */
    public String subtitle() {
        StudyAnalysis a = analysis;
        return a.dataset().dataFileName() + " \u00B7 " + a.flow().analysed() + " of " + a.flow().rowsRead()
                + " patients analysed" + (a.study().grouped() ? " \u00B7 " + a.groups().size() + " groups" : "")
                + " \u00B7 study file " + a.study().fileName() + " \u00B7 " + software;
    }

    /** {@return every table, in report order} */
    public List<ReportTable> allTables(ReportTable guardrails) {
        List<ReportTable> all = new java.util.ArrayList<>();
        all.add(flow);
        if (table1 != null) {
            all.add(table1);
        }
        all.add(survival);
        if (comparisons != null) {
            all.add(comparisons);
        }
        if (pairwise != null) {
            all.add(pairwise);
        }
        if (rmst != null) {
            all.add(rmst);
        }
        for (ReportTable t : java.util.Arrays.asList(cif, gray, fineGray)) {
            if (t != null) {
                all.add(t);
            }
        }
        for (int i = 0; i < cox.size(); i++) {
            all.add(cox.get(i));
            if (phTests.get(i) != null) {
                all.add(phTests.get(i));
            }
        }
        all.add(guardrails);
        return all;
    }
}
