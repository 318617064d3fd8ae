package org.survkit.stats.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R's {@code terms}/{@code model.matrix} rules for a factor in an interaction. Expected columns are R 4.2.2's
 * {@code colnames(model.matrix(~ ..., d))[-1]} with {@code factor(f)L} written {@code f=L}; the fitted values of
 * these designs against coxph and crr are in survkit-study's {@code ModelTermsReferenceTest}.
 */
class DesignMatrixBuilderTermsTest {
    private static final double[] X = {1, 2, 3, 4, 5, 6};
    private static final String[] F = {"a", "b", "a", "b", "a", "b"};
    private static final String[] G = {"u", "v", "w", "u", "v", "w"};

    private static DesignMatrix build(String... terms) {
        return DesignMatrixBuilder.of(6).numeric("x", X).categorical("f", F).categorical("g", G).build(List.of(terms));
    }

    @Test
    void aFactorWhosePartnerIsNoTermIsCodedByIndicators() {
        // R: model.matrix(~ x:f): x:fa x:fb; ~ x + x:f: x x:fb
        assertThat(build("x:f").columnNames()).containsExactly("x:f=a", "x:f=b");
        assertThat(build("x:f").columns()[0]).containsExactly(1, 0, 3, 0, 5, 0);
        assertThat(build("x", "x:f").columnNames()).containsExactly("x", "x:f=b");
        // R: ~ f:g: fa:gu fb:gu fa:gv fb:gv fa:gw fb:gw (f varies fastest); ~ f + f:g: fb fa:gv fb:gv fa:gw fb:gw
        assertThat(build("f:g").columnNames()).containsExactly("f=a:g=u", "f=b:g=u", "f=a:g=v", "f=b:g=v", "f=a:g=w",
                "f=b:g=w");
        assertThat(build("f", "f:g").columnNames()).containsExactly("f=b", "f=a:g=v", "f=b:g=v", "f=a:g=w", "f=b:g=w");
    }

    @Test
    void termsAreSortedByOrderAndTheirVariablesByFirstAppearance() {
        // R: terms(~ x:f + f) labels f, x:f; terms(~ f + x:f) labels f, f:x
        DesignMatrix d = build("x:f", "f");
        assertThat(d.termLabels()).containsExactly("f", "x:f");
        assertThat(d.columnNames()).containsExactly("f=b", "x:f=a", "x:f=b");
        assertThat(d.assign()).containsExactly(0, 1, 1);
        assertThat(build("f", "x:f").termLabels()).containsExactly("f", "f:x");
        assertThat(build("f", "x:f").columnNames()).containsExactly("f=b", "f=a:x", "f=b:x");
    }

    @Test
    void rsSubsetTestCodesAFactorByContrastsWhenTheRestLiesInsideAPrecedingTerm() {
        // R: ~ x:f + x:g: x:fa x:fb x:gv x:gw (x lies inside x:f, so g by contrasts)
        assertThat(build("x:f", "x:g").columnNames()).containsExactly("x:f=a", "x:f=b", "x:g=v", "x:g=w");
        assertThat(DesignMatrixBuilder.byContrasts(List.of("x", "g"), "g", List.of(List.of("x", "f")))).isTrue();
        assertThat(DesignMatrixBuilder.byContrasts(List.of("x", "g"), "g", List.of(List.of("f")))).isFalse();
    }

    @Test
    void theSameTermWrittenTwiceIsRefused() {
        assertThatThrownBy(() -> build("x:f", "f:x")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> build("x:x")).hasMessageContaining("twice");
    }
}
