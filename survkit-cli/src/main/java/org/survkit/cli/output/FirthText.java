package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.FirthResult;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.cox.FirthCoefficient;
import org.survkit.stats.cox.FirthCoxModel;

/**
 * {@code survkit cox --firth} as text, as R's coxphf prints it: coefficients with profile penalized-likelihood
 * limits and p-values, then the penalized likelihood-ratio and Wald tests.
 */
final class FirthText {
    private FirthText() {
    }

    static String of(FirthResult r, PValueFormat pf) {
        FirthCoxModel m = r.model();
        StringBuilder sb = new StringBuilder(CoxText.title("Cox model with Firth's penalized likelihood", m.ties(),
                r.strata()));
        sb.append(TextBlocks.cohort(r.cohort()));
        sb.append("  n = ").append(m.n()).append(", number of events = ").append(m.events()).append("\n\n");
        CiLabels ci = new CiLabels(m.confLevel());
        List<String[]> rows = new ArrayList<>();
        for (FirthCoefficient k : m.coefficients()) {
            rows.add(new String[] {k.term(), Numbers.text(k.coef(), 4), Numbers.text(k.se(), 4),
                Numbers.text(k.hr(), 4), Numbers.text(k.hrLower(), 4), Numbers.text(k.hrUpper(), 4),
                Numbers.text(k.chiSquare(), 4), pf.text(k.pValue())});
        }
        sb.append(TextTable.of(new String[] {"", "coef", "se(coef)", "exp(coef)", ci.lower(), ci.upper(), "Chisq",
            "p"}, rows));
        sb.append("(confidence limits and p-values by ").append(FirthJson.ciMethod(m)).append(")\n\n");
        sb.append(TextBlocks.testLine("Penalized likelihood ratio test", m.lrTest(), pf));
        sb.append(TextBlocks.testLine("Wald test                      ", m.waldTest(), pf));
        sb.append(TextBlocks.warnings(r.cohort(), r.diagnostics()));
        return sb.toString();
    }
}
