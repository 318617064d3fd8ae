package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --horizon H} is administrative censoring at H on every command, as the report's {@code horizon:}: checked
 * against R's own recoding {@code Surv(pmin(time, H), status & time <= H)}. Expected values: R 4.2.2, survival
 * 3.5-3, cmprsk 2.2-11, {@code reference/horizon/horizon.R} → {@code reference/horizon.json}.
 */
class CliHorizonTest {
    private static final JsonNode R = Cli.reference("horizon.json");
    private static final double REL = 1e-9;

    private static JsonNode run(String command, String file, String... more) {
        List<String> a = new ArrayList<>(List.of(command, Cli.resource(file), "--time", "time", "--event", "status",
                "--format", "json"));
        a.addAll(List.of(more));
        Cli c = Cli.run(a.toArray(new String[0]));
        assertThat(c.status()).as(c.err()).isZero();
        return c.json();
    }

    private static void close(double actual, JsonNode expected, String what) {
        double e = expected.asDouble();
        assertThat(actual).as(what).isCloseTo(e, within(Math.abs(e) * REL + 1e-12));
    }

    @Test
    void compareCensorsAtTheHorizonWithAndWithoutStrata() {
        // R: survdiff(Surv(pmin(time, 365), status == 2 & time <= 365) ~ sex + strata(ph.ecog), lung)
        JsonNode j = run("compare", "lung.csv", "--event-value", "2", "--group", "sex", "--strata", "ph.ecog",
                "--horizon", "365");
        close(j.get("statistic").asDouble(), R.get("compare_strata_statistic").get(0), "stratified chisq");
        close(j.get("p_value").asDouble(), R.get("compare_strata_p").get(0), "stratified p");
        JsonNode obs = R.get("compare_strata_observed"); // groups x strata, column-major
        assertThat(j.get("groups").get(0).get("observed").asDouble()).isEqualTo(
                obs.get(0).asDouble() + obs.get(2).asDouble() + obs.get(4).asDouble() + obs.get(6).asDouble());
        assertThat(j.get("horizon").asDouble()).isEqualTo(365);
        JsonNode plain = run("compare", "lung.csv", "--event-value", "2", "--group", "sex", "--horizon", "365");
        close(plain.get("statistic").asDouble(), R.get("compare_statistic").get(0), "chisq");
        assertThat(plain.get("groups").get(1).get("observed").asInt()).isEqualTo(R.get("compare_observed").get(1).asInt());
    }

    @Test
    void kaplanMeierCensorsAtTheHorizon() {
        JsonNode j = run("km", "lung.csv", "--event-value", "2", "--group", "sex", "--horizon", "365", "--at",
                "180,365", "--tau", "365");
        for (int g = 0; g < 2; g++) {
            JsonNode grp = j.get("groups").get(g);
            assertThat(grp.get("n").asInt()).isEqualTo(R.get("km_n").get(g).asInt());
            assertThat(grp.get("events").asInt()).isEqualTo(R.get("km_events").get(g).asInt());
            JsonNode med = grp.get("median");
            if (R.get("km_median").get(g).isNull()) {
                assertThat(med.get("estimate").isNull()).isTrue();
            } else {
                close(med.get("estimate").asDouble(), R.get("km_median").get(g), "median");
            }
            close(med.get("lower").asDouble(), R.get("km_median_lower").get(g), "median lower");
            for (int k = 0; k < 2; k++) {
                JsonNode at = grp.get("at").get(k);
                close(at.get("survival").asDouble(), R.get("km_surv_at").get(2 * g + k), "S");
                close(at.get("lower").asDouble(), R.get("km_lower_at").get(2 * g + k), "lower");
                close(at.get("upper").asDouble(), R.get("km_upper_at").get(2 * g + k), "upper");
                assertThat(at.get("n_risk").asInt()).isEqualTo(R.get("km_nrisk_at").get(2 * g + k).asInt());
            }
            close(grp.get("rmst").get("estimate").asDouble(), R.get("km_rmst").get(g), "rmst");
            close(grp.get("rmst").get("se").asDouble(), R.get("km_rmst_se").get(g), "rmst se");
        }
    }

    @Test
    void landmarkThenHorizonCountsTheHorizonFromTheLandmark() {
        JsonNode j = run("km", "lung.csv", "--event-value", "2", "--group", "sex", "--landmark", "90", "--horizon",
                "365");
        for (int g = 0; g < 2; g++) {
            JsonNode grp = j.get("groups").get(g);
            assertThat(grp.get("n").asInt()).isEqualTo(R.get("landmark_km_n").get(g).asInt());
            assertThat(grp.get("events").asInt()).isEqualTo(R.get("landmark_km_events").get(g).asInt());
            close(grp.get("median").get("estimate").asDouble(), R.get("landmark_km_median").get(g), "median");
        }
        assertThat(j.get("landmark").asDouble()).isEqualTo(90);
    }

    @Test
    void coxCensorsAtTheHorizon() {
        JsonNode j = run("cox", "lung.csv", "--event-value", "2", "--covariates", "age,sex", "--horizon", "365");
        for (int k = 0; k < 2; k++) {
            close(j.get("coefficients").get(k).get("coef").asDouble(), R.get("cox_coef").get(k), "coef");
            close(j.get("coefficients").get(k).get("se").asDouble(), R.get("cox_se").get(k), "se");
        }
        close(j.get("loglik").get("model").asDouble(), R.get("cox_loglik").get(1), "loglik");
    }

    @Test
    void competingRisksCensorAtTheHorizon() {
        // R: cuminc(pmin(time, 1825), ifelse(time > 1825, 0, status), edema); crr(..., age, failcode = 2)
        JsonNode cif = run("cif", "pbc.csv", "--censor-value", "0", "--group", "edema", "--horizon", "1825", "--at",
                "365,1000,1825");
        for (int c = 0; c < 2; c++) {
            close(cif.get("gray_test").get(c).get("statistic").asDouble(), R.get("cif_gray_statistic").get(c), "gray");
        }
        JsonNode death0 = null;
        for (JsonNode g : cif.get("groups")) {
            if (g.get("group").asText().equals("0") && g.get("cause").asInt() == 2) {
                death0 = g;
            }
        }
        assertThat(death0).isNotNull();
        for (int k = 0; k < 3; k++) {
            close(death0.get("at").get(k).get("cif").asDouble(), R.get("cif_est_death_edema0").get(k), "cif");
            close(death0.get("at").get(k).get("variance").asDouble(), R.get("cif_var_death_edema0").get(k), "var");
        }
        JsonNode fg = run("finegray", "pbc.csv", "--censor-value", "0", "--cause", "2", "--covariates", "age",
                "--horizon", "1825");
        close(fg.get("coefficients").get(0).get("coef").asDouble(), R.get("finegray_coef").get(0), "shr coef");
        close(fg.get("coefficients").get(0).get("se").asDouble(), R.get("finegray_se").get(0), "shr se");
    }

    @Test
    void aHorizonThatIsNotPositiveIsAUsageError() {
        Cli c = Cli.run("km", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
                "--horizon", "0");
        assertThat(c.status()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(c.err()).contains("--horizon: 0 is not allowed; give a time > 0");
    }
}
