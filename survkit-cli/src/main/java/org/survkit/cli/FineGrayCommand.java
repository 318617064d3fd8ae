package org.survkit.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.survkit.cli.output.Serializer;
import org.survkit.cli.result.FineGrayResult;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.study.frame.ModelFrame;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;
import picocli.CommandLine.Command;
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

    @Option(names = StudyKeys.Flags.START, paramLabel = "COL",
            description = {"Entry time (left truncation, delayed entry): rows (start, time]. The model is then fitted as",
                "R survival's finegray() + weighted coxph(): the competing failures' weights use the censoring and the",
                "entry distributions (Geskus 2011); coxph's robust standard errors."})
    String start;

    @Mixin
    ConfLevelOption confLevelOption;

    @Mixin
    OutputOptions output;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Integer elsewhere = engine.runElsewhere(spec);
        if (elsewhere != null) {
            return elsewhere;
        }
        double confLevel = confLevelOption.value();
        CompetingRisksCohort cr = CompetingRisksCohort.read(cohort, "finegray", cohort.censorCode("finegray"), null, null,
                covariates, categorical, start, spec.commandLine().getErr());
        double c = cr.cause(cause, cohort.event);
        DesignMatrix design = ModelFrame.of(cr.cohort(), covariates, reference, Map.of(), Where.COMMAND_LINE,
                StudyKeys.REFERENCE).design();
        FineGrayModel m = FineGrayRegression.withDefaults().withConfLevel(confLevel)
                .fit(start == null ? null : cr.cohort().start(), cr.cohort().time(), cr.status(), cr.censorCode(), c,
                        design);
        FineGrayResult result = new FineGrayResult(cr.summary(cohort, null), cr.codes(), m,
                CommandGuardrails.fineGray(m));
        output.emit(spec.commandLine().getOut(), Serializer.FINE_GRAY, result);
        return ExitCodes.OK;
    }
}
