package org.survkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.io.InputException;
import org.survkit.report.analysis.StudyAnalysis;
import org.survkit.study.file.StudyReader;

/**
 * A study with entry times ({@code time.entry}) and {@code competing_risks}: the cumulative incidence table is R's
 * multi-state survfit of the (entry, time] rows, there is no Gray's test (the note says why), and the Fine–Gray model
 * is the left-truncated one of {@code survkit finegray --start}.
 * // R 4.x, survival 3.5-3: summary(survfit(Surv(entry, time, factor(status)) ~ arm, data = cohort, id = row),
 * times = c(2, 4)) and finegray(Surv(entry, time, ev) ~ ., id = row) + coxph(Surv(fgstart, fgstop, fgstatus) ~ arm + x,
 * weights = fgwt) — reference/cif-entry/refgen_cif_entry.R wrote src/test/resources/reference/cif-entry/.
 */
class ReportCifEntryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode reference;

    @BeforeEach
    void copyCohort() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reference/cif-entry/cohort.csv")) {
            Files.copy(in, dir.resolve("cohort.csv"));
        }
        try (InputStream in = getClass().getResourceAsStream("/reference/cif-entry/report_cif_entry.json")) {
            reference = JSON.readTree(in);
        }
    }

    private ReportEngine.Result run(String extra) throws IOException {
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {column: time, unit: months, entry: entry}
                event: {column: status, value: 1}
                groups: {column: arm}
                at: [2, 4]
                conf_type: log-log
                competing_risks:
                  censor_value: 0
                  causes: {1: Relapse, 2: Death}
                  finegray: [x]
                output: out
                """ + extra);
        return ReportEngine.withDefaults().withPng(false).run(StudyReader.read(dir.resolve("study.yaml")));
    }

    private static JsonNode curve(JsonNode cif, String group, double cause) {
        return ReportCompetingRisksTest.curve(cif, group, cause);
    }

    @Test
    void cumulativeIncidenceAndFineGrayEqualR() throws IOException {
        ReportEngine.Result r = run("");
        JsonNode cif = JSON.readTree(r.outputDir().resolve("tables/cif.json").toFile());
        assertThat(cif.get("entry").asBoolean()).isTrue();
        int checked = 0;
        for (JsonNode ref : reference.get("at")) {
            String g = ref.get("group").asText().equals("all") ? StudyAnalysis.ALL : ref.get("group").asText();
            int k = ref.get("time").asDouble() == 2 ? 0 : 1;
            for (int cause = 1; cause <= 2; cause++) {
                JsonNode x = curve(cif, g, cause).get("at").get(k);
                assertThat(x.get("time").asDouble()).isEqualTo(ref.get("time").asDouble());
                assertThat(x.get("cif").asDouble()).as(g + " cause " + cause + " at " + ref.get("time"))
                        .isCloseTo(ref.get("cif").get(cause - 1).asDouble(), within(1e-9));
                assertThat(Math.sqrt(x.get("variance").asDouble())).as(g + " se cause " + cause)
                        .isCloseTo(ref.get("se").get(cause - 1).asDouble(), within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(12);

        // no Gray's test with entry times: no table, and the note says why
        assertThat(r.outputDir().resolve("tables/gray.json")).doesNotExist();
        String html = Files.readString(r.html()).replace("&#39;", "'");
        assertThat(html).contains("Gray's test is not shown: it is defined for right-censored data only (R cmprsk's"
                + " cuminc takes no entry times)");
        assertThat(html).contains("infinitesimal jackknife");

        // the left-truncated Fine–Gray model (finegray() + weighted coxph, robust standard errors)
        JsonNode fg = JSON.readTree(r.outputDir().resolve("tables/finegray.json").toFile());
        assertThat(fg.get("entry").asBoolean()).isTrue();
        JsonNode ref = reference.get("finegray");
        for (int i = 0; i < 2; i++) {
            JsonNode k = fg.get("coefficients").get(i);
            assertThat(k.get("coef").asDouble()).as(ref.get("terms").get(i).asText())
                    .isCloseTo(ref.get("coef").get(i).asDouble(), within(1e-6));
            assertThat(k.get("se").asDouble()).isCloseTo(ref.get("robust_se").get(i).asDouble(), within(1e-6));
        }
    }

    @Test
    void caseWeightsWithCompetingRisksAreStillRefused() throws IOException {
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {column: time, entry: entry}
                event: {column: status, value: 1}
                weights: x
                competing_risks: {censor_value: 0}
                """);
        assertThatThrownBy(() -> StudyReader.read(dir.resolve("study.yaml"))).isInstanceOf(InputException.class)
                .hasMessageContaining("takes no case weights here");
    }
}
