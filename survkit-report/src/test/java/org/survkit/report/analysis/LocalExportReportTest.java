package org.survkit.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.io.InputException;
import org.survkit.stats.baseline.Table1Row;
import org.survkit.study.Study;
import org.survkit.study.VariableType;
import org.survkit.study.file.StudyReader;

/**
 * The report on a hospital export as Excel writes it where the comma is the decimal mark (issue 12): semicolons,
 * decimal commas, day-first dates, statuses in French. Table 1 summarises the decimal-comma column as numbers and
 * every number equals the report on the same data written with dots, ISO dates and 1/0.
 */
class LocalExportReportTest {

    @TempDir
    Path dir;

    private static final String LOCAL = "id;diag;last;statut;bras;age\n"
            + "1;03/01/2015;15/06/2019;Décédé;A;61,5\n2;17/02/2016;01/09/2020;Vivant;B;54,2\n"
            + "3;25/03/2016;30/04/2018;Décédé;A;70,25\n4;05/05/2017;20/05/2021;Vivant;B;48,9\n"
            + "5;12/07/2017;03/03/2019;Décédé;A;66,4\n6;30/08/2017;14/02/2022;Vivant;B;66,1\n"
            + "7;11/11/2018;01/01/2020;Décédé;A;59,0\n8;02/02/2019;05/05/2023;Vivant;B;62,3\n";

    private static final String CLEAN = "id,diag,last,statut,bras,age\n"
            + "1,2015-01-03,2019-06-15,1,A,61.5\n2,2016-02-17,2020-09-01,0,B,54.2\n"
            + "3,2016-03-25,2018-04-30,1,A,70.25\n4,2017-05-05,2021-05-20,0,B,48.9\n"
            + "5,2017-07-12,2019-03-03,1,A,66.4\n6,2017-08-30,2022-02-14,0,B,66.1\n"
            + "7,2018-11-11,2020-01-01,1,A,59.0\n8,2019-02-02,2023-05-05,0,B,62.3\n";

    private StudyAnalysis run(String name, String csv, String event) throws Exception {
        return run(name, csv, event, "cohort.csv");
    }

    private StudyAnalysis run(String name, String csv, String event, String data) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("cohort.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("study.yaml"), "data: " + data + "\ntime: {from: diag, to: last, unit: months}\n"
                + "event: " + event + "\ngroups: bras\ntable1:\n  - age\n", StandardCharsets.UTF_8);
        Study study = StudyReader.read(folder.resolve("study.yaml"));
        return StudyAnalysis.run(study, AnalysisDataset.derive(study));
    }

    @Test
    void decimalCommaColumnIsANumberInTable1AndEqualsTheCleanFile() throws Exception {
        StudyAnalysis local = run("local", LOCAL, "statut");
        StudyAnalysis clean = run("clean", CLEAN, "statut");
        assertThat(local.table1().types()).containsExactly(VariableType.CONTINUOUS);
        Table1Row.Continuous a = (Table1Row.Continuous) local.table1().result().rows().get(0);
        Table1Row.Continuous b = (Table1Row.Continuous) clean.table1().result().rows().get(0);
        assertThat(a.overall()).isEqualTo(b.overall());
        // mean of the ages: (61.5 + 54.2 + 70.25 + 48.9 + 66.4 + 66.1 + 59.0 + 62.3) / 8
        assertThat(a.overall().mean()).isCloseTo(61.08125, org.assertj.core.data.Offset.offset(1e-12));
        for (int g = 0; g < 2; g++) {
            assertThat(local.curves().get(g).curve().survival()).containsExactly(clean.curves().get(g).curve()
                    .survival());
            assertThat(local.curves().get(g).curve().time()).containsExactly(clean.curves().get(g).curve().time());
        }
    }

    /** Issue 12: a report on an .xlsx with data.date_format failed at row 2 while `km --date-format` read it. */
    @Test
    void excelDateCellsAreDatesWhateverTheDateFormatOfTheTextDates() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("xlsx"));
        try (var out = Files.newOutputStream(folder.resolve("cohort.xlsx"));
                var wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
            var ws = wb.newWorksheet("Data");
            String[] head = {"id", "diag", "last", "statut", "bras", "age"};
            for (int c = 0; c < head.length; c++) {
                ws.value(0, c, head[c]);
            }
            java.time.LocalDate[][] dates = {
                {java.time.LocalDate.of(2015, 1, 3), java.time.LocalDate.of(2019, 6, 15)},
                {java.time.LocalDate.of(2016, 2, 17), java.time.LocalDate.of(2020, 9, 1)},
                {java.time.LocalDate.of(2016, 3, 25), java.time.LocalDate.of(2018, 4, 30)}};
            String[] status = {"Décédé", "Vivant", "Décédé"};
            for (int r = 0; r < 3; r++) {
                ws.value(r + 1, 0, r + 1);
                ws.value(r + 1, 1, dates[r][0]);
                ws.style(r + 1, 1).format("dd/mm/yyyy").set();
                // the last row's end date is text, as a clerk typed it: read with data.date_format
                if (r < 2) {
                    ws.value(r + 1, 2, dates[r][1]);
                    ws.style(r + 1, 2).format("dd/mm/yyyy").set();
                } else {
                    ws.value(r + 1, 2, "30/04/2018");
                }
                ws.value(r + 1, 3, status[r]);
                ws.value(r + 1, 4, r % 2 == 0 ? "A" : "B");
                ws.value(r + 1, 5, 60 + r);
            }
        }
        Files.writeString(folder.resolve("study.yaml"), "data: {path: cohort.xlsx, date_format: dd/mm/yyyy}\n"
                + "time: {from: diag, to: last, unit: days}\nevent: statut\n", StandardCharsets.UTF_8);
        Study study = StudyReader.read(folder.resolve("study.yaml"));
        AnalysisDataset d = AnalysisDataset.derive(study);
        // days: 2015-01-03 → 2019-06-15, 2016-02-17 → 2020-09-01, 2016-03-25 → 2018-04-30 (java.time ChronoUnit.DAYS)
        assertThat(new double[] {d.followUpTime(0), d.followUpTime(1), d.followUpTime(2)}).containsExactly(1624, 1658,
                766);
    }

    @Test
    void invalidRowsExcludedAreCountedPerReasonInTheFlow() throws Exception {
        String messy = LOCAL.replace("3;25/03/2016;30/04/2018;Décédé", "3;25/03/2016;31/04/2018;Décédé")
                .replace("4;05/05/2017;20/05/2021;Vivant", "4;05/05/2017;20/05/2021;Vivnat")
                .replace("6;30/08/2017;14/02/2022", "6;30/08/2017;");
        StudyAnalysis a = run("flow", messy, "{column: statut, value: Décédé, censor_value: Vivant}",
                "{path: cohort.csv, invalid: exclude}");
        assertThat(a.flow().analysed()).isEqualTo(5);
        assertThat(a.flow().excluded()).extracting(StudyAnalysis.Excluded::reason, StudyAnalysis.Excluded::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("impossible date (column 'last')", 1),
                        org.assertj.core.groups.Tuple.tuple("misspelt event code (column 'statut')", 1),
                        org.assertj.core.groups.Tuple.tuple("missing end date (column 'last')", 1));
    }

    @Test
    void rulesCompareDecimalCommaNumbersAsNumbers() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(folder.resolve("cohort.csv"), LOCAL, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("study.yaml"), "data: cohort.csv\ntime: {from: diag, to: last, unit: months}\n"
                + "event: statut\nexclude:\n  - {when: age > 66.2, reason: older than 66.2}\ngroups:\n  name: age group\n"
                + "  rules:\n    - {label: younger, when: age < 60}\n  otherwise: older\n", StandardCharsets.UTF_8);
        Study study = StudyReader.read(folder.resolve("study.yaml"));
        StudyAnalysis a = StudyAnalysis.run(study, AnalysisDataset.derive(study));
        // ages 70,25 and 66,4 are above 66.2 (excluded); of the 6 left, 54,2, 48,9 and 59,0 are below 60
        assertThat(a.flow().analysed()).isEqualTo(6);
        assertThat(a.flow().groupSizes()).containsEntry("younger", 3).containsEntry("older", 3);
    }

    @Test
    void anOddValueInAlmostNumericTable1ColumnIsNamedNotMadeACategory() throws Exception {
        String odd = LOCAL.replace(";62,3\n", ";inconnu\n");
        assertThatThrownBy(() -> run("odd", odd, "statut")).isInstanceOf(InputException.class)
                .hasMessageContaining("column 'age': 1 value is not a number")
                .hasMessageContaining("line 9 (\"inconnu\")").hasMessageContaining("data.na");
    }
}
