package org.survkit.cli;

import org.survkit.cli.output.Numbers;
import org.survkit.cli.output.TextTable;
import org.survkit.cli.output.Csv;
import org.survkit.cli.output.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.survkit.io.Cohort;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.FirthCoxModel;
import org.survkit.stats.cox.FirthCoxRegression;
import org.survkit.stats.cox.ProportionalHazardsTest;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.cox.ZphTerm;
import org.survkit.stats.guardrails.Guardrails;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.Factor;
import picocli.CommandLine.Command;
import org.survkit.study.frame.ModelFrame;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code survkit cox}: Cox proportional-hazards regression. */
@Command(name = "cox", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cox proportional-hazards regression (as R coxph): hazard ratios with confidence intervals,",
            "likelihood-ratio, Wald and score tests, concordance, and checks for monotone likelihood."})
public final class CoxCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CohortOptions cohort;

    @Option(names = "--covariates", paramLabel = "TERMS", split = ",", required = true,
            description = "Model terms: column names, and interactions written a:b. Text columns are factors.")
    List<String> covariates;

    @Option(names = "--categorical", paramLabel = "COL", split = ",",
            description = "Treat these numeric-looking columns as factors (e.g. stage coded 1, 2, 3).")
    List<String> categorical = List.of();

    @Option(names = "--reference", paramLabel = "COL=LEVEL",
            description = "Reference level of a factor (default: the first in sorted order). Repeatable.")
    Map<String, String> reference = new HashMap<>();

    @Option(names = "--strata", paramLabel = "COL", description = "Stratify: a separate baseline hazard per value.")
    String strata;

    @Option(names = "--ties", paramLabel = "METHOD",
            description = "Tied event times: efron (default, as R) or breslow (as SAS, Stata; the default with --firth, as coxphf).")
    String ties;

    @Option(names = "--firth", description = {"Firth's penalized partial likelihood (Heinze & Schemper 2001, R coxphf):",
        "finite estimates under monotone likelihood (e.g. a group without events), profile penalized-likelihood",
        "confidence intervals and penalized likelihood-ratio p-values."})
    boolean firth;

    @Option(names = "--weights", paramLabel = "COL", description = "Case weights (numbers >= 0).")
    String weights;

    @Option(names = "--cluster", paramLabel = "COL", description = "Cluster identifier: robust (sandwich) standard errors.")
    String cluster;

    @Option(names = "--start", paramLabel = "COL",
            description = "Entry time: (start, time] rows for delayed entry or time-varying covariates.")
    String start;

    @Mixin
    ConfLevelOption confLevelOption;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Ties t = ties == null ? (firth ? Ties.BRESLOW : Ties.EFRON) : Ties.parse(ties);
        if (firth && cluster != null) {
            throw new UsageException("--firth cannot be combined with --cluster: Firth's method has no robust variance"
                    + " here. Drop one of them.");
        }
        double confLevel = confLevelOption.value();
        Cohort c = cohort.readForModel(covariates, categorical, strata, weights, cluster, start,
                spec.commandLine().getErr());
        CoxData data = coxData(c);
        if (firth) {
            FirthCoxModel fm = FirthCoxRegression.withDefaults().with(t).withConfLevel(confLevel).fit(data);
            output.emit(spec.commandLine().getOut(), FirthOutput.render(output.format, c, fm, this));
            return ExitCodes.OK;
        }
        CoxModel m = CoxRegression.withDefaults().with(t).withConfLevel(confLevel).fit(data);
        ZphResult zph = m.events() > 0 && m.coefficients().stream().anyMatch(k -> !k.aliased())
                ? ProportionalHazardsTest.of(data, m) : null;
        String text;
        switch (output.format) {
            case JSON:
                text = Json.write(json(c, m, zph));
                break;
            case CSV:
                text = csv(m);
                break;
            default:
                text = text(c, m, zph);
        }
        output.emit(spec.commandLine().getOut(), text);
        return ExitCodes.OK;
    }

    /** The model input from the cohort: design matrix in the user's term order, codes for strata and clusters. */
    CoxData coxData(Cohort c) {
        DesignMatrix design = ModelFrame.of(c, covariates, reference, java.util.Map.of(), Where.COMMAND_LINE,
                StudyKeys.REFERENCE).design();
        CoxData data = new CoxData(c.start(), c.time(), c.event(), design, c.weights(),
                c.strata() == null ? null : Factor.of(c.strata()).codes(),
                c.cluster() == null ? null : Factor.of(c.cluster()).codes());
        return data;
    }

    private ObjectNode json(Cohort c, CoxModel m, ZphResult zph) {
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
        Json.putText(o, "strata", strata);
        Json.putSource(o, c);
        cohort.putFollowUp(o);
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
        ObjectNode ll = o.putObject("loglik");
        Json.put(ll, "null", m.loglikNull());
        Json.put(ll, "model", m.loglik());
        o.set("lr_test", Json.chiSquare(m.lrTest()));
        o.set("wald_test", Json.chiSquare(m.waldTest()));
        o.set("score_test", Json.chiSquare(m.scoreTest()));
        if (m.concordance() == null) {
            o.putNull("concordance");
        } else {
            ObjectNode cc = o.putObject("concordance");
            Json.put(cc, "estimate", m.concordance().estimate());
            Json.put(cc, "se", m.concordance().stdErr());
        }
        ArrayNode ph = o.putArray("ph_test");
        List<Diagnostic> diagnostics = new ArrayList<>(m.diagnostics());
        diagnostics.addAll(Guardrails.forEventsPerCoefficient(m.events(),
                (int) m.coefficients().stream().filter(k -> !k.aliased()).count()));
        if (zph != null) {
            List<ZphTerm> rows = new ArrayList<>(zph.terms());
            rows.add(zph.global());
            for (ZphTerm z : rows) {
                ObjectNode x = ph.addObject();
                x.put("term", z.term());
                Json.put(x, "statistic", z.statistic());
                x.put("df", z.df());
                Json.put(x, "p_value", z.pValue());
            }
            diagnostics.addAll(Guardrails.forProportionalHazards(zph));
        }
        o.set("warnings", Json.warnings(c.warnings(), diagnostics));
        return o;
    }

    private static String csv(CoxModel m) {
        List<String[]> rows = new ArrayList<>();
        for (CoxCoefficient k : m.coefficients()) {
            rows.add(new String[] {k.term(), Numbers.csv(k.coef()), Numbers.csv(k.se()), Numbers.csv(k.robustSe()), Numbers.csv(k.z()),
                Numbers.csv(k.pValue()), Numbers.csv(k.hr()), Numbers.csv(k.hrLower()), Numbers.csv(k.hrUpper()),
                Boolean.toString(k.aliased())});
        }
        return Csv.write(new String[] {"term", "coef", "se", "robust_se", "z", "p_value", "hr", "hr_lower", "hr_upper",
            "aliased"}, rows);
    }

    /** Title lines shared by the plain and the Firth output. */
    String header(Cohort c, String model, Ties t) {
        StringBuilder sb = new StringBuilder();
        sb.append(model).append(" (").append(t.id()).append(" ties")
                .append(strata != null ? ", stratified by " + strata : "").append(")\n");
        sb.append("data: ").append(c.source()).append("   time: ").append(cohort.timeLabel()).append("   event: ")
                .append(cohort.event).append(cohort.eventValue != null ? " = " + cohort.eventValue : "").append(cohort.followUpText())
                .append('\n');
        sb.append(KmCommand.rowsLine(c));
        return sb.toString();
    }

    private String text(Cohort c, CoxModel m, ZphResult zph) {
        StringBuilder sb = new StringBuilder(header(c, "Cox proportional hazards model", m.ties()));
        sb.append("  n = ").append(m.n()).append(", number of events = ").append(m.events()).append("\n\n");
        boolean robust = m.coefficients().stream().anyMatch(k -> !Double.isNaN(k.robustSe()));
        List<String[]> rows = new ArrayList<>();
        for (CoxCoefficient k : m.coefficients()) {
            List<String> r = new ArrayList<>(List.of(k.term(), Numbers.text(k.coef(), 4), Numbers.text(k.hr(), 4),
                    Numbers.text(k.se(), 4)));
            if (robust) {
                r.add(Numbers.text(k.robustSe(), 4));
            }
            r.add(Numbers.text(k.z(), 3));
            r.add(Numbers.pValue(k.pValue()));
            rows.add(r.toArray(new String[0]));
        }
        List<String> header = new ArrayList<>(List.of("", "coef", "exp(coef)", "se(coef)"));
        if (robust) {
            header.add("robust se");
        }
        header.add("z");
        header.add("p");
        sb.append(TextTable.of(header.toArray(new String[0]), rows)).append('\n');
        String lvl = Numbers.text(m.confLevel(), 3);
        List<String[]> ci = new ArrayList<>();
        for (CoxCoefficient k : m.coefficients()) {
            ci.add(new String[] {k.term(), Numbers.text(k.hr(), 4), Numbers.text(k.hrLower(), 4), Numbers.text(k.hrUpper(), 4)});
        }
        sb.append(TextTable.of(new String[] {"", "exp(coef)", "lower " + lvl, "upper " + lvl}, ci)).append('\n');
        if (m.concordance() != null) {
            sb.append("Concordance = ").append(Numbers.text(m.concordance().estimate(), 3)).append("  (se = ")
                    .append(Numbers.text(m.concordance().stdErr(), 3)).append(")\n");
        }
        sb.append(testLine("Likelihood ratio test", m.lrTest()));
        sb.append(testLine("Wald test            ", m.waldTest()));
        sb.append(testLine("Score (logrank) test ", m.scoreTest()));
        if (m.robustScoreTest() != null) {
            sb.append(testLine("Robust score test    ", m.robustScoreTest()));
        }
        if (!m.converged()) {
            sb.append("(did not converge in ").append(m.iterations()).append(" iterations)\n");
        }
        List<Diagnostic> diagnostics = new ArrayList<>(m.diagnostics());
        diagnostics.addAll(Guardrails.forEventsPerCoefficient(m.events(),
                (int) m.coefficients().stream().filter(k -> !k.aliased()).count()));
        if (zph != null) {
            sb.append("\nProportional-hazards test (cox.zph, KM time transform)\n");
            List<String[]> zrows = new ArrayList<>();
            List<ZphTerm> terms = new ArrayList<>(zph.terms());
            terms.add(zph.global());
            for (ZphTerm z : terms) {
                zrows.add(new String[] {z.term(), Numbers.text(z.statistic(), 4), Integer.toString(z.df()), Numbers.pValue(z.pValue())});
            }
            sb.append(TextTable.of(new String[] {"", "chisq", "df", "p"}, zrows));
            diagnostics.addAll(Guardrails.forProportionalHazards(zph));
        }
        KmCommand.appendWarnings(sb, c.warnings(), diagnostics);
        return sb.toString();
    }

    static String testLine(String name, ChiSquareTest t) {
        return name + " = " + Numbers.text(t.statistic(), 4) + "  on " + t.df() + " df,   p = " + Numbers.pValue(t.pValue()) + "\n";
    }
}
