package org.survkit.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.survkit.cli.result.FirthResult;
import org.survkit.stats.cox.FirthCoefficient;
import org.survkit.stats.cox.FirthCoxModel;
import org.survkit.stats.cox.FirthInference;

/**
 * {@code survkit cox --firth} as JSON: the keys of the plain Cox JSON (what Firth's method has not, such as robust
 * standard errors, the score test and concordance, is null or empty) and its own ({@code method}, {@code ci_method},
 * the coefficients' {@code chisq}, the partial log-likelihood).
 */
final class FirthJson {
    private FirthJson() {
    }

    static ObjectNode of(FirthResult r) {
        FirthCoxModel m = r.model();
        ObjectNode o = Json.object();
        o.put("method", "firth");
        o.put("ties", m.ties().id());
        o.put("n", m.n());
        o.put("events", m.events());
        o.put("converged", m.converged());
        o.put("iterations", m.iterations());
        Json.put(o, "conf_level", m.confLevel());
        o.put("ci_method", ciMethod(m));
        Json.putText(o, "strata", r.strata());
        Json.putCohort(o, r.cohort());
        ArrayNode coefs = o.putArray("coefficients");
        for (FirthCoefficient k : m.coefficients()) {
            ObjectNode x = coefs.addObject();
            x.put("term", k.term());
            Json.put(x, "coef", k.coef());
            Json.put(x, "se", k.se());
            x.putNull("robust_se");
            Json.put(x, "chisq", k.chiSquare());
            Json.put(x, "p_value", k.pValue());
            Json.putHazardRatio(x, k.hr(), k.hrLower(), k.hrUpper(), k.aliased());
        }
        ObjectNode ll = Json.putLoglik(o, m.loglikNull(), m.loglik());
        Json.put(ll, "partial", m.partialLoglik());
        o.set("lr_test", Json.chiSquare(m.lrTest()));
        o.set("wald_test", Json.chiSquare(m.waldTest()));
        o.putNull("score_test");
        o.putNull("concordance");
        o.putArray("ph_test");
        o.set("warnings", Json.warnings(r.cohort(), r.diagnostics()));
        return o;
    }

    /** {@return how the limits and p-values were computed, as the output names it} */
    static String ciMethod(FirthCoxModel m) {
        return m.inference() == FirthInference.PROFILE_LIKELIHOOD ? "profile penalized likelihood" : "wald";
    }
}
