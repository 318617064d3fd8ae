package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.CoxResult;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.cox.ConcordanceWeighting;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.cox.ZphTerm;
import org.survkit.stats.cox.ZphTransform;

/**
 * {@code survkit cox} as text, as R's summary.coxph: coefficients (with robust standard errors when there are), hazard
 * ratios with their limits, concordance, the three global tests, then the proportional-hazards test as cox.zph.
 */
final class CoxText {
    private CoxText() {
    }

    static String of(CoxResult r, PValueFormat pf) {
        CoxModel m = r.model();
        StringBuilder sb = new StringBuilder(title("Cox proportional hazards model", m.ties(), r.strata()));
        sb.append(TextBlocks.cohort(r.cohort()));
        sb.append("  n = ").append(m.n()).append(", number of events = ").append(m.events()).append('\n');
        if (r.offset() != null) {
            sb.append("  offset: ").append(r.offset()).append(" (coefficient fixed at 1)\n");
        }
        sb.append('\n');
        boolean robust = m.coefficients().stream().anyMatch(k -> !Double.isNaN(k.robustSe()));
        List<String[]> rows = new ArrayList<>();
        for (CoxCoefficient k : m.coefficients()) {
            List<String> row = new ArrayList<>(List.of(k.term(), Numbers.text(k.coef(), 4), Numbers.text(k.hr(), 4),
                    Numbers.text(k.se(), 4)));
            if (robust) {
                row.add(Numbers.text(k.robustSe(), 4));
            }
            row.add(Numbers.text(k.z(), 3));
            row.add(pf.text(k.pValue()));
            rows.add(row.toArray(new String[0]));
        }
        List<String> header = new ArrayList<>(List.of("", "coef", "exp(coef)", "se(coef)"));
        if (robust) {
            header.add("robust se");
        }
        header.add("z");
        header.add("p");
        sb.append(TextTable.of(header.toArray(new String[0]), rows)).append('\n');
        List<String[]> limits = new ArrayList<>();
        for (CoxCoefficient k : m.coefficients()) {
            limits.add(TextBlocks.hazardRatioRow(k.term(), k.hr(), k.hrLower(), k.hrUpper()));
        }
        sb.append(TextBlocks.hazardRatios(m.confLevel(), limits));
        if (m.concordance() != null) {
            sb.append(m.concordance().weighting() == ConcordanceWeighting.UNO ? "Concordance (Uno) = " : "Concordance = ")
                    .append(Numbers.text(m.concordance().estimate(), 3)).append("  (se = ")
                    .append(Numbers.text(m.concordance().stdErr(), 3)).append(")\n");
        }
        sb.append(TextBlocks.testLine("Likelihood ratio test", m.lrTest(), pf));
        sb.append(TextBlocks.testLine("Wald test            ", m.waldTest(), pf));
        sb.append(TextBlocks.testLine("Score (logrank) test ", m.scoreTest(), pf));
        if (m.robustScoreTest() != null) {
            sb.append(TextBlocks.testLine("Robust score test    ", m.robustScoreTest(), pf));
        }
        sb.append(TextBlocks.convergence(m.converged(), m.iterations()));
        if (r.proportionalHazards() != null) {
            ZphTransform tr = r.proportionalHazards().transform();
            sb.append("\nProportional-hazards test (cox.zph, ").append(tr == ZphTransform.KM ? "KM" : tr.id())
                    .append(" time transform)\n");
            List<String[]> zrows = new ArrayList<>();
            for (ZphTerm z : zphRows(r)) {
                zrows.add(new String[] {z.term(), Numbers.text(z.statistic(), 4), Integer.toString(z.df()),
                    pf.text(z.pValue())});
            }
            sb.append(TextTable.of(new String[] {"", "chisq", "df", "p"}, zrows));
        }
        sb.append(TextBlocks.warnings(r.cohort(), r.diagnostics()));
        return sb.toString();
    }

    /** {@return the title line of a Cox model: {@code MODEL (efron ties[, stratified by S])}} */
    static String title(String model, Ties ties, String strata) {
        return model + " (" + ties.id() + " ties" + (strata != null ? ", stratified by " + strata : "") + ")\n";
    }

    /** {@return the proportional-hazards test's rows: each term, then GLOBAL} */
    static List<ZphTerm> zphRows(CoxResult r) {
        List<ZphTerm> rows = new ArrayList<>(r.proportionalHazards().terms());
        rows.add(r.proportionalHazards().global());
        return rows;
    }
}
