package org.survkit.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.survkit.cli.result.CoxResult;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.ZphTerm;

/** {@code survkit cox} as JSON: fit settings, the data, coefficients, log-likelihoods, tests, concordance, cox.zph. */
final class CoxJson {
    private CoxJson() {
    }

    static ObjectNode of(CoxResult r) {
        CoxModel m = r.model();
        ObjectNode o = Json.object();
        o.put("ties", m.ties().id());
        o.put("n", m.n());
        o.put("events", m.events());
        o.put("converged", m.converged());
        o.put("iterations", m.iterations());
        ObjectNode control = o.putObject("control");
        Json.put(control, "eps", m.control().eps());
        Json.put(control, "toler_chol", m.control().tolerChol());
        control.put("iter_max", m.control().iterMax());
        Json.put(control, "toler_inf", m.control().tolerInf());
        Json.put(o, "conf_level", m.confLevel());
        Json.putText(o, "strata", r.strata());
        Json.putCohort(o, r.cohort());
        ArrayNode coefs = o.putArray("coefficients");
        for (CoxCoefficient k : m.coefficients()) {
            ObjectNode x = coefs.addObject();
            x.put("term", k.term());
            Json.put(x, "coef", k.coef());
            Json.put(x, "se", k.se());
            Json.put(x, "robust_se", k.robustSe());
            Json.put(x, "z", k.z());
            Json.put(x, "p_value", k.pValue());
            Json.putHazardRatio(x, k.hr(), k.hrLower(), k.hrUpper(), k.aliased());
        }
        Json.putLoglik(o, m.loglikNull(), m.loglik());
        o.set("lr_test", Json.chiSquare(m.lrTest()));
        o.set("wald_test", Json.chiSquare(m.waldTest()));
        o.set("score_test", Json.chiSquare(m.scoreTest()));
        if (m.robustScoreTest() != null) {
            // R summary(fit)$robscore, as the text output prints it (with clusters or non-integer weights)
            o.set("robust_score_test", Json.chiSquare(m.robustScoreTest()));
        }
        if (m.concordance() == null) {
            o.putNull("concordance");
        } else {
            ObjectNode cc = o.putObject("concordance");
            Json.put(cc, "estimate", m.concordance().estimate());
            Json.put(cc, "se", m.concordance().stdErr());
            cc.put("weighting", m.concordance().weighting().id());
        }
        Json.putText(o, "offset", r.offset());
        Json.putText(o, "ph_transform", r.proportionalHazards() == null ? null
                : r.proportionalHazards().transform().id());
        ArrayNode ph = o.putArray("ph_test");
        if (r.proportionalHazards() != null) {
            for (ZphTerm z : CoxText.zphRows(r)) {
                ObjectNode x = ph.addObject();
                x.put("term", z.term());
                Json.put(x, "statistic", z.statistic());
                x.put("df", z.df());
                Json.put(x, "p_value", z.pValue());
            }
        }
        o.set("warnings", Json.warnings(r.cohort(), r.diagnostics()));
        return o;
    }
}
