package org.survkit.report.analysis;

import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.io.Cohort;
import org.survkit.io.CohortReader;
import org.survkit.io.CohortSpec;
import org.survkit.io.Exclusion;
import org.survkit.io.InputException;

class AnalysisDatasetTest {

    @TempDir
    Path dir;

    static final String STUDY = """
            data: cohort.csv
            time: {from: start, to: last, unit: months}
            event: {column: status, value: dead}
            groups:
              name: subgroup
              rules:
                - label: "HR+"
                  when: (er == "pos" or pr == "pos") and her2 == "neg"
                - label: "TN"
                  when: er == "neg" and pr == "neg" and her2 == "neg"
              otherwise: "Other"
            horizon: 60
            """;

    static final String COHORT = """
            id,start,last,status,er,pr,her2,note
            1,2010-01-01,2011-01-01,dead,pos,neg,neg,plain
            2,2010-01-01,2017-01-01,dead,neg,neg,neg,"comma, ""quote\"""
            3,2010-01-01,2015-01-01,alive,pos,pos,pos,"two
            lines"
            4,2010-01-01,,alive,neg,neg,neg,missing end
            5,2010-03-01,2015-03-01,DEAD,NA,pos,neg,exactly 60 months? no
            6,2010-01-01,2012-06-30,alive,pos,pos,pos,=cmd()
            """;

    private Study study(String yaml, String csv) throws IOException {
        Files.writeString(dir.resolve("cohort.csv"), csv);
        Path s = dir.resolve("study.yaml");
        Files.writeString(s, yaml);
        return StudyReader.read(s);
    }

    private static AnalysisDataset derive(Study s) {
        return AnalysisDataset.derive(s, DataTable.read(s.dataFile(), null, new Missing(s.data().na())));
    }

    private static double months(String from, String to) {
        return ChronoUnit.DAYS.between(LocalDate.parse(from), LocalDate.parse(to)) / 30.4375;
    }

    @Test
    void timeFromDatesInMonthsEventAndHorizonCensoring() throws IOException {
        AnalysisDataset d = derive(study(STUDY, COHORT));
        assertThat(d.size()).isEqualTo(6);
        // months = days / 30.4375 (survkit-io, survminer)
        assertThat(d.followUpTime(0)).isEqualTo(365 / 30.4375);
        assertThat(d.followUpTime(1)).isEqualTo(months("2010-01-01", "2017-01-01")).isGreaterThan(60);
        assertThat(d.followUpEvent(1)).isEqualTo(1);
        // beyond the horizon: censored at 60
        assertThat(d.time(1)).isEqualTo(60);
        assertThat(d.event(1)).isZero();
        // before the horizon: unchanged (the event value is matched ignoring case: DEAD)
        assertThat(d.time(4)).isEqualTo(months("2010-03-01", "2015-03-01")).isLessThan(60);
        assertThat(d.event(4)).isEqualTo(1);
        assertThat(d.time(0)).isEqualTo(d.followUpTime(0));
        assertThat(d.event(0)).isEqualTo(1);
        // a missing end date: missing time, counted by reason
        assertThat(d.time(3)).isNaN();
        assertThat(d.missingTimeReasons()).containsExactly(java.util.Map.entry("missing end date (column 'last')", 1));
    }

    @Test
    void eventExactlyAtTheHorizonStaysAnEvent() throws IOException {
        double t = 365 / 30.4375; // 11.9918 months: the death of row 1
        AnalysisDataset d = derive(study(STUDY.replace("horizon: 60", "horizon: 11.99"), COHORT));
        assertThat(d.followUpEvent(0)).isEqualTo(1);
        assertThat(d.time(0)).isEqualTo(11.99);
        assertThat(d.event(0)).isZero();
        AnalysisDataset e = derive(study(STUDY.replace("horizon: 60", "horizon: " + t), COHORT));
        assertThat(e.time(0)).isEqualTo(t);
        assertThat(e.event(0)).isEqualTo(1);
    }

    @Test
    void groupsFromRulesInRuleOrderWithOtherwise() throws IOException {
        AnalysisDataset d = derive(study(STUDY, COHORT));
        assertThat(List.of(d.group(0), d.group(1), d.group(2), d.group(3), d.group(4), d.group(5)))
                .containsExactly("HR+", "TN", "Other", "TN", "HR+", "Other");
        assertThat(d.groupOrder()).containsExactly("HR+", "TN", "Other");
        assertThat(d.groupColumn()).isEqualTo("subgroup");
        // without 'otherwise' unmatched rows have no group
        AnalysisDataset e = derive(study(STUDY.replace("  otherwise: \"Other\"\n", ""), COHORT));
        assertThat(e.group(2)).isNull();
        assertThat(e.groupOrder()).containsExactly("HR+", "TN");
    }

    @Test
    void writtenDatasetReadsBackExactlyWithSourceRows() throws IOException {
        AnalysisDataset d = derive(study(STUDY.replace("  otherwise: \"Other\"\n", ""), COHORT));
        Path csv = dir.resolve("analysis.csv");
        d.write(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("source_row,followup_time,followup_event,analysis_time,analysis_event,"
                + "subgroup,id,start,last,status,er,pr,her2,note");
        assertThat(lines.get(1)).startsWith("1," + (365 / 30.4375) + ",1," + (365 / 30.4375) + ",1,HR+,1,");
        assertThat(lines.get(2)).startsWith("2," + months("2010-01-01", "2017-01-01") + ",1,60,0,TN,2,")
                .endsWith(",\"comma, \"\"quote\"\"\"");
        assertThat(lines.get(3)).endsWith("\"two"); // the line break is kept inside quotes
        Cohort c = CohortReader.read(csv, CohortSpec.builder().time(AnalysisDataset.TIME).event(AnalysisDataset.EVENT)
                .eventValue("1").group("subgroup"));
        assertThat(c.rowsRead()).isEqualTo(6);
        assertThat(c.time()).containsExactly(365 / 30.4375, 60, months("2010-03-01", "2015-03-01"));
        assertThat(c.group()).containsExactly("HR+", "TN", "HR+");
        // exclusions: row 4 (missing end) and rows 3 and 6 (no rule matched), mapped back to data rows
        assertThat(c.exclusions()).extracting(Exclusion::column, Exclusion::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AnalysisDataset.TIME, 1),
                        org.assertj.core.groups.Tuple.tuple("subgroup", 2));
        assertThat(c.exclusions().get(1).firstLines().stream().map(l -> d.rowOfLine(l) + 1).toList())
                .containsExactly(3, 6);
        assertThat(c.exclusions().get(0).firstLines().stream().map(l -> d.rowOfLine(l) + 1).toList())
                .containsExactly(4);
        // the cohort's analysed lines map to data rows 1, 2, 5
        assertThat(java.util.Arrays.stream(c.line()).map(l -> d.rowOfLine(l) + 1).toArray()).containsExactly(1, 2, 5);
    }

    @Test
    void numericTimeColumnAndDefaultEventCodes() throws IOException {
        AnalysisDataset d = derive(study("data: cohort.csv\ntime: t\nevent: e\n",
                "t,e\n10,1\n20.5,0\n,yes\n30,No\n"));
        assertThat(d.time(1)).isEqualTo(20.5);
        assertThat(d.time(2)).isNaN();
        // a row the reader excludes (here: no time) has no event either (-1): it is not analysed
        assertThat(new int[] {d.event(0), d.event(1), d.event(2), d.event(3)}).containsExactly(1, 0, -1, 0);
        assertThat(d.groupOrder()).isEmpty();
    }

    @Test
    void groupsFromAColumnWithOrder() throws IOException {
        String csv = "t,e,arm\n1,1,low\n2,0,high\n3,1,placebo\n4,0,NA\n";
        AnalysisDataset d = derive(study("data: cohort.csv\ntime: t\nevent: e\ngroups: {column: arm, order: [placebo,"
                + " low, high]}\n", csv));
        assertThat(d.groupOrder()).containsExactly("placebo", "low", "high");
        assertThat(d.group(3)).isNull();
        assertThat(d.groupColumn()).isEqualTo("arm");
        assertThatThrownBy(() -> derive(study("data: cohort.csv\ntime: t\nevent: e\ngroups: {column: arm, order:"
                + " [placebo, low]}\n", csv))).hasMessage("study.yaml, line 4, 'groups.order': the value 'high' of"
                + " column 'arm' is not listed; list every group (values found: low, high, placebo) or mark it missing"
                + " with data.na.");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void unknownColumnInARuleNamesLinePositionAndTheClosestColumn() throws IOException {
        Study s = study(STUDY.replace("her2 == \"neg\"\n    - label: \"TN\"", "her3 == \"neg\"\n    - label: \"TN\""),
                COHORT);
        assertThatThrownBy(() -> derive(s)).isInstanceOf(InputException.class).hasMessage("study.yaml, line 8,"
                + " 'groups.rules[1].when': rule 'HR+', position 34: unknown column 'her3'. Did you mean 'her2'? The"
                + " columns of cohort.csv are: id, start, last, status, er, pr, her2, note.");
    }

    @Test
    void unknownColumnsElsewhere() throws IOException {
        assertThatThrownBy(() -> derive(study(STUDY.replace("to: last", "to: last_contact"), COHORT)))
                .hasMessageStartingWith("study.yaml, line 2, 'time.to': unknown column 'last_contact'. Did you mean"
                        + " 'last'?");
        assertThatThrownBy(() -> derive(study(STUDY + "table1: [age]\n", COHORT)))
                .hasMessageStartingWith("study.yaml, line 13, 'table1[1]': unknown column 'age'.");
        assertThatThrownBy(() -> derive(study(STUDY + "cox:\n  - covariates: [subgroup, stage]\n", COHORT)))
                .hasMessageStartingWith("study.yaml, line 14, 'cox[1].covariates': unknown column 'stage'.");
        assertThatThrownBy(() -> derive(study(STUDY.replace("name: subgroup", "name: er"), COHORT)))
                .hasMessageStartingWith("study.yaml, line 5, 'groups.name': 'er' is already a column of cohort.csv");
    }

    @Test
    void badDataNameTheRowAndTheFix() throws IOException {
        // messages name the physical line: record 3 spans lines 4-5, so record 4 ("4,...") is on line 6
        assertThatThrownBy(() -> derive(study(STUDY, COHORT.replace("2010-01-01,2011-01-01", "2012-01-01,2011-01-01"))))
                .hasMessage("cohort.csv, line 2, column 'last': value \"2011-01-01\" is before the start date"
                        + " 2012-01-01 (\"2012-01-01\", column 'start'): the end date 2011-01-01 gives a negative"
                        + " follow-up time. Correct the dates, or check that 'time.from' in study.yaml and 'time.to' in"
                        + " study.yaml are not swapped.");
        assertThatThrownBy(() -> derive(study(STUDY, COHORT.replace("2010-01-01,2011-01-01", "2010-13-01,2011-01-01"))))
                .hasMessageStartingWith("cohort.csv, line 2, column 'start': value \"2010-13-01\" has month 13, but"
                        + " months run 1–12");
        assertThatThrownBy(() -> derive(study(STUDY.replace("{column: status, value: dead}", "status"),
                COHORT.replace("alive,neg,neg,neg", "unclear,neg,neg,neg"))))
                .hasMessageStartingWith("cohort.csv, line 6, column 'status': value \"unclear\" is not a known"
                        + " event code. Values found in this column: alive, DEAD, dead, unclear.")
                .hasMessageContaining("'event.value' in study.yaml");
        assertThatThrownBy(() -> derive(study(STUDY.replace("when: er == \"neg\" and pr == \"neg\" and her2 == \"neg\"",
                "when: id > 0"), COHORT.replace("\n4,", "\nfour,"))))
                .hasMessage("study.yaml, line 10, 'groups.rules[2].when': rule 'TN', cohort.csv, line 6: value"
                        + " \"four\" of column 'id' is not a number, but the rule compares it with 0. Correct the value,"
                        + " add it to data.na if it means missing, or compare with a quoted text.");
    }

    @Test
    void extraMissingCodesAndDateFormat() throws IOException {
        String yaml = STUDY.replace("data: cohort.csv", "data: {path: cohort.csv, na: [unknown], date_format:"
                + " dd/MM/yyyy}");
        String csv = "id,start,last,status,er,pr,her2,note\n1,01/02/2010,01/03/2010,unknown,pos,neg,neg,x\n"
                + "2,01/02/2010,01/04/2010,dead,pos,neg,neg,y\n";
        AnalysisDataset d = derive(study(yaml, csv));
        // row 1's event is a missing code, so the reader excludes it; row 2 is read with the date format
        assertThat(d.followUpTime(0)).isNaN();
        assertThat(d.followUpTime(1)).isEqualTo(59 / 30.4375);
        assertThat(d.event(0)).isEqualTo(-1);
    }
}
