package org.survkit.study.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.survkit.io.Cohort;
import org.survkit.io.Covariate;
import org.survkit.io.InputException;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;

/**
 * A categorical covariate with more levels than a model can take is refused before the fit, saying why in the front
 * end's words: a number column made text by a word in it (an 80,000-row export whose first dose was "n/a" had run
 * for minutes with 13 GB and no end), or an identifier.
 */
class ModelFrameLevelsTest {

    private static Cohort cohort(int n, IntFunction<String> value) {
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        int[] line = new int[n];
        String[] x = new String[n];
        for (int i = 0; i < n; i++) {
            t[i] = i + 1;
            e[i] = i % 2 == 0;
            line[i] = i + 2;
            x[i] = value.apply(i);
        }
        return new Cohort("export.csv", t, e, null, null, line, n, List.of(), List.of(),
                List.of(new Covariate("dose", null, x)), null, null, null);
    }

    private static ModelFrame frame(Cohort c, Where where) {
        return ModelFrame.of(c, List.of("dose"), Map.of(), Map.of(), where, StudyKeys.REFERENCE);
    }

    @Test
    void aNumberColumnWithAWordInItIsNamedWithTheWordAndItsLine() {
        // dose "n/a" on the first row, then 300 different numbers with a decimal comma
        Cohort c = cohort(301, i -> i == 0 ? "n/a" : i + ",5");
        assertThatThrownBy(() -> frame(c, Where.COMMAND_LINE)).isInstanceOf(InputException.class)
                .hasMessage("covariate 'dose' was read as categorical with 301 different values, more than the 200 a"
                        + " model can take as levels (one coefficient each). Most of its values are numbers: the values"
                        + " that are not (e.g. 'n/a' on line 2 of export.csv) made it a text column. If they mean"
                        + " missing, add them to --na; otherwise correct them in the file.");
        assertThatThrownBy(() -> frame(c, Where.file("study.yaml", 7))).hasMessageContaining("add them to 'na'");
    }

    @Test
    void anIdentifierIsToBeLeftOutOrMadeStrata() {
        Cohort c = cohort(250, i -> "patient-" + i);
        assertThatThrownBy(() -> frame(c, Where.COMMAND_LINE)).isInstanceOf(InputException.class)
                .hasMessageContaining("with 250 different values")
                .hasMessageContaining("leave it out of the model; for a grouping with many values, use --strata");
    }

    @Test
    void twoHundredLevelsAreStillAFactor() {
        ModelFrame f = frame(cohort(400, i -> "centre " + i % 200), Where.COMMAND_LINE);
        assertThat(f.design().width()).isEqualTo(199);
    }
}
