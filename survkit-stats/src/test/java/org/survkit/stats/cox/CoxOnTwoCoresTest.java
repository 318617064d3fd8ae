package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.survkit.stats.model.DesignMatrix;

/**
 * From 65,536 rows the Cox preparation, the risk scores, the linear predictors and the Gram products run in two fixed
 * halves on two threads, and {@link CoxRegression#fitAndTest} computes the PH test beside the concordance: the results
 * must not depend on thread timing, and one {@link PreparedCoxData} must serve fits running at the same time.
 * (The smaller R reference cases run on one thread; these are identities, not reference values.)
 */
class CoxOnTwoCoresTest {

    /** 100,000 seeded rows: times rounded to 0.01 (many ties), 20 % censored, three continuous columns, one 0/1. */
    private static CoxData large() {
        Random rnd = new Random(20261206);
        int n = 100_000;
        double[][] x = new double[4][n];
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = rnd.nextGaussian();
            x[1][i] = rnd.nextGaussian() * 3 + 1;
            x[2][i] = Math.round(rnd.nextDouble() * 100) / 10.0;
            x[3][i] = rnd.nextInt(2);
            double rate = Math.exp(0.3 * x[0][i] - 0.1 * x[1][i] + 0.5 * x[3][i]);
            time[i] = Math.max(0.01, Math.round(-Math.log(rnd.nextDouble()) / rate * 100) / 100.0);
            event[i] = rnd.nextDouble() < 0.8;
        }
        DesignMatrix design = new DesignMatrix(List.of("a", "b", "c", "d"), new int[] {0, 1, 2, 3},
                List.of("a", "b", "c", "d"), x);
        return CoxData.of(time, event, design);
    }

    private static void assertSame(TestedCoxModel a, TestedCoxModel b) {
        assertThat(a.model().coef()).isEqualTo(b.model().coef());
        assertThat(a.model().loglik()).isEqualTo(b.model().loglik());
        assertThat(a.model().variance()).isDeepEqualTo(b.model().variance());
        assertThat(a.model().concordance()).isEqualTo(b.model().concordance());
        assertThat(a.model().linearPredictors()).isEqualTo(b.model().linearPredictors());
        assertThat(a.proportionalHazards().terms()).isEqualTo(b.proportionalHazards().terms());
        assertThat(a.proportionalHazards().global()).isEqualTo(b.proportionalHazards().global());
    }

    @Test
    void sameResultsEveryRunAndAsTheSeparateCalls() {
        CoxData data = large();
        CoxRegression engine = CoxRegression.withDefaults();
        TestedCoxModel first = engine.fitAndTest(PreparedCoxData.of(data), null, ZphTransform.KM, true);
        for (int run = 0; run < 3; run++) {
            assertSame(engine.fitAndTest(PreparedCoxData.of(data), null, ZphTransform.KM, true), first);
        }
        CoxModel alone = engine.fit(data);
        ZphResult tests = ProportionalHazardsTest.tests(data, alone, ZphTransform.KM, true);
        assertSame(new TestedCoxModel(alone, tests), first);
    }

    @Test
    void onePreparationServesFitsRunningAtTheSameTime() {
        PreparedCoxData prepared = PreparedCoxData.of(large());
        CoxRegression efron = CoxRegression.withDefaults();
        CoxRegression breslow = CoxRegression.withDefaults().with(Ties.BRESLOW);
        TestedCoxModel e = efron.fitAndTest(prepared, null, ZphTransform.KM, true);
        TestedCoxModel b = breslow.fitAndTest(prepared, null, ZphTransform.RANK, true);
        List<CompletableFuture<TestedCoxModel>> runs = List.of(
                CompletableFuture.supplyAsync(() -> efron.fitAndTest(prepared, null, ZphTransform.KM, true)),
                CompletableFuture.supplyAsync(() -> breslow.fitAndTest(prepared, null, ZphTransform.RANK, true)),
                CompletableFuture.supplyAsync(() -> efron.fitAndTest(prepared, null, ZphTransform.KM, true)));
        assertSame(runs.get(0).join(), e);
        assertSame(runs.get(1).join(), b);
        assertSame(runs.get(2).join(), e);
        assertThat(b.model().coef()).isNotEqualTo(e.model().coef()); // the views did not share their ties
    }
}
