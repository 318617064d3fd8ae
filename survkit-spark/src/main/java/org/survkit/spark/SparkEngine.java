package org.survkit.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.survkit.cli.CauseCoding;
import org.survkit.cli.ClusterEngine;
import org.survkit.cli.CommandGuardrails;
import org.survkit.cli.ComparisonOptions;
import org.survkit.cli.ConfLevelOption;
import org.survkit.cli.CoxCommand;
import org.survkit.cli.CurveOptions;
import org.survkit.cli.ExitCodes;
import org.survkit.cli.MethodOptions;
import org.survkit.cli.OutputOptions;
import org.survkit.cli.output.Numbers;
import org.survkit.cli.output.Serializer;
import org.survkit.cli.result.CauseCodes;
import org.survkit.cli.result.CifResult;
import org.survkit.cli.result.CohortSummary;
import org.survkit.cli.result.FineGrayResult;
import org.survkit.cli.result.CompareResult;
import org.survkit.cli.result.CoxResult;
import org.survkit.cli.result.FirthResult;
import org.survkit.cli.result.KmResult;
import org.survkit.io.EventCode;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.competing.GrayTestResult;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.FirthCoxModel;
import org.survkit.stats.cox.FirthCoxRegression;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.RestrictedMeanComparison;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TrendTestResult;
import org.survkit.stats.logrank.TwoGroupHazardRatios;
import org.survkit.stats.model.Factor;
import org.survkit.study.Comparisons;
import org.survkit.study.Estimates;
import org.survkit.study.Rmst;
import org.survkit.study.key.Where;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine;

/**
 * {@code survkit km|compare|cox|cif|finegray DATA --engine spark [--master URL]}: the command line's {@link ClusterEngine} for
 * Spark. It takes the local command's own options ({@link SparkAnalysis}: parsed by the command line's definitions;
 * an option not built on Spark stops with the reason), reads DATA with Spark, leaves out rows as the local reader
 * does and applies the landmark and horizon ({@link SparkCohort}), codes factors ({@link SparkDesign}), runs
 * {@link SparkSurvival} and prints the command line's own result records with its own serializers, so the output
 * has the local engine's layout and numbers.
 */
public final class SparkEngine implements ClusterEngine {
    static {
        // Spark configures Log4j's core implementation; survkit-report's log4j2.component.properties chooses Log4j's
        // simple logger (for Apache POI), which Spark cannot cast: a system property outranks that file
        if (System.getProperty("log4j2.provider") == null) {
            System.setProperty("log4j2.provider", "org.apache.logging.log4j.core.impl.Log4jProvider");
        }
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public int run(String command, List<String> args, PrintWriter out, PrintWriter err) {
        if (!List.of("km", "compare", "cox", "cif", "finegray").contains(command)) {
            err.println("survkit " + command + ": not available with " + Flags.ENGINE + " spark (km, compare, cox,"
                    + " cif and finegray are); run it without " + Flags.ENGINE + " spark.");
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        SparkAnalysis a;
        try {
            a = SparkAnalysis.parse(command, args);
        } catch (CommandLine.ParameterException e) {
            err.println("survkit " + command + " " + Flags.ENGINE + " spark: " + e.getMessage());
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        String refusal = a.refusal();
        if (refusal != null) {
            err.println(refusal);
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        boolean firth = command.equals("cox") && a.command(CoxCommand.class).firth();
        if (firth) {
            a.command(CoxCommand.class).checkOptions(); // the local command's refusals, before a session starts
        }
        OutputOptions output = a.mixin(OutputOptions.class);
        SparkSession spark = session(a.text(Flags.MASTER), command);
        try {
            Dataset<Row> data = read(spark, a.data());
            switch (command) {
                case "km" -> output.emit(out, Serializer.KM, km(data, a));
                case "compare" -> output.emit(out, Serializer.COMPARE, compare(data, a));
                case "cif" -> output.emit(out, Serializer.CIF, cif(data, a));
                case "finegray" -> output.emit(out, Serializer.FINE_GRAY, fineGray(data, a));
                default -> {
                    if (firth) {
                        output.emit(out, Serializer.FIRTH, firth(data, a));
                    } else {
                        output.emit(out, Serializer.COX, cox(data, a));
                    }
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (IllegalArgumentException | org.survkit.io.InputException | org.survkit.cli.UsageException e) {
            err.println("survkit " + command + ": " + e.getMessage());
            err.flush();
            return ExitCodes.USER_ERROR;
        } catch (RuntimeException e) {
            if (!(e instanceof org.apache.spark.SparkThrowable)) {
                throw e;
            }
            // Spark's own account of a file it cannot read or a value it cannot cast (e.g. a text time column)
            err.println("survkit " + command + " " + Flags.ENGINE + " spark: " + firstLine(e.getMessage())
                    + " Check DATA and the columns given.");
            err.flush();
            return ExitCodes.USER_ERROR;
        } finally {
            spark.stop();
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "Spark could not run the analysis." : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A session on the given master, else spark-submit's, else the key's default (local[*]). */
    static SparkSession session(String master, String command) {
        SparkSession.Builder b = SparkSession.builder().appName("survkit " + command)
                .config("spark.ui.showConsoleProgress", "false");
        if (master != null) {
            b = b.master(StudyKeys.SPARK_MASTER.parse(master, Where.COMMAND_LINE));
        } else if (System.getProperty("spark.master") == null) {
            b = b.master(StudyKeys.SPARK_MASTER.defaultValue());
        }
        return b.getOrCreate();
    }

    /** DATA by its name: Parquet (a .parquet file or a folder), CSV/TSV with a header, JSON lines, ORC. */
    static Dataset<Row> read(SparkSession spark, String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".csv") || p.endsWith(".tsv") || p.endsWith(".txt")) {
            return spark.read().option("header", "true").option("inferSchema", "true")
                    .option("sep", p.endsWith(".tsv") ? "\t" : ",").csv(path);
        }
        if (p.endsWith(".json")) {
            return spark.read().json(path);
        }
        if (p.endsWith(".orc")) {
            return spark.read().orc(path);
        }
        return spark.read().parquet(path);
    }

    /** The unit of time in messages: the time is a column here, as with the local engine's --time. */
    private static final String UNIT = "time units";

    /** The time column (--time): with --engine spark the follow-up is a column, never computed from dates. */
    private static String time(SparkAnalysis a) {
        String t = a.text(Flags.TIME);
        if (t == null) {
            throw new IllegalArgumentException("say where the follow-up time is: " + Flags.TIME + " COL.");
        }
        return t;
    }

    /** The event value (--event-value, one number; 1 when not given), as the Spark engine compares it. */
    private static double eventValue(SparkAnalysis a) {
        List<String> v = a.eventValues();
        if (v.isEmpty()) {
            return 1;
        }
        try {
            if (v.size() == 1) {
                return Double.parseDouble(v.get(0).trim());
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(Flags.EVENT_VALUE + " " + String.join(",", v) + ": with " + Flags.ENGINE
                + " spark the event value is one number (the status column is compared with it); recode word codes"
                + " in Spark first, or run without " + Flags.ENGINE + " spark.");
    }

    /** The rows of an event / censored analysis: the slots in the reader's order, then landmark and horizon. */
    private static SparkCohort.Rows rows(Dataset<Row> data, SparkAnalysis a, String group, String strata,
            List<String> covariates, String weight) {
        return rows(data, a, group, strata, covariates, weight, null);
    }

    /** {@link #rows(Dataset, SparkAnalysis, String, String, List, String)} with a cluster column (cox), last. */
    private static SparkCohort.Rows rows(Dataset<Row> data, SparkAnalysis a, String group, String strata,
            List<String> covariates, String weight, String cluster) {
        List<SparkCohort.Slot> slots = new ArrayList<>();
        slots.add(new SparkCohort.Slot("time", time(a)));
        slots.add(new SparkCohort.Slot("event", a.text(Flags.EVENT)));
        addSlots(slots, group, strata, covariates);
        if (weight != null) {
            slots.add(new SparkCohort.Slot("weight", weight));
        }
        if (cluster != null) {
            slots.add(new SparkCohort.Slot("cluster", cluster));
        }
        checkColumns(data, slots);
        Column event = SparkSurvival.column(a.text(Flags.EVENT)).cast("double").equalTo(eventValue(a));
        return SparkCohort.of(data, a.data(), slots, time(a), event, null, a.landmark(), a.horizon());
    }

    private static void addSlots(List<SparkCohort.Slot> slots, String group, String strata, List<String> covariates) {
        if (group != null) {
            slots.add(new SparkCohort.Slot("group", group));
        }
        if (strata != null) {
            slots.add(new SparkCohort.Slot("stratum", strata));
        }
        for (String c : covariates) {
            slots.add(new SparkCohort.Slot("covariate", c));
        }
    }

    private static void checkColumns(Dataset<Row> data, List<SparkCohort.Slot> slots) {
        List<String> have = List.of(data.columns());
        for (SparkCohort.Slot s : slots) {
            if (s.column().contains(":") && !have.contains(s.column())) {
                throw new IllegalArgumentException("the interaction '" + s.column() + "' is not available with "
                        + Flags.ENGINE + " spark (not built yet): compute the product column in Spark first.");
            }
            if (!have.contains(s.column())) {
                throw new IllegalArgumentException("no column '" + s.column() + "' in the data; its columns are "
                        + String.join(", ", have));
            }
        }
    }

    /** The summary of an event / censored analysis, with the event column's coding line (all rows read). */
    private static CohortSummary summary(Dataset<Row> data, SparkAnalysis a, SparkCohort.Rows rows, String group) {
        List<String> values = a.eventValues();
        String event = values.isEmpty() ? a.text(Flags.EVENT) : a.text(Flags.EVENT) + " = " + String.join(" or ",
                values);
        SurvivalColumns raw = new SurvivalColumns(time(a), a.text(Flags.EVENT), eventValue(a), null, null, null);
        return summary(a, rows, group, event, List.of(), EventCodingTable.of(data, raw, !values.isEmpty()));
    }

    private static CohortSummary summary(SparkAnalysis a, SparkCohort.Rows rows, String group, String event,
            List<String> warnings, List<EventCode> coding) {
        Double landmark = a.landmark();
        return new CohortSummary(a.data(), time(a), event, group, landmark == null ? Double.NaN : landmark,
                a.horizon(), Math.toIntExact(rows.read()), Math.toIntExact(rows.analysed()), rows.excluded(),
                warnings, coding);
    }

    private static KmResult km(Dataset<Row> data, SparkAnalysis a) {
        String group = a.text(Flags.GROUP);
        double[] at = a.value(Flags.AT, new double[0]);
        Double tau = a.value(Flags.TAU, null);
        Estimates est = a.mixin(MethodOptions.class).estimates(at, tau);
        String test = a.text(Flags.TEST);
        if (test != null && group == null) {
            throw new IllegalArgumentException("--test compares groups: give the grouping column with --group.");
        }
        SparkCohort.Rows rows = rows(data, a, group, null, List.of(), null);
        KaplanMeier km = KaplanMeier.withDefaults().with(est.confType()).withConfLevel(est.confLevel());
        FrequencyTable t = SparkSurvival.of(rows.rows(), rows.columns(group, null, null)).table();
        List<GroupCurve> curves = km.fit(t.time(), t.event(), t.count(), t.groups());
        List<GroupCurve> followUp = km.reverse(t.time(), t.event(), t.count(), t.groups());
        LogRankResult comparison = null;
        if (test != null) {
            comparison = LogRankTest.withDefaults().with(StudyKeys.TEST.parse(test, Where.COMMAND_LINE))
                    .test(t.time(), t.event(), t.count(), t.groups(), null);
        }
        List<Diagnostic> diagnostics = CommandGuardrails.km(curves, followUp, est, t.time(), t.event(), UNIT, false,
                comparison);
        return new KmResult(summary(data, a, rows, group), est, curves, followUp, comparison, diagnostics,
                a.given("--table"));
    }

    private static CompareResult compare(Dataset<Row> data, SparkAnalysis a) {
        String group = a.text(Flags.GROUP);
        String strata = a.text(Flags.STRATA);
        if (group == null) {
            throw new IllegalArgumentException("compare needs the groups: give the grouping column with "
                    + Flags.GROUP + ".");
        }
        ComparisonOptions options = a.mixin(ComparisonOptions.class);
        Estimates est = a.mixin(MethodOptions.class).estimates(null, options.tau());
        Comparisons cmp = options.comparisons(est);
        LogRankTest engine = cmp.engine();
        double[] scores = cmp.scores().length == 0 ? null : cmp.scores();
        Double rmst = cmp.rmst() == Rmst.YES ? est.tau() : null;
        SparkCohort.Rows rows = rows(data, a, group, strata, List.of(), null);
        FrequencyTable t = SparkSurvival.of(rows.rows(), rows.columns(group, strata, null)).table();
        Factor g = t.groups();
        LogRankResult r = engine.test(t.time(), t.event(), t.count(), g, t.strataFactor());
        List<PairwiseComparison> pairs = cmp.pairwise()
                ? engine.pairwise(t.time(), t.event(), t.count(), g, t.strataFactor(), cmp.adjust()) : List.of();
        TrendTestResult trend = cmp.trend()
                ? engine.trend(t.time(), t.event(), t.count(), g, t.strataFactor(), scores) : null;
        TwoGroupHazardRatios hr = g.levelCount() == 2
                ? engine.hazardRatio(t.time(), t.event(), t.count(), g, t.strataFactor(), est.confLevel()) : null;
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(t.time(), t.event(), t.count(), g);
        List<RestrictedMeanComparison> rmsts = new ArrayList<>();
        if (rmst != null) {
            for (int i = 0; i < curves.size(); i++) {
                for (int j = i + 1; j < curves.size(); j++) {
                    rmsts.add(RestrictedMeanComparison.of(curves.get(i), curves.get(j), rmst, est.confLevel()));
                }
            }
        }
        List<Diagnostic> diagnostics = CommandGuardrails.compare(r, curves, pairs.size(), cmp.adjust(), rmst,
                t.time(), t.event(), UNIT);
        return new CompareResult(summary(data, a, rows, group), strata, cmp, r, pairs, trend, hr, rmsts,
                diagnostics);
    }

    /** The rows of a Cox model (--covariates, --strata, --weights, --cluster), its factors coded, on Spark. */
    private record CoxInput(SparkCohort.Rows rows, String strata, SparkDesign design, SparkSurvival survival) {
        static CoxInput of(Dataset<Row> data, SparkAnalysis a) {
            List<String> terms = a.value(Flags.COVARIATES, List.of());
            String strata = a.text(Flags.STRATA);
            String weight = a.text(Flags.WEIGHTS);
            String cluster = a.text(Flags.CLUSTER);
            SparkCohort.Rows rows = SparkEngine.rows(data, a, null, strata, SparkDesign.columns(terms), weight,
                    cluster);
            SparkDesign design = SparkDesign.of(data, rows.rows(), terms, a.value(Flags.CATEGORICAL, List.of()),
                    a.value(Flags.REFERENCE, Map.of()));
            return new CoxInput(rows, strata, design, SparkSurvival.of(design.rows(), rows.columns(null, strata,
                    weight).withCluster(cluster)));
        }
    }

    private static CoxResult cox(Dataset<Row> data, SparkAnalysis a) {
        String ties = a.text(Flags.TIES);
        Ties t = ties == null ? StudyKeys.TIES.defaultValue() : StudyKeys.TIES.parse(ties, Where.COMMAND_LINE);
        double confLevel = a.mixin(ConfLevelOption.class).value();
        CoxInput in = CoxInput.of(data, a);
        SparkDesign design = in.design();
        SparkSurvival.CoxWithTest fit = in.survival().coxWithTest(CoxRegression.withDefaults().with(t)
                .withConfLevel(confLevel), design.columnNames(), design.assign(), design.termLabels());
        CoxModel m = fit.model();
        List<Diagnostic> diagnostics = CommandGuardrails.cox(m, fit.proportionalHazards(), false);
        return new CoxResult(summary(data, a, in.rows(), null), in.strata(), m, fit.proportionalHazards(),
                diagnostics, null);
    }

    /**
     * {@code cox --firth}: Firth's penalized fit (R coxphf) with the local command's ties and checks
     * ({@link CoxCommand#ties()}, {@link CoxCommand#checkOptions()}), printed as the local command prints it.
     */
    private static FirthResult firth(Dataset<Row> data, SparkAnalysis a) {
        FirthCoxRegression engine = FirthCoxRegression.withDefaults().with(a.command(CoxCommand.class).ties())
                .withConfLevel(a.mixin(ConfLevelOption.class).value());
        CoxInput in = CoxInput.of(data, a);
        FirthCoxModel m = in.survival().firthCox(engine, in.design().columnNames());
        return new FirthResult(summary(data, a, in.rows(), null), in.strata(), m, m.diagnostics());
    }

    /**
     * The rows of a competing-risks analysis, their status coded as the local engine codes it ({@link CauseCoding}:
     * numbers, or words numbered; beyond the horizon the censor code), and the coding. The values coded are the
     * status column's distinct values in the rows analysed (one {@code distinct}), as text: a numeric column's as
     * the reader writes them (1, not 1.0), a text column's trimmed.
     */
    private record Competing(SparkCohort.Rows rows, CauseCoding coding) {
        /** The codes present after the horizon, from the table by code; none: every row censored (refused). */
        CauseCodes codes(FrequencyTable t) {
            java.util.Set<Double> present = new java.util.HashSet<>();
            for (double v : t.status()) {
                present.add(v + 0.0);
            }
            return coding.codes(present::contains);
        }

        /** The local reader's summary: the event column with its codes, the coding's warnings, its missing cells. */
        CohortSummary summary(Dataset<Row> data, SparkAnalysis a, String group, CauseCodes codes) {
            List<String> warnings = new ArrayList<>(coding.warnings());
            warnings.addAll(coding.manyCauses(codes));
            SurvivalColumns raw = SurvivalColumns.of(time(a), a.text(Flags.EVENT));
            List<EventCode> missing = EventCodingTable.of(data, raw, true).stream()
                    .filter(c -> c.meaning() == EventCode.Meaning.MISSING).toList();
            return SparkEngine.summary(a, rows, group, codes.eventText(), warnings, missing);
        }
    }

    private static Competing competingRows(Dataset<Row> data, SparkAnalysis a, String command, String group,
            String strata, List<String> covariates) {
        String censorValue = CauseCoding.censorValue(command, a.eventValues(), a.censorValues());
        String event = a.text(Flags.EVENT);
        List<SparkCohort.Slot> slots = new ArrayList<>();
        slots.add(new SparkCohort.Slot("time", time(a)));
        slots.add(new SparkCohort.Slot("event", event));
        addSlots(slots, group, strata, covariates);
        checkColumns(data, slots);
        SparkCohort.Rows rows = SparkCohort.of(data, a.data(), slots, time(a), null, event, a.landmark(),
                a.horizon());
        DataType type = data.schema().apply(event).dataType();
        boolean numeric = type instanceof NumericType || type instanceof BooleanType;
        Column status = functions.col(SparkCohort.STATUS);
        Column text = functions.trim(status.cast("string"));
        List<String> values = new ArrayList<>();
        for (Row r : rows.rows().select(numeric ? status.cast("double") : text).distinct().collectAsList()) {
            values.add(numeric ? Numbers.code(r.getDouble(0)) : r.getString(0));
        }
        String file = java.nio.file.Path.of(a.data()).getFileName().toString();
        CauseCoding coding = CauseCoding.of(command, event, file, values, censorValue, () -> {
            Object[] words = values.stream().filter(v -> !CauseCoding.isNumber(v)).toArray();
            Column cell = functions.trim(SparkSurvival.column(event).cast("string"));
            String[] first = rows.first(cell.isin(words), cell);
            return new CauseCoding.NotANumber(first[0], first[1]);
        });
        Column code;
        if (numeric) {
            code = status.cast("double");
        } else {
            List<Column> pairs = new ArrayList<>();
            for (String v : values) {
                pairs.add(functions.lit(v));
                pairs.add(functions.lit(coding.code(v)));
            }
            code = functions.element_at(functions.map(pairs.toArray(new Column[0])), text);
        }
        return new Competing(rows.withCodes(code, coding.censorCode()), coding);
    }

    /**
     * {@code cif}: the status column coded as the local cif codes it ({@link #competingRows}): the one given with
     * --censor-value marks censored rows, every other is a cause.
     */
    private static CifResult cif(Dataset<Row> data, SparkAnalysis a) {
        double rho = a.value("--rho", 0.0);
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("--rho must be a number >= 0, got " + rho + ".");
        }
        String group = a.text(Flags.GROUP);
        String strata = a.text(Flags.STRATA);
        double[] at = a.value(Flags.AT, new double[0]);
        Estimates est = a.mixin(CurveOptions.class).estimates(null, at, null);
        Competing cr = competingRows(data, a, "cif", group, strata, List.of());
        SparkCohort.Rows rows = cr.rows();
        SparkSurvival s = SparkSurvival.of(rows.rows(), rows.columns(group, strata, null));
        FrequencyTable t = s.table(true);
        CauseCodes codes = cr.codes(t);
        String cause = a.text(Flags.CAUSE);
        Double only = cause == null ? null : cr.coding().cause(cause, codes, Math.toIntExact(rows.analysed()));
        CumulativeIncidenceResult fit = s.cumulativeIncidence(t, CumulativeIncidence.withDefaults()
                .with(est.confType()).withConfLevel(est.confLevel()).withRho(rho), codes.censorCode());
        List<CumulativeIncidenceCurve> curves = fit.curves().stream()
                .filter(c -> only == null || c.cause() == only).toList();
        List<GrayTestResult> tests = fit.tests().stream().filter(x -> only == null || x.cause() == only).toList();
        List<Diagnostic> diagnostics = CommandGuardrails.cif(fit, curves, tests, est.at(), false, group != null);
        return new CifResult(cr.summary(data, a, group, codes), codes, strata, null, est, rho,
                fit.variance(), curves, tests, diagnostics, a.given("--table"));
    }

    /**
     * {@code finegray}: crr's model of one cause (--cause, default the first cause code) on numeric covariate
     * columns and factors (indicator columns, {@link SparkDesign}); the status coded as cif codes it.
     */
    private static FineGrayResult fineGray(Dataset<Row> data, SparkAnalysis a) {
        List<String> terms = a.value(Flags.COVARIATES, List.of());
        Competing cr = competingRows(data, a, "finegray", null, null, SparkDesign.columns(terms));
        SparkCohort.Rows rows = cr.rows();
        SparkDesign design = SparkDesign.of(data, rows.rows(), terms, a.value(Flags.CATEGORICAL, List.of()),
                a.value(Flags.REFERENCE, Map.of()));
        SparkSurvival s = SparkSurvival.of(design.rows(), rows.columns(null, null, null));
        FrequencyTable t = s.table(true);
        CauseCodes codes = cr.codes(t);
        double cause = cr.coding().cause(a.text(Flags.CAUSE), codes, Math.toIntExact(rows.analysed()));
        FineGrayModel m = s.fineGray(FineGrayRegression.withDefaults().withConfLevel(
                a.mixin(ConfLevelOption.class).value()), design.columnNames(), cause, codes.censorCode());
        return new FineGrayResult(cr.summary(data, a, null, codes), codes, m,
                CommandGuardrails.fineGray(m));
    }
}
