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
import org.survkit.stats.Diagnostic;
import org.survkit.stats.competing.CompetingRisksGuardrails;
import org.survkit.stats.competing.FineGrayCoefficient;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.model.DesignMatrix;
import picocli.CommandLine.Command;
import org.survkit.study.frame.ModelFrame;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code survkit finegray}: Fine–Gray subdistribution hazards regression for one cause. */
@Command(name = "finegray", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Competing risks: Fine–Gray proportional subdistribution hazards regression for one cause",
            "(as R cmprsk crr): subdistribution hazard ratios with robust (sandwich) standard errors.",
            "The event column holds one code per row, numbers (0, 1, 2) or words (alive, relapse, death):",
            "--censor-value for censored rows, every other value is a cause."})
public final class FineGrayCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CohortOptions cohort;

    @Mixin
    CensorValueOption censor;

    @Option(names = "--cause", paramLabel = "V",
            description = "The cause of interest (default: the first cause code in increasing or alphabetical order).")
    String cause;

    @Option(names = "--covariates", paramLabel = "TERMS", split = ",", required = true,
            description = "Model terms: column names, and interactions written a:b. Text columns are factors.")
    List<String> covariates;

    @Option(names = "--categorical", paramLabel = "COL", split = ",",
            description = "Treat these numeric-looking columns as factors (e.g. stage coded 1, 2, 3).")
    List<String> categorical = List.of();

    @Option(names = "--reference", paramLabel = "COL=LEVEL",
            description = "Reference level of a factor (default: the first in sorted order). Repeatable.")
    Map<String, String> reference = new HashMap<>();

    @Mixin
    ConfLevelOption confLevelOption;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        double confLevel = confLevelOption.value();
        CompetingRisksCohort cr = CompetingRisksCohort.read(cohort, "finegray", censor.value, null, null, covariates,
                categorical, spec.commandLine().getErr());
        double c = cr.cause(cause, cohort.event);
        DesignMatrix design = ModelFrame.of(cr.cohort(), covariates, reference, java.util.Map.of(), Where.COMMAND_LINE,
                StudyKeys.REFERENCE).design();
        FineGrayModel m = FineGrayRegression.withDefaults().withConfLevel(confLevel)
                .fit(cr.cohort().time(), cr.status(), cr.censorCode(), c, design);
        List<Diagnostic> diagnostics = CompetingRisksGuardrails.forFineGray(m);
        String text;
        switch (output.format) {
            case JSON:
                text = Json.write(json(cr, m, diagnostics));
                break;
            case CSV:
                text = csv(m);
                break;
            default:
                text = text(cr, m, diagnostics);
        }
        output.emit(spec.commandLine().getOut(), text);
        return ExitCodes.OK;
    }

    private ObjectNode json(CompetingRisksCohort cr, FineGrayModel m, List<Diagnostic> diagnostics) {
        ObjectNode o = Json.object();
        cr.put(o, "cause", m.cause());
        o.put("event", cohort.event);
        cr.put(o, "censor_value", m.censorCode());
        o.set("causes", cr.causesJson());
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
        o.put("se", "robust (sandwich), as crr");
        Json.putSource(o, cr.cohort());
        cohort.putFollowUp(o);
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
        ObjectNode ll = o.putObject("loglik");
        Json.put(ll, "null", m.loglikNull());
        Json.put(ll, "model", m.loglik());
        ObjectNode lr = o.putObject("pseudo_lr_test");
        Json.put(lr, "statistic", m.pseudoLikelihoodRatio());
        lr.put("df", m.df());
        o.set("warnings", Json.warnings(cr.warnings(), diagnostics));
        return o;
    }

    private static String csv(FineGrayModel m) {
        List<String[]> rows = new ArrayList<>();
        for (FineGrayCoefficient k : m.coefficients()) {
            rows.add(new String[] {k.term(), Numbers.csv(k.coef()), Numbers.csv(k.se()), Numbers.csv(k.modelSe()), Numbers.csv(k.z()),
                Numbers.csv(k.pValue()), Numbers.csv(k.hr()), Numbers.csv(k.hrLower()), Numbers.csv(k.hrUpper()),
                Boolean.toString(k.aliased())});
        }
        return Csv.write(new String[] {"term", "coef", "se", "model_se", "z", "p_value", "hr", "hr_lower", "hr_upper",
            "aliased"}, rows);
    }

    private String text(CompetingRisksCohort cr, FineGrayModel m, List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        String code = cr.label(m.cause());
        sb.append("Fine–Gray competing-risks regression, cause ").append(code).append('\n');
        sb.append("data: ").append(cr.cohort().source()).append("   time: ").append(cohort.timeLabel())
                .append("   event: ").append(cohort.event).append(" (censored = ")
                .append(cr.label(m.censorCode())).append("; causes ").append(cr.causeList())
                .append(")").append(cohort.followUpText()).append('\n');
        sb.append(KmCommand.rowsLine(cr.cohort()));
        sb.append("  n = ").append(m.n()).append(", events of cause ").append(code).append(" = ").append(m.events())
                .append(", competing events = ").append(m.competingEvents()).append(", censored = ")
                .append(m.censored()).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        for (FineGrayCoefficient k : m.coefficients()) {
            rows.add(new String[] {k.term(), Numbers.text(k.coef(), 4), Numbers.text(k.hr(), 4), Numbers.text(k.se(), 4),
                Numbers.text(k.z(), 3), Numbers.pValue(k.pValue())});
        }
        sb.append(TextTable.of(new String[] {"", "coef", "exp(coef)", "se(coef)", "z", "p"}, rows)).append('\n');
        String lvl = Numbers.text(m.confLevel(), 3);
        List<String[]> ci = new ArrayList<>();
        for (FineGrayCoefficient k : m.coefficients()) {
            ci.add(new String[] {k.term(), Numbers.text(k.hr(), 4), Numbers.text(k.hrLower(), 4), Numbers.text(k.hrUpper(), 4)});
        }
        sb.append(TextTable.of(new String[] {"", "exp(coef)", "lower " + lvl, "upper " + lvl}, ci)).append('\n');
        sb.append("exp(coef) is a subdistribution hazard ratio; se(coef) is crr's robust (sandwich) standard error.\n");
        sb.append("Pseudo log-likelihood = ").append(Numbers.text(m.loglik(), 6)).append("   Pseudo likelihood ratio test = ")
                .append(Numbers.text(m.pseudoLikelihoodRatio(), 4)).append(" on ").append(m.df()).append(" df\n");
        if (!m.converged()) {
            sb.append("(did not converge in ").append(m.iterations()).append(" iterations)\n");
        }
        KmCommand.appendWarnings(sb, cr.warnings(), diagnostics);
        return sb.toString();
    }
}
