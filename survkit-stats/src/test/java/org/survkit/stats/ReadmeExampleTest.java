package org.survkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.FirthCoxModel;
import org.survkit.stats.cox.FirthCoxRegression;
import org.survkit.stats.cox.ProportionalHazardsTest;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.RestrictedMean;
import org.survkit.stats.km.RestrictedMeanComparison;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalQuantile;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TwoGroupHazardRatios;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.DesignMatrixBuilder;
import org.survkit.stats.planning.SampleSize;
import org.survkit.stats.reconstruct.IpdReconstruction;
import org.survkit.stats.reconstruct.ReconstructedIpd;

/**
 * The Java example of the README, verbatim, with its printed numbers checked. The data are R's
 * {@code aml} (survival 3.5-3); expected values: R 4.2.2, survival 3.5-3,
 * {@code survfit(Surv(time, status) ~ x, aml, conf.type = "log")} median 31 [18, NA] for
 * Maintained and {@code survdiff(Surv(time, status) ~ x, aml)} chisq 3.3963887, p 0.0653393.
 * The README's {@code import org.survkit.stats…} lines name classes that exist and are this file's
 * imports (this test, in {@code org.survkit.stats}, needs none for that package's own classes).
 */
class ReadmeExampleTest {
    private static final Pattern STATS_IMPORT = Pattern.compile("^import (org\\.survkit\\.stats\\.[\\w.]+);$", Pattern.MULTILINE);

    @Test
    void readmeImportsAreTheImportsOfThisTest() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int from = readme.indexOf("\n## Java API");
        assertThat(from).as("README section 'Java API'").isPositive();
        int to = readme.indexOf("\n## ", from + 1);
        List<String> documented = statsImports(readme.substring(from, to < 0 ? readme.length() : to));
        for (String name : documented) {
            Class.forName(name); // throws if the README names a class where it is not
        }
        String self = Files.readString(Path.of("src/test/java/org/survkit/stats/ReadmeExampleTest.java"));
        assertThat(documented.stream().filter(n -> n.lastIndexOf('.') > "org.survkit.stats".length()))
                .as("README's imports (but those of org.survkit.stats itself) vs ReadmeExampleTest's")
                .containsExactlyInAnyOrderElementsOf(statsImports(self));
    }

    private static List<String> statsImports(String text) {
        return STATS_IMPORT.matcher(text).results().map(r -> r.group(1)).toList();
    }

    @Test
    void readmeExample() {
        double[] time = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
        boolean[] event = {true, true, false, true, true, false, true, true, false, true, false,
                           true, true, true, true, true, false, true, true, true, true, true, true};
        String[] arm = {"M", "M", "M", "M", "M", "M", "M", "M", "M", "M", "M",
                        "N", "N", "N", "N", "N", "N", "N", "N", "N", "N", "N", "N"};

        List<GroupCurve> curves = KaplanMeier.withDefaults().with(ConfidenceType.LOG).fit(time, event, arm);
        SurvivalQuantile median = curves.get(0).curve().median();          // 31 [18, NA]
        List<SurvivalAtTime> at = curves.get(0).curve().at(12, 24, 36);
        RestrictedMean rmst = curves.get(0).curve().restrictedMean(48);

        LogRankResult lr = LogRankTest.withDefaults().test(time, event, arm);               // chisq 3.40, p 0.065
        LogRankResult fh = LogRankTest.withDefaults().withFlemingHarrington(0, 1).test(time, event, arm);
        List<PairwiseComparison> pw = LogRankTest.withDefaults().pairwise(time, event, arm, null, PValueAdjustment.HOLM);
        TwoGroupHazardRatios hr = LogRankTest.withDefaults().hazardRatio(time, event, arm, null, 0.95);

        DesignMatrix x = DesignMatrixBuilder.of(23).categorical("arm", arm).build(List.of("arm"));
        CoxModel cox = CoxRegression.withDefaults().fit(CoxData.of(time, event, x));   // Efron ties, as R
        CoxCoefficient n = cox.coefficient("arm=N");                                   // hr, hrLower, hrUpper, pValue
        ZphResult ph = ProportionalHazardsTest.of(CoxData.of(time, event, x), cox);    // cox.zph
        FirthCoxModel firth = FirthCoxRegression.withDefaults().fit(CoxData.of(time, event, x));

        // R 4.2.2, survival 3.5-3: coxph(Surv(time, status) ~ x, aml) (reference/aml_x.json): coef 0.915533, p 0.0737149
        assertThat(n.coef()).isCloseTo(0.915532, within(1e-5));
        assertThat(n.pValue()).isCloseTo(0.0737148606390457, within(1e-6));
        assertThat(ph.global().df()).isEqualTo(1);
        assertThat(firth.coefficients().get(0).coef()).isBetween(0.5, n.coef());
        assertThat(median.estimate()).isEqualTo(31);
        assertThat(median.lower()).isEqualTo(18);
        assertThat(median.upper()).isNaN();
        assertThat(at).hasSize(3);
        assertThat(rmst.tau()).isEqualTo(48);
        assertThat(lr.statistic()).isCloseTo(3.3963886989776, within(1e-9));
        assertThat(lr.pValue()).isCloseTo(0.0653393220405048, within(1e-9));
        assertThat(fh.weighting().name()).isEqualTo("FLEMING_HARRINGTON"); // by name: the README imports no Weighting
        assertThat(pw).hasSize(1);
        assertThat(pw.get(0).pAdjusted()).isCloseTo(lr.pValue(), within(1e-12));
        assertThat(hr.reference()).isEqualTo("M");
        assertThat(hr.mantelHaenszel().estimate()).isGreaterThan(1);
    }

    @Test
    void readmeBeyondExample() {
        double[] time = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
        boolean[] event = {true, true, false, true, true, false, true, true, false, true, false,
                           true, true, true, true, true, false, true, true, true, true, true, true};
        String[] arm = {"M", "M", "M", "M", "M", "M", "M", "M", "M", "M", "M",
                        "N", "N", "N", "N", "N", "N", "N", "N", "N", "N", "N", "N"};
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(time, event, arm);
        DesignMatrix x = DesignMatrixBuilder.of(23).categorical("arm", arm).build(List.of("arm"));

        double events = SampleSize.withDefaults().events(0.5);             // HR 0.5, 5% two-sided, 80%: 65.3 events
        RestrictedMeanComparison rm = RestrictedMeanComparison.of(curves.get(0), curves.get(1), 48, 0.95);
        double[] status = new double[23];                                  // 0 censored, causes 1 and 2
        for (int i = 0; i < 23; i++) {
            status[i] = !event[i] ? 0 : i % 3 == 0 ? 2 : 1;
        }
        CumulativeIncidenceResult cif = CumulativeIncidence.withDefaults().fit(time, status, 0, arm, null);
        FineGrayModel fg = FineGrayRegression.withDefaults().fit(time, status, 0, 1, x);   // as cmprsk crr
        ReconstructedIpd ipd = IpdReconstruction.withDefaults().reconstruct(      // Guyot et al. 2012
                new double[] {0, 10, 20, 30, 40}, new double[] {1, 0.8, 0.6, 0.5, 0.4},
                new double[] {0, 20}, new int[] {50, 28});

        // Schoenfeld (1983): 4 (z.975 + z.8)^2 / log(0.5)^2 = 65.345
        assertThat(events).isCloseTo(65.345, within(1e-3));
        assertThat(rm.difference().estimate()).isCloseTo(rm.rmstComparison().estimate() - rm.rmstReference().estimate(),
                within(1e-12));
        assertThat(cif.curves()).hasSize(4); // 2 groups x 2 causes
        assertThat(cif.tests()).hasSize(2);  // Gray's test per cause
        assertThat(fg.coefficients()).hasSize(1);
        assertThat(ipd.time()).hasSize(50);
    }
}
