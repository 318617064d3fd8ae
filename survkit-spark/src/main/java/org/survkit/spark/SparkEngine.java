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
import org.survkit.cli.ExitCodes;
import org.survkit.cli.output.OutputFormat;
import org.survkit.cli.output.Serializer;
import org.survkit.cli.result.CohortSummary;
import org.survkit.cli.result.CompareResult;
import org.survkit.cli.result.CoxResult;
import org.survkit.cli.result.KmResult;
import org.survkit.io.Exclusion;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.guardrails.Guardrails;
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
 * {@code survkit km|compare|cox DATA --engine spark [--master URL]}: the command line's {@link ClusterEngine} for
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
        if (!List.of("km", "compare", "cox").contains(command)) {
            err.println("survkit " + command + ": not available with " + Flags.ENGINE + " spark yet (km, compare and"
                    + " cox are); run it without " + Flags.ENGINE + ".");
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
            switch (command) {
                case "km" -> print(out, Serializer.KM, km(s, a, read), format);
                case "compare" -> print(out, Serializer.COMPARE, compare(s, a, read), format);
                default -> print(out, Serializer.COX, cox(s, a, read), format);
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

    private static CohortSummary summary(SparkAnalysis a, String group, long read, long analysed) {
        List<Exclusion> excluded = read > analysed ? List.of(new Exclusion("missing value", a.time + ", " + a.event
                + (group == null ? "" : ", " + group), Math.toIntExact(read - analysed), List.of())) : List.of();
        String event = a.event + " = " + (a.eventValue == null ? "1" : Double.toString(a.eventValue)
                .replaceAll("\\.0$", ""));
        return new CohortSummary(a.data, a.time, event, group, Double.NaN, Double.NaN, Math.toIntExact(read),
                Math.toIntExact(analysed), excluded, List.of(), null);
    }

    private static long analysed(FrequencyTable t) {
        long n = 0;
        for (int c : t.count()) {
            n += c;
        }
        return n;
    }

    private static Estimates estimates(SparkAnalysis a) {
        return Estimates.resolve(null, null, null, null, a.at, a.tau);
    }

    private static KmResult km(SparkSurvival s, SparkAnalysis a, long read) {
        Estimates est = estimates(a);
        KaplanMeier km = KaplanMeier.withDefaults().with(est.confType()).withConfLevel(est.confLevel());
        FrequencyTable t = s.table();
        List<GroupCurve> curves = km.fit(t.time(), t.event(), t.count(), t.groups());
        List<GroupCurve> followUp = km.reverse(t.time(), t.event(), t.count(), t.groups());
        List<Diagnostic> diagnostics = new ArrayList<>(Guardrails.forCurves(curves, a.at, est.tau()));
        LogRankResult test = null;
        if (a.test != null) {
            test = LogRankTest.withDefaults().with(StudyKeys.TEST.parse(a.test, Where.COMMAND_LINE))
                    .test(t.time(), t.event(), t.count(), t.groups(), null);
        }
        return new KmResult(summary(a, a.group, read, analysed(t)), est, curves, followUp, test, diagnostics,
                a.table);
    }

    private static CompareResult compare(SparkSurvival s, SparkAnalysis a, long read) {
        if (a.group == null) {
            throw new IllegalArgumentException("compare needs the groups: give the grouping column with "
                    + Flags.GROUP + ".");
        }
        Estimates est = estimates(a);
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
        List<Diagnostic> diagnostics = new ArrayList<>(Guardrails.forComparison(r, curves, pairs.size(),
                cmp.adjust()));
        diagnostics.addAll(Guardrails.forPower(r));
        return new CompareResult(summary(a, a.group, read, analysed(t)), a.strata, cmp, r, pairs, trend, null,
                List.of(), diagnostics);
    }

    private static CoxResult cox(SparkSurvival s, SparkAnalysis a, long read) {
        if (a.covariates.isEmpty()) {
            throw new IllegalArgumentException("cox needs covariates: give numeric columns with --covariates"
                    + " (e.g. --covariates age,stage).");
        }
        Ties ties = a.ties == null ? StudyKeys.TIES.defaultValue() : StudyKeys.TIES.parse(a.ties, Where.COMMAND_LINE);
        CoxModel m = s.cox(CoxRegression.withDefaults().with(ties), a.covariates);
        List<Diagnostic> diagnostics = new ArrayList<>(m.diagnostics());
        diagnostics.add(Diagnostic.note("spark-engine", "Computed on Spark from risk-set sums: the concordance and"
                + " the proportional-hazards test, which need every row, are not computed."));
        return new CoxResult(summary(a, null, read, m.n()), a.strata, m, null, diagnostics, null);
    }
}
