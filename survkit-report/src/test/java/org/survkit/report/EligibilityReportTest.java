package org.survkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.io.Cohort;
import org.survkit.io.CohortReader;
import org.survkit.io.CohortSpec;
import org.survkit.io.InputException;
import org.survkit.plot.SvgDoc;
import org.survkit.study.file.StudyReader;

/**
 * Eligibility criteria end to end, on 20 rows whose flow is counted by hand (below): the flow table and figure, the
 * export's excluded_by column, the methods, and the survival numbers, which equal those of the same study without
 * criteria on the eligible rows cut out of the file by hand.
 *
 * <pre>
 * include age >= 18            fails: rows 2 (17, also stage IV: counted here, first), 7 (16; no time)    → 2
 *                              undecided (age missing): rows 3, 11 (11 has the time "abc", never read)    → 2
 * include consent == "yes"     fails: row 4                                                               → 1
 *                              undecided (consent missing): row 13                                         → 1
 * exclude stage == "IV"        holds: rows 5, 16; row 6 (stage missing) is not excluded                    → 2
 * eligible: 20 − 8 = 12; of them row 8 has no time, row 19 no arm                                          → 10 analysed
 * arm A: rows 1, 9, 12, 15, 17; arm B: rows 6, 10, 14, 18, 20
 * </pre>
 */
class EligibilityReportTest {

    static final String COHORT = """
            id,age,consent,stage,time,status,arm
            1,45,yes,II,12,1,A
            2,17,yes,IV,5,1,A
            3,,yes,II,20,0,B
            4,60,no,I,30,0,B
            5,70,yes,IV,8,1,A
            6,55,yes,,15,1,B
            7,16,no,II,,0,A
            8,40,yes,III,,1,B
            9,65,yes,II,24,0,A
            10,33,yes,I,9,1,B
            11,NA,NA,IV,abc,1,A
            12,50,yes,II,18,1,A
            13,48,,II,22,0,B
            14,52,yes,III,7,1,B
            15,61,yes,II,30,0,A
            16,29,yes,IV,3,1,B
            17,44,yes,I,14,1,A
            18,38,yes,II,26,0,B
            19,57,yes,II,11,1,
            20,66,yes,III,19,1,B
            """;

    static final String CONSENT = "no consent: \"written\" form missing";

    static final String STUDY = """
            data: cohort.csv
            time: {column: time, unit: months}
            event: {column: status, value: 1}
            groups: arm
            include:
              - when: age >= 18
                reason: younger than 18
              - when: consent == "yes"
                reason: 'no consent: "written" form missing'
            exclude:
              - when: stage == "IV"
                reason: "metastatic disease at inclusion"
            at: [12]
            table1: [age, stage]
            output: out
            """;

    /** The rows analysed, picked by hand from the comment above. */
    static final Set<String> ANALYSED = Set.of("1", "6", "9", "10", "12", "14", "15", "17", "18", "20");
    /** The eligible rows (ANALYSED and the two with missing data). */
    static final Set<String> ELIGIBLE = Set.of("1", "6", "8", "9", "10", "12", "14", "15", "17", "18", "19", "20");

    @TempDir
    static Path dir;
    static ReportEngine.Result result;
    static String html;

    @BeforeAll
    static void run() throws IOException {
        Files.writeString(dir.resolve("cohort.csv"), COHORT);
        Files.writeString(dir.resolve("study.yaml"), STUDY);
        result = ReportEngine.withDefaults().run(StudyReader.read(dir.resolve("study.yaml")));
        html = Files.readString(result.html());
    }

    private static JsonNode json(String table) throws IOException {
        return new ObjectMapper().readTree(result.outputDir().resolve("tables/" + table + ".json").toFile());
    }

    @Test
    void theFlowIsTheOneCountedByHand() throws IOException {
        assertThat(result.rowsRead()).isEqualTo(20);
        assertThat(result.analysed()).isEqualTo(10);
        JsonNode flow = json("flow");
        List<String> notEligible = new ArrayList<>();
        flow.get("not_eligible").forEach(e -> notEligible.add(e.get("reason").asText() + " = " + e.get("count")
                .asInt() + " " + e.get("first_rows")));
        assertThat(notEligible).containsExactly(
                "younger than 18 = 2 [2,7]",
                "missing value of 'age' for criterion \"younger than 18\" = 2 [3,11]",
                CONSENT + " = 1 [4]",
                "missing value of 'consent' for criterion \"" + CONSENT + "\" = 1 [13]",
                "metastatic disease at inclusion = 2 [5,16]");
        assertThat(flow.get("eligible").asInt()).isEqualTo(12);
        List<String> excluded = new ArrayList<>();
        flow.get("excluded").forEach(e -> excluded.add(e.get("reason").asText() + " = " + e.get("count").asInt()
                + " " + e.get("first_rows")));
        assertThat(excluded).containsExactly("missing time (column 'time') = 1 [8]", "missing group ('arm') = 1 [19]");
        assertThat(flow.get("analysed").asInt()).isEqualTo(10);
        assertThat(flow.get("groups").toString()).isEqualTo("[{\"group\":\"A\",\"n\":5},{\"group\":\"B\",\"n\":5}]");
        assertThat(Files.readString(result.outputDir().resolve("tables/flow.csv")))
                .contains("Not eligible: younger than 18,2,\"data rows 2, 7\"").contains("Eligible,12,")
                .contains("Excluded: missing time (column 'time'),1,data row 8").contains("Analysed,10,");
    }

    @Test
    void theExportKeepsEveryRowWithItsReasonAndReadsBackToTheSameCohort() throws IOException {
        Path csv = result.outputDir().resolve("analysis.csv");
        Cohort back = CohortReader.read(csv, CohortSpec.builder().time("analysis_time").event("analysis_event")
                .eventValue("1").group("arm"));
        assertThat(back.rowsRead()).isEqualTo(20);
        assertThat(back.size()).isEqualTo(10);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("source_row,followup_time,followup_event,analysis_time,analysis_event,"
                + "excluded_by,id,age");
        assertThat(lines).hasSize(21);
        assertThat(lines.get(2)).isEqualTo("2,,,,,younger than 18,2,17,yes,IV,5,1,A");
        assertThat(lines.get(4)).isEqualTo("4,,,,,\"no consent: \"\"written\"\" form missing\",4,60,no,I,30,0,B");
        assertThat(lines.get(11)).isEqualTo("11,,,,,\"missing value of 'age' for criterion \"\"younger than 18\"\"\","
                + "11,NA,NA,IV,abc,1,A");
        // eligible rows: derived as without criteria, excluded_by empty
        assertThat(lines.get(1)).isEqualTo("1,12,1,12,1,,1,45,yes,II,12,1,A");
        assertThat(lines.get(8)).isEqualTo("8,,,,,,8,40,yes,III,,1,B");
    }

    @Test
    void survivalEqualsTheSameStudyOnTheEligibleRowsCutOutByHand() throws IOException {
        Path other = dir.resolve("by-hand");
        Files.createDirectories(other);
        List<String> rows = new ArrayList<>();
        for (String line : COHORT.strip().split("\n")) {
            String id = line.substring(0, line.indexOf(','));
            if (id.equals("id") || ELIGIBLE.contains(id)) {
                rows.add(line);
            }
        }
        Files.writeString(other.resolve("cohort.csv"), String.join("\n", rows) + "\n");
        String withoutCriteria = STUDY.substring(0, STUDY.indexOf("include:")) + STUDY.substring(STUDY.indexOf("at:"));
        Files.writeString(other.resolve("study.yaml"), withoutCriteria);
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(StudyReader.read(
                other.resolve("study.yaml")));
        assertThat(r.rowsRead()).isEqualTo(12);
        assertThat(r.analysed()).isEqualTo(10);
        for (String table : List.of("survival", "comparisons", "table1")) {
            assertThat(Files.readString(r.outputDir().resolve("tables/" + table + ".csv"))).as(table)
                    .isEqualTo(Files.readString(result.outputDir().resolve("tables/" + table + ".csv")));
        }
        assertThat(json("survival")).isEqualTo(new ObjectMapper().readTree(r.outputDir()
                .resolve("tables/survival.json").toFile()));
        // and the rows analysed are those picked by hand
        Cohort c = CohortReader.read(result.outputDir().resolve("analysis.csv"), CohortSpec.builder()
                .time("analysis_time").event("analysis_event").eventValue("1").group("arm"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            ids.add(Integer.toString(c.line()[i] - 1)); // line k of the export is data row k - 1, whose id is k - 1
        }
        assertThat(Set.copyOf(ids)).isEqualTo(ANALYSED);
    }

    @Test
    void theFlowFigureIsWrittenWithEveryReasonAndShownInTheReport() throws IOException {
        assertThat(result.files()).contains("figures/flow.svg", "figures/flow.png");
        String svg = Files.readString(result.outputDir().resolve("figures/flow.svg"));
        SvgDoc.parse(svg);
        String text = svg.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace("&#39;", "'")
                .replace("&quot;", "\"");
        assertThat(text).contains("Rows in cohort.csv (n = 20)").contains("Excluded by the eligibility criteria (n = 8)")
                .contains("Eligible (n = 12)").contains("Excluded for missing or invalid data (n = 2)")
                .contains("Analysed (n = 10)").contains("A (n = 5)").contains("B (n = 5)");
        for (String reason : List.of("younger than 18 (n = 2)", "metastatic disease at inclusion (n = 2)",
                "missing time (column 'time') (n = 1)", "missing group ('arm') (n = 1)")) {
            assertThat(text).contains(reason);
        }
        // the long reasons may wrap: compare without blanks
        String packed = text.replace(" ", "");
        for (String reason : List.of(CONSENT + " (n = 1)", "missing value of 'age' for criterion \"younger than 18\""
                + " (n = 2)", "missing value of 'consent' for criterion \"" + CONSENT + "\" (n = 1)")) {
            assertThat(packed).contains(reason.replace(" ", ""));
        }
        assertThat(Files.size(result.outputDir().resolve("figures/flow.png"))).isGreaterThan(1000);
        // the report shows the same figure (Figure 1) and the criteria with their counts
        assertThat(html).contains("id=\"figure-flow\"").contains("<b>Figure 1.</b> Flow of patients")
                .contains("<h3>Eligibility criteria</h3>").contains("<code>age &gt;= 18</code>")
                .contains("<td>Exclude if</td><td><code>stage == &quot;IV&quot;</code></td><td>metastatic disease at"
                        + " inclusion</td><td class=\"num\">2</td>");
    }

    @Test
    void theMethodsNameTheCriteriaWithTheirCounts() {
        assertThat(html).contains("Of 20 patients in the cohort file, 8 were excluded by the eligibility criteria,"
                + " applied in the order listed with each patient counted under the first criterion not met: younger"
                + " than 18 (n = 2); missing value of &#39;age&#39; for criterion &quot;younger than 18&quot; (n = 2);")
                .contains("metastatic disease at inclusion (n = 2). Of the 12 eligible patients, 10 were analysed"
                        + " (2 excluded for missing data).");
    }

    @Test
    void anUnknownColumnInARuleNamesTheLineAndTheClosestColumn() throws IOException {
        Path d = dir.resolve("typo");
        Files.createDirectories(d);
        Files.writeString(d.resolve("cohort.csv"), COHORT);
        Files.writeString(d.resolve("study.yaml"), STUDY.replace("stage == \"IV\"", "stag == \"IV\""));
        assertThatThrownBy(() -> ReportEngine.withDefaults().run(StudyReader.read(d.resolve("study.yaml"))))
                .isInstanceOf(InputException.class)
                .hasMessage("study.yaml, line 11, 'exclude[1].when': criterion 'metastatic disease at inclusion',"
                        + " position 1: unknown column 'stag'. Did you mean 'stage'? The columns of cohort.csv are: id,"
                        + " age, consent, stage, time, status, arm.");
    }

    @Test
    void aValueThatIsNotANumberNamesTheCriterionAndTheRow() throws IOException {
        Path d = dir.resolve("text-age");
        Files.createDirectories(d);
        Files.writeString(d.resolve("cohort.csv"), COHORT.replace("\n10,33,", "\n10,thirty,"));
        Files.writeString(d.resolve("study.yaml"), STUDY);
        assertThatThrownBy(() -> ReportEngine.withDefaults().run(StudyReader.read(d.resolve("study.yaml"))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("study.yaml, line 6, 'include[1].when': criterion 'younger than 18',"
                        + " cohort.csv, line 11: value \"thirty\" of column 'age' is not a number");
    }

    @Test
    void noEligibleRowIsAClearMistake() throws IOException {
        Path d = dir.resolve("none");
        Files.createDirectories(d);
        Files.writeString(d.resolve("cohort.csv"), COHORT);
        Files.writeString(d.resolve("study.yaml"), STUDY.replace("age >= 18", "age >= 180"));
        assertThatThrownBy(() -> ReportEngine.withDefaults().run(StudyReader.read(d.resolve("study.yaml"))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort.csv: no row meets the eligibility criteria of study.yaml (20 rows: 18"
                        + " younger than 18; 2 missing value of 'age'");
    }
}
