package org.survkit.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.survkit.cli.output.Serializer;
import org.survkit.cli.result.CohortSummary;
import org.survkit.cli.result.CoxResult;
import org.survkit.cli.result.FirthResult;
import org.survkit.io.Cohort;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.cox.ConcordanceWeighting;
import org.survkit.stats.cox.CoxControl;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.FirthCoxModel;
import org.survkit.stats.cox.FirthCoxRegression;
import org.survkit.stats.cox.PreparedCoxData;
import org.survkit.stats.cox.TestedCoxModel;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.cox.ZphTransform;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.Factor;
import org.survkit.study.CoxRules;
import org.survkit.study.frame.ModelFrame;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import org.survkit.study.key.Where;
import picocli.CommandLine.Command;
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
            description = {"Tied event times: efron (default, as R), breslow (as SAS, Stata; the default with --firth, as",
                "coxphf) or exact (the exact partial likelihood, R's ties = \"exact\"; slow with many deaths at one time,",
                "no --weights, --cluster or --firth)."})
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

    @Option(names = Flags.OFFSET, paramLabel = "COL")
    String offset;

    @Option(names = Flags.INIT, paramLabel = "B1,B2,...")
    String init;

    @Option(names = Flags.ITER_MAX, paramLabel = "N")
    String iterMax;

    @Option(names = Flags.ZPH_TRANSFORM, paramLabel = "SCALE")
    String zphTransform;

    @Option(names = Flags.CONCORDANCE, paramLabel = "INDEX")
    String concordance;

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
        Ties t = ties();
        double[] start0 = FlagValues.parse(StudyKeys.INIT, init);
        Integer maxIter = FlagValues.parse(StudyKeys.ITER_MAX, iterMax);
        ZphTransform transform = FlagValues.orDefault(StudyKeys.ZPH_TRANSFORM, zphTransform);
        ConcordanceWeighting weighting = FlagValues.orDefault(StudyKeys.CONCORDANCE, concordance);
        checkOptions();
        double confLevel = confLevelOption.value();
        List<String> columns = covariates;
        if (offset != null && !covariates.contains(offset)) {
            columns = new ArrayList<>(covariates);
            columns.add(offset); // read with the model's columns: a row without an offset is excluded and counted
        }
        Cohort c = cohort.readForModel(columns, categorical, strata, weights, cluster, start,
                spec.commandLine().getErr());
        CoxData data = coxData(c);
        CohortSummary summary = cohort.summary(c, null);
        if (firth) {
            FirthCoxModel fm = FirthCoxRegression.withDefaults().with(t).withConfLevel(confLevel).fit(data);
            output.emit(spec.commandLine().getOut(), Serializer.FIRTH,
                    new FirthResult(summary, strata, fm, fm.diagnostics()));
            return ExitCodes.OK;
        }
        CoxRegression engine = CoxRegression.withDefaults().with(t).with(weighting).withConfLevel(confLevel);
        if (maxIter != null) {
            CoxControl d = CoxControl.DEFAULT;
            engine = engine.with(new CoxControl(d.eps(), d.tolerChol(), maxIter, d.tolerInf()));
        }
        // one preparation (sorted rows, time ranks, centred covariates) for the fit and its PH test (null when
        // there is nothing to test), the test computed alongside the concordance
        TestedCoxModel tested = engine.fitAndTest(PreparedCoxData.of(data),
                start0 == null || start0.length == 0 ? null : start0, transform, true);
        CoxModel m = tested.model();
        ZphResult zph = tested.proportionalHazards();
        boolean readerSaidNoEvents = summary.warnings().stream().anyMatch(w -> w.contains("never occurs"));
        List<Diagnostic> diagnostics = CommandGuardrails.cox(m, zph, readerSaidNoEvents);
        output.emit(spec.commandLine().getOut(), Serializer.COX,
                new CoxResult(summary, strata, m, zph, diagnostics, offset));
        return ExitCodes.OK;
    }

    /** {@return whether --firth was given} */
    public boolean firth() {
        return firth;
    }

    /**
     * {@return the ties of the fit}: --ties, else Breslow with --firth (coxphf's, {@link FirthCoxRegression}'s
     * default), else Efron (R's)
     */
    public Ties ties() {
        return ties == null ? (firth ? FirthCoxRegression.withDefaults().ties() : Ties.EFRON) : Ties.parse(ties);
    }

    /**
     * Stops on options that do not combine (--firth with --cluster, --offset, --init, --iter-max, --concordance;
     * --ties exact with --firth, --weights or --cluster; --concordance uno with --start), saying so: the rules every
     * front end's Cox models follow ({@link CoxRules}); for every engine that runs this command's options.
     *
     * @throws org.survkit.io.InputException naming the two options
     */
    public void checkOptions() {
        CoxRules.check(firth, ties(), weights != null, start != null, cluster, offset, init != null, iterMax != null,
                concordance == null ? null : FlagValues.orDefault(StudyKeys.CONCORDANCE, concordance),
                k -> Where.COMMAND_LINE);
    }

    /** The model input from the cohort: design matrix in R's term order (the model frame's), codes for strata and clusters. */
    private CoxData coxData(Cohort c) {
        DesignMatrix design = ModelFrame.of(c, covariates, reference, Map.of(), Where.COMMAND_LINE,
                StudyKeys.REFERENCE).design();
        double[] off = null;
        if (offset != null) {
            off = c.covariate(offset).numeric();
            if (off == null) {
                throw new UsageException("--offset: column '" + offset + "' holds text" + c.firstNonNumber(offset, c.source())
                        + "; an offset is a number per row (a known part of the log hazard, e.g. the log of an"
                        + " expected rate). If that value means missing, add it to --na.");
            }
        }
        return new CoxData(c.start(), c.time(), c.event(), design, c.weights(),
                c.strata() == null ? null : Factor.of(c.strata()).codes(),
                c.cluster() == null ? null : Factor.of(c.cluster()).codes(), off);
    }
}
