package org.survkit.cli;

import org.survkit.cli.output.Numbers;
import org.survkit.cli.output.TextTable;
import org.survkit.cli.output.Csv;
import org.survkit.cli.output.Json;
import org.survkit.cli.output.OutputFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.survkit.io.Cohort;
import org.survkit.stats.cox.FirthCoefficient;
import org.survkit.stats.cox.FirthCoxModel;
import org.survkit.stats.cox.FirthInference;

/** Output of {@code survkit cox --firth}: the penalized model, same conventions as the plain Cox output. */
final class FirthOutput {
    private FirthOutput() {
    }

    static String render(OutputFormat format, Cohort c, FirthCoxModel m, CoxCommand cmd) {
        switch (format) {
            case JSON:
                return Json.write(json(c, m, cmd));
            case CSV:
                return csv(m);
            default:
                return text(c, m, cmd);
        }
    }

    private static String ci(FirthCoxModel m) {
        return m.inference() == FirthInference.PROFILE_LIKELIHOOD ? "profile penalized likelihood" : "wald";
    }

    private static ObjectNode json(Cohort c, FirthCoxModel m, CoxCommand cmd) {
        ObjectNode o = Json.object();
        o.put("method", "firth");
        o.put("ties", m.ties().id());
        o.put("n", m.n());
        o.put("events", m.events());
        o.put("converged", m.converged());
        o.put("iterations", m.iterations());
        Json.put(o, "conf_level", m.confLevel());
        o.put("ci_method", ci(m));
        Json.putText(o, "strata", cmd.strata);
        Json.putSource(o, c);
        cmd.cohort.putFollowUp(o);
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
        ObjectNode ll = o.putObject("loglik");
        Json.put(ll, "null", m.loglikNull());
        Json.put(ll, "model", m.loglik());
        Json.put(ll, "partial", m.partialLoglik());
        o.set("lr_test", Json.chiSquare(m.lrTest()));
        o.set("wald_test", Json.chiSquare(m.waldTest()));
        o.putNull("score_test");
        o.putNull("concordance");
        o.putArray("ph_test");
        o.set("warnings", Json.warnings(c.warnings(), m.diagnostics()));
        return o;
    }

    private static String csv(FirthCoxModel m) {
        List<String[]> rows = new ArrayList<>();
        for (FirthCoefficient k : m.coefficients()) {
            rows.add(new String[] {k.term(), Numbers.csv(k.coef()), Numbers.csv(k.se()), Numbers.csv(k.chiSquare()),
                Numbers.csv(k.pValue()), Numbers.csv(k.hr()), Numbers.csv(k.hrLower()), Numbers.csv(k.hrUpper()),
                Boolean.toString(k.aliased())});
        }
        return Csv.write(new String[] {"term", "coef", "se", "chisq", "p_value", "hr", "hr_lower", "hr_upper", "aliased"},
                rows);
    }

    private static String text(Cohort c, FirthCoxModel m, CoxCommand cmd) {
        StringBuilder sb = new StringBuilder(cmd.header(c, "Cox model with Firth's penalized likelihood", m.ties()));
        sb.append("  n = ").append(m.n()).append(", number of events = ").append(m.events()).append("\n\n");
        String lvl = Numbers.text(m.confLevel(), 3);
        List<String[]> rows = new ArrayList<>();
        for (FirthCoefficient k : m.coefficients()) {
            rows.add(new String[] {k.term(), Numbers.text(k.coef(), 4), Numbers.text(k.se(), 4), Numbers.text(k.hr(), 4),
                Numbers.text(k.hrLower(), 4), Numbers.text(k.hrUpper(), 4), Numbers.text(k.chiSquare(), 4), Numbers.pValue(k.pValue())});
        }
        sb.append(TextTable.of(new String[] {"", "coef", "se(coef)", "exp(coef)", "lower " + lvl, "upper " + lvl, "Chisq",
            "p"}, rows));
        sb.append("(confidence limits and p-values by ").append(ci(m)).append(")\n\n");
        sb.append(CoxCommand.testLine("Penalized likelihood ratio test", m.lrTest()));
        sb.append(CoxCommand.testLine("Wald test                      ", m.waldTest()));
        KmCommand.appendWarnings(sb, c.warnings(), m.diagnostics());
        return sb.toString();
    }
}
