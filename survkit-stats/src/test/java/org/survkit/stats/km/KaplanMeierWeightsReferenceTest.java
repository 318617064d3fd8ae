package org.survkit.stats.km;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.ReferenceCase;
import org.survkit.stats.Tolerance;
import org.survkit.stats.model.Factor;

/**
 * Kaplan–Meier with case weights and (start, stop] rows against R, every case of
 * {@code reference/km-weights/km_weights.R} (R 4.2.2, survival 3.5-3), for conf.type log, log-log and plain:
 * <ul>
 * <li>{@code lung_wint}: {@code survfit(Surv(time, status) ~ sex, lung, weights = wi)}, seeded integer weights
 * (weighted Greenwood);</li>
 * <li>{@code lung_wfrac}: the same with non-integer weights {@code wf} (R's default robust = TRUE);</li>
 * <li>{@code heart_tx}: {@code survfit(Surv(start, stop, event) ~ transplant, heart)} (jasa1);</li>
 * <li>{@code trunc}, {@code trunc_wint}, {@code trunc_wfrac}: {@code survfit(Surv(entry, exit, status) ~ group)}
 * on a simulated left-truncated cohort, unweighted, integer and non-integer weights.</li>
 * </ul>
 * Each group: the full table (time, n.risk, n.event, n.censor, surv, std.err, lower, upper, cumhaz,
 * std.chaz), records, n.max, n.start, events, median and its CI, quantiles 0.25/0.5/0.75 with CIs,
 * {@code summary(fit, times = at, extend = TRUE)} and {@code summary(fit, rmean = tau)$table}'s rmean and
 * se(rmean); all to 1e-6 relative.
 */
class KaplanMeierWeightsReferenceTest {
    private static final String DIR = "reference/km-weights/";

    record Case(String name, JsonNode json, double[] start, double[] stop, boolean[] event, double[] weights,
            String[] group) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws Exception {
        JsonNode all;
        try (InputStream in = KaplanMeierWeightsReferenceTest.class.getClassLoader()
                .getResourceAsStream(DIR + "km_weights.json")) {
            all = new ObjectMapper().readTree(in);
        }
        List<Case> out = new ArrayList<>();
        for (JsonNode c : all) {
            List<String[]> rows = csv(c.get("file").asText());
            String[] header = rows.get(0);
            List<String> names = Arrays.asList(header);
            int n = rows.size() - 1;
            double[] start = c.get("start").isNull() ? null : column(rows, names.indexOf(c.get("start").asText()));
            double[] stop = column(rows, names.indexOf(c.get("stop").asText()));
            double[] ev = column(rows, names.indexOf(c.get("event").asText()));
            double[] w = c.get("weights").isNull() ? null : column(rows, names.indexOf(c.get("weights").asText()));
            int gi = names.indexOf(c.get("group").asText());
            boolean[] event = new boolean[n];
            String[] group = new String[n];
            for (int i = 0; i < n; i++) {
                event[i] = ev[i] == 1;
                group[i] = rows.get(i + 1)[gi];
            }
            out.add(new Case(c.get("case").asText(), c, start, stop, event, w, group));
        }
        return out.stream();
    }

    static List<String[]> csv(String file) throws Exception {
        return ReferenceCase.readCsv(dataPath(file));
    }

    static Path dataPath(String file) throws URISyntaxException {
        return Path.of(KaplanMeierWeightsReferenceTest.class.getClassLoader().getResource(DIR + file).toURI());
    }

    static double[] column(List<String[]> rows, int j) {
        double[] x = new double[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            x[i - 1] = Double.parseDouble(rows.get(i)[j]);
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesR(Case rc) {
        Iterator<Map.Entry<String, JsonNode>> blocks = rc.json.get("km").fields();
        int checked = 0;
        while (blocks.hasNext()) {
            Map.Entry<String, JsonNode> block = blocks.next();
            ConfidenceType type = ConfidenceType.parse(block.getKey());
            JsonNode b = block.getValue();
            KaplanMeier km = KaplanMeier.withDefaults().with(type).withConfLevel(b.get("conf_level").asDouble());
            List<GroupCurve> curves = km.fit(rc.start, rc.stop, rc.event, rc.weights, Factor.of(rc.group));
            JsonNode groups = b.get("groups");
            assertThat(curves).hasSize(groups.size());
            for (int k = 0; k < groups.size(); k++) {
                JsonNode g = groups.get(k);
                GroupCurve gc = curves.get(k);
                String where = rc.name + " " + type.rName() + " group " + gc.group();
                assertThat(gc.group()).as(where).isEqualTo(g.get("group").asText());
                check(where, gc.curve(), g);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6);
    }

    static void check(String where, SurvivalCurve c, JsonNode g) {
        double tol = Tolerance.EST;
        assertThat(c.n()).as(where + " records").isEqualTo(g.get("records").asInt());
        Tolerance.close(where + " events", c.events(), g.get("events"), tol);
        Tolerance.close(where + " n.max", c.nMax(), g.get("n_max"), tol);
        Tolerance.close(where + " n.start", c.nStart(), g.get("n_start"), tol);
        JsonNode table = g.get("table");
        assertThat(c.size()).as(where + " rows").isEqualTo(table.size());
        List<SurvivalRow> rows = c.rows();
        for (int i = 0; i < table.size(); i++) {
            JsonNode r = table.get(i);
            SurvivalRow x = rows.get(i);
            String w = where + " row " + i + " t=" + x.time();
            Tolerance.close(w + " time", x.time(), r.get("time"), tol);
            Tolerance.close(w + " n_risk", x.nRisk(), r.get("n_risk"), tol);
            Tolerance.close(w + " n_event", x.nEvent(), r.get("n_event"), tol);
            Tolerance.close(w + " n_censor", x.nCensor(), r.get("n_censor"), tol);
            Tolerance.close(w + " surv", x.survival(), r.get("surv"), tol);
            if (x.survival() > 0) { // R: NA (Greenwood) or 0 (robust) where S = 0; survkit NaN in both
                Tolerance.close(w + " std_err", x.stdErr(), r.get("std_err"), tol);
            }
            Tolerance.close(w + " lower", x.lower(), r.get("lower"), tol);
            Tolerance.close(w + " upper", x.upper(), r.get("upper"), tol);
            Tolerance.close(w + " cumhaz", x.cumHaz(), r.get("cumhaz"), tol);
            Tolerance.close(w + " std_chaz", x.stdErrCumHaz(), r.get("std_chaz"), tol);
        }
        SurvivalQuantile m = c.median();
        JsonNode me = g.get("median");
        Tolerance.close(where + " median", m.estimate(), me.get("estimate"), tol);
        Tolerance.close(where + " median lower", m.lower(), me.get("lower"), tol);
        Tolerance.close(where + " median upper", m.upper(), me.get("upper"), tol);
        for (JsonNode q : g.get("quantiles")) {
            SurvivalQuantile s = c.quantile(q.get("p").asDouble());
            String w = where + " quantile " + q.get("p").asDouble();
            Tolerance.close(w, s.estimate(), q.get("estimate"), tol);
            Tolerance.close(w + " lower", s.lower(), q.get("lower"), tol);
            Tolerance.close(w + " upper", s.upper(), q.get("upper"), tol);
        }
        for (JsonNode a : g.get("at")) {
            SurvivalAtTime s = c.at(a.get("time").asDouble()).get(0);
            String w = where + " at " + a.get("time").asDouble();
            Tolerance.close(w + " n_risk", s.nRisk(), a.get("n_risk"), tol);
            Tolerance.close(w + " surv", s.survival(), a.get("surv"), tol);
            if (s.survival() > 0) {
                Tolerance.close(w + " std_err", s.stdErr(), a.get("std_err"), tol);
            }
            Tolerance.close(w + " lower", s.lower(), a.get("lower"), tol);
            Tolerance.close(w + " upper", s.upper(), a.get("upper"), tol);
        }
        JsonNode rm = g.get("rmst");
        RestrictedMean r = c.restrictedMean(rm.get("tau").asDouble());
        Tolerance.close(where + " rmst", r.estimate(), rm.get("estimate"), tol);
        Tolerance.close(where + " se(rmst)", r.stdErr(), rm.get("se"), tol);
    }
}
