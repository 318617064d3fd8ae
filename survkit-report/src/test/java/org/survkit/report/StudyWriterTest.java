package org.survkit.report;

import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import org.survkit.study.file.StudyWriter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyWriterTest {

    private static void assertSameStudy(Study written, Study original) {
        assertThat(written).usingRecursiveComparison()
                .withComparatorForType(Double::compare, Double.class)
                .ignoringFields("lines", "data.line", "time.lines", "event.line", "groups.line", "groups.rules.line",
                        "groups.rules.when.columns", "table1.line", "comparisons.line", "cox.line",
                        "competingRisks.lines", "competingRisks.causes.line", "competingRisks.fineGray.line")
                .isEqualTo(original);
        if (original.groups() != null) {
            for (int i = 0; i < original.groups().rules().size(); i++) {
                assertThat(written.groups().rules().get(i).when().text())
                        .isEqualTo(original.groups().rules().get(i).when().text());
            }
        }
    }

    @Test
    void theExampleStudyRoundTrips() {
        Path file = Path.of("../examples/rapamycin-mbc/study.yaml");
        Study s = StudyReader.read(file);
        String yaml = StudyWriter.write(s, List.of("a comment"));
        assertThat(yaml).startsWith(StudyWriter.MARKER).contains("# a comment\n")
                .contains("      when: \"(er == \\\"positive\\\" or pr == \\\"positive\\\") and her2 == \\\"negative\\\"\"");
        assertSameStudy(StudyReader.parse(yaml, file), s);
    }

    @Test
    void quickStudyRoundTripsAndPointsAtTheData() {
        Path studyFile = Path.of("/tmp/out/run1/study.yaml");
        Study q = new QuickStudy(Path.of("/tmp/data/lung.csv"), QuickStudy.Reading.none(), null, "time", "days", "status", "2", "sex",
                List.of("age", "ph.ecog"), List.of("age"), new double[] {180, 365}, Double.NaN, null).toStudy(studyFile);
        assertThat(q.data().path()).isEqualTo(Path.of("../../data/lung.csv"));
        assertThat(q.dataFile()).isEqualTo(Path.of("/tmp/data/lung.csv"));
        assertThat(q.outputDir()).isEqualTo(Path.of("/tmp/out/run1"));
        assertThat(q.cox().get(0).covariates()).containsExactly("sex", "age");
        String yaml = StudyWriter.write(q, List.of());
        assertSameStudy(StudyReader.parse(yaml, studyFile), q);
    }

    @Test
    void hostileTextsAreQuotedSafely() {
        assertThat(StudyWriter.q("a \"b\" \\ c\nd\u0001")).isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\\x01\"");
        Study q = new QuickStudy(Path.of("/d/x.csv"), QuickStudy.Reading.none(), null, "t: #x", null, "e\"", "yes", "g'", List.of("- a"),
                List.of(), new double[0], 60, "<b>").toStudy(Path.of("/d/o/study.yaml"));
        Study back = StudyReader.parse(StudyWriter.write(q, List.of("line\nbreak")), Path.of("/d/o/study.yaml"));
        assertThat(back.time().column()).isEqualTo("t: #x");
        assertThat(back.event().column()).isEqualTo("e\"");
        assertThat(back.event().value()).isEqualTo("yes");
        assertThat(back.groups().column()).isEqualTo("g'");
        assertThat(back.table1().get(0).column()).isEqualTo("- a");
        assertThat(back.endpoint()).isEqualTo("<b>");
        assertThat(back.at()).containsExactly(60);
    }
}
