package org.survkit.study.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.survkit.io.Cohort;
import org.survkit.io.Covariate;
import org.survkit.io.InputException;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;

/** The model frame's rules: level order, reference level, interactions, and messages in each front end's words. */
class ModelFrameTest {
    private static final String[] STAGE = {"III", "I", "II", "I", "III", "II"};
    private static final double[] AGE = {60, 50, 70, 65, 55, 58};

    private static Cohort cohort(List<String> stageLevels) {
        int n = STAGE.length;
        double[] t = {1, 2, 3, 4, 5, 6};
        boolean[] e = {true, false, true, true, false, true};
        int[] line = {2, 3, 4, 5, 6, 7};
        return new Cohort("f.csv", t, e, null, null, line, n, List.of(), List.of(),
                List.of(new Covariate("stage", null, STAGE, stageLevels), new Covariate("age", AGE, null)), null, null,
                null);
    }

    @Test
    void factorsFollowTheStudysOrderThenTheFactorOrderWithTheFirstPresentLevelAsReference() {
        ModelFrame f = ModelFrame.of(cohort(null), List.of("stage", "age"), Map.of(), Map.of(), Where.COMMAND_LINE,
                StudyKeys.REFERENCE);
        assertThat(f.design().columnNames()).containsExactly("stage=II", "stage=III", "age");
        assertThat(f.references()).containsEntry("stage", "I");
        ModelFrame ordered = ModelFrame.of(cohort(null), List.of("stage"), Map.of(),
                Map.of("stage", List.of("III", "II", "I")), Where.COMMAND_LINE, StudyKeys.REFERENCE);
        assertThat(ordered.design().columnNames()).containsExactly("stage=II", "stage=I");
        assertThat(ordered.levels().get("stage")).containsExactly("III", "II", "I");
    }

    @Test
    void aLevelSeenOnlyInExcludedRowsIsNeverTheReference() {
        // "0" occurs only in rows excluded for another missing value: R keeps the level, it is not the reference
        ModelFrame f = ModelFrame.of(cohort(List.of("0", "I", "II", "III")), List.of("stage"), Map.of(), Map.of(),
                Where.COMMAND_LINE, StudyKeys.REFERENCE);
        assertThat(f.references()).containsEntry("stage", "I");
        assertThat(f.design().columnNames()).containsExactly("stage=0", "stage=II", "stage=III");
    }

    @Test
    void aGivenReferenceWinsAndInteractionsMultiplyTheirParts() {
        ModelFrame f = ModelFrame.of(cohort(null), List.of("age", "age:stage"), Map.of("stage", "III"), Map.of(),
                Where.COMMAND_LINE, StudyKeys.REFERENCE);
        assertThat(f.references()).containsEntry("stage", "III");
        assertThat(f.design().columnNames()).contains("age");
        assertThat(f.design().columnNames().stream().filter(n -> n.startsWith("age:"))).isNotEmpty();
    }

    @Test
    void mistakesNameTheKeyAsEachFrontEndWritesIt() {
        assertThatThrownBy(() -> ModelFrame.of(cohort(null), List.of("stage"), Map.of("stage", "IV"), Map.of(),
                Where.COMMAND_LINE, StudyKeys.REFERENCE)).isInstanceOf(InputException.class)
                .hasMessage("--reference: 'IV' is not a value of 'stage'; its values are I, II, III.");
        assertThatThrownBy(() -> ModelFrame.of(cohort(null), List.of("age"), Map.of("age", "60"), Map.of(),
                Where.file("study.yaml", 14), StudyKeys.REFERENCE))
                .hasMessage("study.yaml, line 14, 'cox.reference': 'age' is numeric, so it has no reference level;"
                        + " add it to 'categorical' to treat it as a factor.");
        assertThatThrownBy(() -> ModelFrame.of(cohort(null), List.of("age"), Map.of("grade", "1"), Map.of(),
                Where.WEB_PAGE, StudyKeys.REFERENCE)).hasMessageStartingWith("Reference levels: 'grade' is not among");
    }
}
