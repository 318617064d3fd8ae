package org.survkit.study.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.io.InputException;
import org.survkit.study.Eligibility;
import org.survkit.study.Eligibility.Criterion;
import org.survkit.study.Study;

/** The study file's {@code include} and {@code exclude} lists: read, checked, written back to the same criteria. */
class EligibilityStudyFileTest {

    static final Path SOURCE = Path.of("/tmp/studies/study.yaml");

    static final String STUDY = """
            data: cohort.csv
            time: months
            event: dead
            include:
              - when: age >= 18
                reason: younger than 18
              - when: consent == "yes" and `signed on` != ""
                reason: 'no consent: "written" form missing'
            exclude:
              - when: stage == "IV" or mets in ["brain", "liver"]
                reason: "metastatic disease at inclusion: stage IV"
            """;

    private static String error(String yaml) {
        try {
            StudyReader.parse(yaml, SOURCE);
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    @Test
    void readsTheCriteriaInOrderWithTheirLines() {
        Study s = StudyReader.parse(STUDY, SOURCE);
        Eligibility e = s.eligibility();
        assertThat(e.include()).extracting(Criterion::reason).containsExactly("younger than 18",
                "no consent: \"written\" form missing");
        assertThat(e.exclude()).extracting(Criterion::reason).containsExactly("metastatic disease at inclusion: stage IV");
        assertThat(e.criteria()).extracting(Criterion::key).containsExactly("include[1].when", "include[2].when",
                "exclude[1].when");
        assertThat(e.criteria()).extracting(Criterion::line).containsExactly(5, 7, 10);
        assertThat(e.include().get(1).when().columnNames()).containsExactly("consent", "signed on");
        assertThat(e.columnNames()).containsExactly("age", "consent", "signed on", "stage", "mets");
        assertThat(s.line("include")).isEqualTo(4);
        // no criteria: none
        assertThat(StudyReader.parse("data: c.csv\ntime: t\nevent: e\n", SOURCE).eligibility().isEmpty()).isTrue();
    }

    @Test
    void theWriterWritesThemBackToTheSameCriteria() {
        Study s = StudyReader.parse(STUDY, SOURCE);
        String yaml = StudyWriter.write(s, List.of());
        assertThat(yaml).contains("""
                include:
                  - when: "age >= 18"
                    reason: "younger than 18"
                  - when: "consent == \\"yes\\" and `signed on` != \\"\\""
                    reason: "no consent: \\"written\\" form missing"
                exclude:
                  - when: "stage == \\"IV\\" or mets in [\\"brain\\", \\"liver\\"]"
                    reason: "metastatic disease at inclusion: stage IV"
                """);
        Study back = StudyReader.parse(yaml, SOURCE);
        assertThat(back.eligibility().criteria()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Criterion a = s.eligibility().criteria().get(i);
            Criterion b = back.eligibility().criteria().get(i);
            assertThat(b.include()).isEqualTo(a.include());
            assertThat(b.reason()).isEqualTo(a.reason());
            assertThat(b.when().text()).isEqualTo(a.when().text());
            assertThat(b.position()).isEqualTo(a.position());
        }
        // and once more: the text is stable
        assertThat(StudyWriter.write(back, List.of())).isEqualTo(yaml);
    }

    @Test
    void mistakesNameTheLineTheKeyAndTheFix() {
        assertThat(error(STUDY.replace("    reason: younger than 18\n", "")))
                .isEqualTo("study.yaml, line 5, 'include[1]': the criterion has no reason; give the reason for exclusion"
                        + " that the flow diagram lists for the rows it leaves out, e.g. '- when: age >= 18' with"
                        + " 'reason: \"younger than 18\"'.");
        assertThat(error(STUDY.replace("- when: age >= 18", "- whn: age >= 18")))
                .startsWith("study.yaml, line 5: unknown key 'whn' in 'include[1]'. Did you mean 'when'? Allowed here:"
                        + " when, reason.");
        assertThat(error(STUDY.replace("age >= 18", "age => 18")))
                .startsWith("study.yaml, line 5, 'include[1].when': criterion 'younger than 18', position 5:");
        assertThat(error(STUDY.replace("reason: \"metastatic disease at inclusion: stage IV\"",
                "reason: younger than 18")))
                .isEqualTo("study.yaml, line 11, 'exclude[1].reason': the reason 'younger than 18' is also the reason of"
                        + " include[1]; give each criterion its own reason (combine the rules with 'or' when they mean"
                        + " the same).");
        assertThat(error("data: c.csv\ntime: t\nevent: e\nexclude: []\n"))
                .startsWith("study.yaml, line 4, 'exclude': the list is empty");
        assertThat(error("data: c.csv\ntime: t\nevent: e\nexclude: stage == 4\n"))
                .startsWith("study.yaml, line 4, 'exclude': expected a list");
        assertThat(error("data: c.csv\ntime: t\nevent: e\nincludes:\n  - when: a > 1\n    reason: x\n"))
                .startsWith("study.yaml, line 4: unknown key 'includes'. Did you mean 'include'?");
    }

    @Test
    void theMissingValueReasonNamesTheColumnsAndTheCriterion() {
        Criterion c = StudyReader.parse(STUDY, SOURCE).eligibility().include().get(1);
        assertThat(c.missingReason(List.of("consent"))).isEqualTo("missing value of 'consent' for criterion"
                + " \"no consent: \"written\" form missing\"");
        assertThat(c.missingReason(List.of("consent", "signed on"))).startsWith("missing values of 'consent',"
                + " 'signed on' for criterion");
        assertThat(c.isMissingReason(c.missingReason(List.of("consent")))).isTrue();
        assertThat(c.isMissingReason(c.reason())).isFalse();
        assertThatThrownBy(() -> c.missingReason(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
