package org.survkit.report;

import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import org.survkit.study.file.StudyWriter;
import org.survkit.study.file.YamlTree;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
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

    /** Characters that end a YAML line or comment, or that YAML refuses raw, mixed with YAML's own syntax. */
    private static final String[] PIECES = {"\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\t", "\u0000",
        "\u0001", "\u001b", "\u007f", "\u0080", "\u009f", "\u00a0", "\ufeff", "\ufffe", "\uffff", "#", "# ", ": ",
        ":", "- ", "\"", "'", "\\", "\\n", "{", "}", "[", "]", ",", "&a", "*a", "!!str ", "|", ">", "%", "@", "`",
        "horizon: 90", "\nhorizon: 90 #", "\u2028horizon: 90 #", "---", "...", " ", "Lung OS", "é", "日本", "\ud83d\ude00"};

    private static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(4) == 0 ? Character.toString((char) r.nextInt(0xD800)) : PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void randomTextsRoundTripAndAddNoKey() {
        // property test (seeded): texts with every YAML line break, control characters and YAML syntax, in the
        // header comment and in every quoted value, read back to the same study with the same keys
        Random r = new Random(20260611L);
        Path studyFile = Path.of("/d/o/study.yaml");
        Study plain = new QuickStudy(Path.of("/d/x.csv"), QuickStudy.Reading.none(), null, "time", null, "status", "1", "arm", List.of("age"),
                List.of("age"), new double[] {12}, Double.NaN, "OS").toStudy(studyFile);
        var plainKeys = YamlTree.parse(StudyWriter.write(plain, List.of("study 'x'")), "study.yaml");
        for (int i = 0; i < 2_000; i++) {
            String name = randomText(r);
            // column names are read trimmed (as a header is), so they start and end with a letter here
            Study q = new QuickStudy(Path.of("/d/x.csv"), QuickStudy.Reading.none(), null, "t" + randomText(r) + "t", null,
                    "e" + randomText(r) + "e", randomText(r), "g" + randomText(r) + "g",
                    List.of("c" + randomText(r) + "c"), List.of("age"), new double[] {12}, Double.NaN,
                    randomText(r)).toStudy(studyFile);
            String yaml = StudyWriter.write(q, List.of("Made by survkit serve, study '" + name + "'."));
            assertThat(yaml.lines().filter(l -> l.startsWith("#")).count()).as(yaml).isEqualTo(3);
            assertSameStudy(StudyReader.parse(yaml, studyFile), q);
            assertThat(((YamlTree.Mapping) YamlTree.parse(yaml, "study.yaml")).entries().keySet())
                    .isEqualTo(((YamlTree.Mapping) plainKeys).entries().keySet());
        }
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacter() {
        assertThat(StudyWriter.q("a\ud800b")).isEqualTo("\"a\ufffdb\"");
        assertThat(StudyWriter.q("\u2028\u2029\u0085\ufeff")).isEqualTo("\"\\u2028\\u2029\\x85\\uFEFF\"");
        assertThat(StudyWriter.commentText("a\u2028b\u0085c\rd\ud800")).isEqualTo("a b c d ");
    }
}
