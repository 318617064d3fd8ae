package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.FineGrayResult;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.competing.FineGrayCoefficient;
import org.survkit.stats.competing.FineGrayModel;

/**
 * {@code survkit finegray} as text, laid out as summary.coxph (R's crr prints its own way): the events of the cause,
 * competing events and censored rows, coefficients with crr's robust standard errors, subdistribution hazard ratios
 * with their limits, the pseudo likelihood-ratio test.
 */
final class FineGrayText {
    private FineGrayText() {
    }

    static String of(FineGrayResult r, PValueFormat pf) {
        FineGrayModel m = r.model();
        String cause = r.codes().label(m.cause());
        StringBuilder sb = new StringBuilder("Fine–Gray competing-risks regression, cause ").append(cause).append('\n');
        sb.append(TextBlocks.cohort(r.cohort()));
        sb.append("  n = ").append(m.n()).append(", events of cause ").append(cause).append(" = ").append(m.events())
                .append(", competing events = ").append(m.competingEvents()).append(", censored = ")
                .append(m.censored()).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        List<String[]> limits = new ArrayList<>();
        for (FineGrayCoefficient k : m.coefficients()) {
            rows.add(new String[] {k.term(), Numbers.text(k.coef(), 4), Numbers.text(k.hr(), 4),
                Numbers.text(k.se(), 4), Numbers.text(k.z(), 3), pf.text(k.pValue())});
            limits.add(TextBlocks.hazardRatioRow(k.term(), k.hr(), k.hrLower(), k.hrUpper()));
        }
        sb.append(TextTable.of(new String[] {"", "coef", "exp(coef)", "se(coef)", "z", "p"}, rows)).append('\n');
        sb.append(TextBlocks.hazardRatios(m.confLevel(), limits));
        sb.append(m.leftTruncated() ? "exp(coef) is a subdistribution hazard ratio; se(coef) is coxph's robust standard"
                + " error on survival finegray's weighted (start, stop] rows.\n"
                : "exp(coef) is a subdistribution hazard ratio; se(coef) is crr's robust (sandwich) standard error.\n");
        sb.append("Pseudo log-likelihood = ").append(Numbers.text(m.loglik(), 6))
                .append("   Pseudo likelihood ratio test = ").append(Numbers.text(m.pseudoLikelihoodRatio(), 4))
                .append(" on ").append(m.df()).append(" df\n");
        sb.append(TextBlocks.convergence(m.converged(), m.iterations()));
        sb.append(TextBlocks.warnings(r.cohort(), r.diagnostics()));
        return sb.toString();
    }
}
