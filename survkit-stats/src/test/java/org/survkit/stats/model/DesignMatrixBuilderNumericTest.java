package org.survkit.stats.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A numeric covariate must hold finite numbers; the first value that is not one is named with its row. */
class DesignMatrixBuilderNumericTest {

    @Test
    void finiteValuesOfAnySignAreTaken() {
        double[] x = {-0.0, 0.0, -1e308, 1e308, Double.MIN_VALUE, -3.5};
        DesignMatrix d = DesignMatrixBuilder.of(x.length).numeric("x", x).build(List.of("x"));
        assertThat(d.columns()[0]).containsExactly(x);
    }

    @Test
    void theFirstValueThatIsNotFiniteIsNamed() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[] x = {1, 2, 3, bad, 5, Double.NaN};
            assertThatThrownBy(() -> DesignMatrixBuilder.of(x.length).numeric("age", x))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("covariate 'age' of observation 4 is not a finite number: " + bad);
        }
    }
}
