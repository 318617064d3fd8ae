package org.survkit.stats.km;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.stats.ReferenceCase;

/**
 * RMST difference and ratio (survRM2 rmst2 formulas) on R's aml data. The per-group RMST and its SE are
 * R's: R 4.2.2, survival 3.5-3, print(survfit(Surv(time, status) ~ x, aml), rmean = 48)
 * (reference/aml_x.json, km block); the comparison is their closed form.
 */
class RestrictedMeanComparisonTest {

    @Test
    void differenceAndRatioFromRsRestrictedMeans() {
        ReferenceCase aml = ReferenceCase.named("aml_x");
        JsonNode groups = aml.json.get("km").get("log").get("groups");
        double m1 = groups.get(0).get("rmst").get("estimate").asDouble();
        double s1 = groups.get(0).get("rmst").get("se").asDouble();
        double m2 = groups.get(1).get("rmst").get("estimate").asDouble();
        double s2 = groups.get(1).get("rmst").get("se").asDouble();
        double tau = groups.get(0).get("rmst").get("tau").asDouble();
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(aml.time, aml.event, aml.group);
        RestrictedMeanComparison c = RestrictedMeanComparison.of(curves.get(0), curves.get(1), tau, 0.95);
        double z = 1.959963984540054;
        double d = m2 - m1;
        double se = Math.sqrt(s1 * s1 + s2 * s2);
        assertThat(c.reference()).isEqualTo("Maintained");
        assertThat(c.difference().estimate()).isCloseTo(d, within(1e-9));
        assertThat(c.difference().lower()).isCloseTo(d - z * se, within(1e-8));
        assertThat(c.difference().upper()).isCloseTo(d + z * se, within(1e-8));
        assertThat(c.difference().pValue()).isCloseTo(2 * (1 - cdf(Math.abs(d) / se)), within(1e-8));
        double lr = Math.log(m2 / m1);
        double ser = Math.sqrt(s1 * s1 / (m1 * m1) + s2 * s2 / (m2 * m2));
        assertThat(c.ratio().estimate()).isCloseTo(m2 / m1, within(1e-9));
        assertThat(c.ratio().lower()).isCloseTo(Math.exp(lr - z * ser), within(1e-8));
        assertThat(c.ratio().upper()).isCloseTo(Math.exp(lr + z * ser), within(1e-8));
        assertThat(c.difference().estimate()).isNegative(); // non-maintained patients relapse sooner
    }

    /** Standard normal CDF via the error function's complement (Abramowitz-Stegun-free: commons). */
    static double cdf(double x) {
        return org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).cumulativeProbability(x);
    }

    @Test
    void defaultTauIsTheShortestGroupsLastTime() {
        // survRM2 rmst2's default tau: min over arms of the largest observed time (event or censoring)
        KaplanMeier km = KaplanMeier.withDefaults();
        java.util.List<GroupCurve> curves = java.util.List.of(
                new GroupCurve("A", km.fit(new double[] {1, 4, 9}, new boolean[] {true, false, false})),
                new GroupCurve("B", km.fit(new double[] {2, 6}, new boolean[] {true, true})));
        org.assertj.core.api.Assertions.assertThat(RestrictedMeanComparison.defaultTau(curves)).isEqualTo(6);
        org.assertj.core.api.Assertions.assertThat(RestrictedMeanComparison.defaultTau(java.util.List.of())).isZero();
    }
}
