package org.survkit.spark;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.survkit.cli.ClusterEngine;
import org.survkit.cli.CommandGuardrails;
import org.survkit.cli.ExitCodes;
import org.survkit.cli.output.Numbers;
import org.survkit.cli.output.OutputFormat;
import org.survkit.cli.output.Serializer;
import org.survkit.cli.result.CauseCodes;
import org.survkit.cli.result.CifResult;
import org.survkit.cli.result.CohortSummary;
import org.survkit.cli.result.FineGrayResult;
import org.survkit.cli.result.CompareResult;
import org.survkit.cli.result.CoxResult;
import org.survkit.cli.result.KmResult;
import org.survkit.io.EventCode;
import org.survkit.io.Exclusion;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.competing.GrayTestResult;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.cox.ZphTransform;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TrendTestResult;
import org.survkit.study.Comparisons;
import org.survkit.study.Estimates;
import org.survkit.study.Rmst;
import org.survkit.study.key.Where;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine;

/**
 * {@code survkit km|compare|cox|cif|finegray DATA --engine spark [--master URL]}: the command line's {@link ClusterEngine} for
 * Spark. It reads DATA with Spark, runs {@link SparkSurvival} and prints the command line's own result records with
 * its own serializers, so the output has the local engine's layout and numbers. Rows with a missing time, status,
 * group, stratum, weight or covariate are left out and counted in the rows line.
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
        SparkAnalysis a = new SparkAnalysis();
        CommandLine cl = new CommandLine(a);
        List<String> rest = new ArrayList<>(args);
        if (!rest.isEmpty() && rest.get(0).equals(command)) {
            rest.remove(0);
        }
        try {
            cl.parseArgs(rest.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            err.println("survkit " + command + " " + Flags.ENGINE + " spark: " + e.getMessage()
                    + (e instanceof CommandLine.UnmatchedArgumentException
                            ? " (not available with " + Flags.ENGINE + " spark: it needs the whole file in memory;"
                                    + " run without " + Flags.ENGINE + " spark, or prepare the column in Spark)"
                            : ""));
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        OutputFormat format;
        try {
            format = OutputFormat.valueOf(a.format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("survkit " + command + ": --format " + a.format + " is not a format; use text, json or csv.");
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        SparkSession spark = session(a.master, command);
        try {
            Dataset<Row> data = read(spark, a.data);
            SurvivalColumns cols = new SurvivalColumns(a.time, a.event, a.eventValue == null ? 1 : a.eventValue,
                    command.equals("cox") ? null : a.group, command.equals("km") ? null : a.strata,
                    command.equals("cox") ? a.weights : null);
            SparkSurvival s = SparkSurvival.of(data, cols);
            long read = data.count();
            List<String> named = new ArrayList<>(cols.used());
            if (command.equals("cox") || command.equals("finegray")) {
                named.addAll(a.covariates);
            }
            String missing = String.join(", ", named); // the columns whose missing values leave a row out
            CohortSummaryMaker summary = (group, analysed) -> summary(a, data, cols, missing, group, read, analysed);
            switch (command) {
                case "km" -> print(out, Serializer.KM, km(s, a, summary), format);
                case "compare" -> print(out, Serializer.COMPARE, compare(s, a, summary), format);
                case "cif" -> print(out, Serializer.CIF, cif(s, a, read, missing), format);
                case "finegray" -> print(out, Serializer.FINE_GRAY, fineGray(s, a, read, missing), format);
                default -> print(out, Serializer.COX, cox(s, a, summary), format);
            }
            return ExitCodes.OK;
        } catch (IllegalArgumentException | org.survkit.io.InputException e) {
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

    private static <R> void print(PrintWriter out, Serializer<R> serializer, R result, OutputFormat format) {
        try {
            serializer.print(result, format).writeTo(out);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** The unit of time in messages: the time is a column here, as with the local engine's --time. */
    private static final String UNIT = "time units";

    /**
     * @param missing the columns whose missing values leave a row out, as the rows line names them
     */
    private static CohortSummary summary(SparkAnalysis a, String missing, String group, String event, long read,
            long analysed, List<EventCode> coding) {
        List<Exclusion> excluded = read > analysed ? List.of(new Exclusion("missing value", missing,
                Math.toIntExact(read - analysed), List.of())) : List.of();
        return new CohortSummary(a.data, a.time, event, group, Double.NaN, Double.NaN, Math.toIntExact(read),
                Math.toIntExact(analysed), excluded, List.of(), coding);
    }

    /** The summary of an analysis of event / censored rows, with the event column's coding line. */
    private static CohortSummary summary(SparkAnalysis a, Dataset<Row> data, SurvivalColumns cols, String missing,
            String group, long read, long analysed) {
        String event = a.event + " = " + (a.eventValue == null ? "1" : Numbers.code(a.eventValue));
        return summary(a, missing, group, event, read, analysed, EventCodingTable.of(data, cols,
                a.eventValue != null));
    }

    private static long analysed(FrequencyTable t) {
        long n = 0;
        for (int c : t.count()) {
            n += c;
        }
        return n;
    }

    private static KmResult km(SparkSurvival s, SparkAnalysis a, CohortSummaryMaker summary) {
        Estimates est = a.curve.estimates(null, a.at, a.tau);
        KaplanMeier km = KaplanMeier.withDefaults().with(est.confType()).withConfLevel(est.confLevel());
        FrequencyTable t = s.table();
        List<GroupCurve> curves = km.fit(t.time(), t.event(), t.count(), t.groups());
        List<GroupCurve> followUp = km.reverse(t.time(), t.event(), t.count(), t.groups());
        LogRankResult test = null;
        if (a.test != null) {
            test = LogRankTest.withDefaults().with(StudyKeys.TEST.parse(a.test, Where.COMMAND_LINE))
                    .test(t.time(), t.event(), t.count(), t.groups(), null);
        }
        List<Diagnostic> diagnostics = CommandGuardrails.km(curves, followUp, est, t.time(), t.event(), UNIT, false,
                test);
        return new KmResult(summary.of(a.group, analysed(t)), est, curves, followUp, test, diagnostics, a.table);
    }

    private static CompareResult compare(SparkSurvival s, SparkAnalysis a, CohortSummaryMaker summary) {
        if (a.group == null) {
            throw new IllegalArgumentException("compare needs the groups: give the grouping column with "
                    + Flags.GROUP + ".");
        }
        Estimates est = a.curve.estimates(null, a.at, a.tau);
        Comparisons cmp = Comparisons.resolve(est, a.test == null ? null : StudyKeys.TEST.parse(a.test,
                Where.COMMAND_LINE), null, null, a.pairwise, null, a.trend, null, false, Rmst.NO, Where.COMMAND_LINE);
        LogRankTest engine = cmp.engine();
        FrequencyTable t = s.table();
        LogRankResult r = engine.test(t.time(), t.event(), t.count(), t.groups(), t.strataFactor());
        List<PairwiseComparison> pairs = cmp.pairwise()
                ? engine.pairwise(t.time(), t.event(), t.count(), t.groups(), t.strataFactor(), cmp.adjust())
                : List.of();
        TrendTestResult trend = cmp.trend()
                ? engine.trend(t.time(), t.event(), t.count(), t.groups(), t.strataFactor(), null) : null;
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(t.time(), t.event(), t.count(), t.groups());
        List<Diagnostic> diagnostics = CommandGuardrails.compare(r, curves, pairs.size(), cmp.adjust(), null,
                t.time(), t.event(), UNIT);
        return new CompareResult(summary.of(a.group, analysed(t)), a.strata, cmp, r, pairs, trend, null,
                List.of(), diagnostics);
    }

    private static CoxResult cox(SparkSurvival s, SparkAnalysis a, CohortSummaryMaker summary) {
        if (a.covariates.isEmpty()) {
            throw new IllegalArgumentException("cox needs covariates: give numeric columns with --covariates"
                    + " (e.g. --covariates age,stage).");
        }
        Ties ties = a.ties == null ? StudyKeys.TIES.defaultValue() : StudyKeys.TIES.parse(a.ties, Where.COMMAND_LINE);
        ZphTransform transform = a.zphTransform == null ? StudyKeys.ZPH_TRANSFORM.defaultValue()
                : StudyKeys.ZPH_TRANSFORM.parse(a.zphTransform, Where.COMMAND_LINE);
        if (transform != ZphTransform.KM) {
            throw new IllegalArgumentException(Flags.ZPH_TRANSFORM + " " + transform.id() + ": with " + Flags.ENGINE
                    + " spark the proportional-hazards test uses the km transform (R cox.zph's default) only; run"
                    + " without " + Flags.ENGINE + " spark for " + transform.id() + ".");
        }
        SparkSurvival.CoxWithTest fit = s.coxWithTest(CoxRegression.withDefaults().with(ties), a.covariates);
        CoxModel m = fit.model();
        List<Diagnostic> diagnostics = new ArrayList<>(CommandGuardrails.cox(m, fit.proportionalHazards(), false));
        diagnostics.add(Diagnostic.note("spark-engine", "Computed on Spark from risk-set sums: the concordance,"
                + " which needs every row, is not computed."));
        return new CoxResult(summary.of(null, m.n()), a.strata, m, fit.proportionalHazards(), diagnostics, null);
    }

    /** The cohort summary of an analysis once its group column and analysed rows are known. */
    @FunctionalInterface
    private interface CohortSummaryMaker {
        CohortSummary of(String group, long analysed);
    }

    /**
     * {@code cif}: the codes of the status column (numbers) are read from the frequency table itself; the one
     * given with --censor-value marks censored rows, every other is a cause.
     */
    private static CifResult cif(SparkSurvival s, SparkAnalysis a, long read, String missing) {
        if (!(a.rho >= 0) || Double.isInfinite(a.rho)) {
            throw new IllegalArgumentException("--rho must be a number >= 0, got " + a.rho + ".");
        }
        Estimates est = a.curve.estimates(null, a.at, null);
        FrequencyTable t = s.table(true);
        CauseCodes codes = causeCodes(t, a, "cif");
        Double only = a.cause == null ? null : cause(codes, a.cause);
        CumulativeIncidenceResult fit = s.cumulativeIncidence(t, CumulativeIncidence.withDefaults()
                .with(est.confType()).withConfLevel(est.confLevel()).withRho(a.rho), codes.censorCode());
        List<CumulativeIncidenceCurve> curves = fit.curves().stream()
                .filter(c -> only == null || c.cause() == only).toList();
        List<GrayTestResult> tests = fit.tests().stream().filter(x -> only == null || x.cause() == only).toList();
        List<Diagnostic> diagnostics = CommandGuardrails.cif(fit, curves, tests, est.at(), false,
                a.group != null);
        return new CifResult(summary(a, missing, a.group, codes.eventText(), read, analysed(t), List.of()), codes,
                a.strata, null, est, a.rho, fit.variance(), curves, tests, diagnostics, a.table);
    }

    /**
     * {@code finegray}: crr's model of one cause (--cause, default the first cause code) on numeric covariate
     * columns; the codes are read from the counts per status code, as cif reads them.
     */
    private static FineGrayResult fineGray(SparkSurvival s, SparkAnalysis a, long read, String missing) {
        if (a.covariates.isEmpty()) {
            throw new IllegalArgumentException("finegray needs covariates: give numeric columns with --covariates"
                    + " (e.g. --covariates age,stage).");
        }
        FrequencyTable t = s.table(true);
        CauseCodes codes = causeCodes(t, a, "finegray");
        double cause = a.cause == null ? codes.causes()[0] : cause(codes, a.cause);
        FineGrayModel m = s.fineGray(FineGrayRegression.withDefaults().withConfLevel(a.curve.estimates(null, null,
                null).confLevel()), a.covariates, cause, codes.censorCode());
        return new FineGrayResult(summary(a, missing, null, codes.eventText(), read, m.n(), List.of()), codes, m,
                CommandGuardrails.fineGray(m));
    }

    /** The status column's codes (numbers) found in the table: --censor-value's marks censored rows. */
    private static CauseCodes causeCodes(FrequencyTable t, SparkAnalysis a, String command) {
        if (a.eventValue != null) {
            throw new IllegalArgumentException(command + " reads several causes from the event column: give the code"
                    + " of censored rows with " + Flags.CENSOR_VALUE + " (e.g. " + Flags.CENSOR_VALUE + " 0) instead"
                    + " of " + Flags.EVENT_VALUE + "; every other code is a cause.");
        }
        java.util.TreeSet<Double> found = new java.util.TreeSet<>();
        for (double v : t.status()) {
            found.add(v + 0.0);
        }
        String values = String.join(", ", found.stream().map(Numbers::code).toList());
        if (a.censorValue == null) {
            throw new IllegalArgumentException(command + " needs " + Flags.CENSOR_VALUE + ": which value of column '"
                    + a.event + "' marks a censored row? Values found: " + values + " (e.g. " + Flags.CENSOR_VALUE
                    + " " + (found.isEmpty() ? "0" : Numbers.code(found.first())) + "; every other value is then a"
                    + " cause).");
        }
        double censor;
        try {
            censor = Double.parseDouble(a.censorValue.trim()) + 0.0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Flags.CENSOR_VALUE + " \"" + a.censorValue + "\" is not a number; with "
                    + Flags.ENGINE + " spark the codes of column '" + a.event + "' are numbers (" + values
                    + "): recode word codes in Spark first, or run without " + Flags.ENGINE + " spark.");
        }
        double[] causes = found.stream().mapToDouble(Double::doubleValue).filter(v -> v != censor).toArray();
        if (causes.length == 0) {
            throw new IllegalArgumentException("every analysed row is censored (column '" + a.event + "' is "
                    + Numbers.code(censor) + " throughout): there is no event of any cause to analyse. Check "
                    + Flags.EVENT + " and " + Flags.CENSOR_VALUE + ".");
        }
        return new CauseCodes(a.event, censor, Numbers.code(censor), causes,
                java.util.Arrays.stream(causes).mapToObj(Numbers::code).toList(), false);
    }

    /** The code of --cause among the causes. */
    private static double cause(CauseCodes codes, String option) {
        for (double c : codes.causes()) {
            if (Numbers.code(c).equals(option.trim()) || option.trim().matches("[-+0-9.eE]+")
                    && Double.parseDouble(option.trim()) == c) {
                return c;
            }
        }
        throw new IllegalArgumentException("--cause " + option + " is not a cause of column '" + codes.eventColumn()
                + "'; the causes are " + codes.causeList() + " (censored = " + codes.censorLabel() + ").");
    }
}
