package org.survkit.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.survkit.cli.result.CauseCodes;
import org.survkit.cli.result.FineGrayResult;
import org.survkit.stats.competing.FineGrayCoefficient;
import org.survkit.stats.competing.FineGrayModel;

/** {@code survkit finegray} as JSON: the codes, counts, fit settings, the data, coefficients and the pseudo LR test. */
final class FineGrayJson {
    private FineGrayJson() {
    }

    static ObjectNode of(FineGrayResult r) {
        FineGrayModel m = r.model();
        CauseCodes codes = r.codes();
        ObjectNode o = Json.object();
        Json.putCode(o, "cause", codes, m.cause());
        o.put("event", codes.eventColumn());
        Json.putCode(o, "censor_value", codes, m.censorCode());
        o.set("causes", Json.causes(codes));
        o.put("n", m.n());
        o.put("events", m.events());
        o.put("competing_events", m.competingEvents());
        o.put("censored", m.censored());
        o.put("converged", m.converged());
        o.put("iterations", m.iterations());
        ObjectNode control = o.putObject("control");
        Json.put(control, "gtol", m.control().gtol());
        control.put("max_iter", m.control().maxIter());
        Json.put(o, "conf_level", m.confLevel());
        o.put("se", m.leftTruncated() ? "robust, as coxph on survival finegray's weighted rows (left truncation)"
                : "robust (sandwich), as crr");
        Json.putCohort(o, r.cohort());
        ArrayNode coefs = o.putArray("coefficients");
        for (FineGrayCoefficient k : m.coefficients()) {
            ObjectNode x = coefs.addObject();
            x.put("term", k.term());
            Json.put(x, "coef", k.coef());
            Json.put(x, "se", k.se());
            Json.put(x, "model_se", k.modelSe());
            Json.put(x, "z", k.z());
            Json.put(x, "p_value", k.pValue());
            Json.putHazardRatio(x, k.hr(), k.hrLower(), k.hrUpper(), k.aliased());
        }
        Json.putLoglik(o, m.loglikNull(), m.loglik());
        ObjectNode lr = o.putObject("pseudo_lr_test");
        Json.put(lr, "statistic", m.pseudoLikelihoodRatio());
        lr.put("df", m.df());
        o.set("warnings", Json.warnings(r.cohort(), r.diagnostics()));
        return o;
    }
}
