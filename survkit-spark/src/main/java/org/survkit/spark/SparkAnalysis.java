package org.survkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.survkit.cli.CurveOptions;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of {@code km}, {@code compare}, {@code cox} and {@code cif} that the Spark engine takes, under the command line's
 * own flag names (from {@link Flags}, with the command line's help texts). Options of the local engine that need
 * the whole file in memory (dates, landmark, horizon, missing codes, …) are not declared, so giving one stops with
 * the message that it is not available with {@code --engine spark}.
 */
@Command(name = "survkit", mixinStandardHelpOptions = false)
final class SparkAnalysis implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA",
            description = "Data Spark reads: .parquet or a folder of Parquet files, .csv/.tsv (with a header), .json,"
                    + " .orc")
    String data;

    @Option(names = Flags.TIME, paramLabel = "COL", required = true)
    String time;

    @Option(names = Flags.EVENT, paramLabel = "COL", required = true)
    String event;

    @Option(names = Flags.EVENT_VALUE, paramLabel = "V")
    Double eventValue;

    @Option(names = Flags.GROUP, paramLabel = "COL")
    String group;

    @Option(names = Flags.STRATA, paramLabel = "COL")
    String strata;

    @Option(names = Flags.CENSOR_VALUE, paramLabel = "V")
    String censorValue;

    @Option(names = "--cause", paramLabel = "V")
    String cause;

    @Option(names = "--rho", paramLabel = "P", defaultValue = "0")
    double rho;

    @Mixin
    CurveOptions curve;

    @Option(names = "--covariates", paramLabel = "COL", split = ",")
    List<String> covariates = new ArrayList<>();

    @Option(names = Flags.WEIGHTS, paramLabel = "COL")
    String weights;

    @Option(names = "--at", paramLabel = "T", split = ",")
    double[] at = new double[0];

    @Option(names = "--tau", paramLabel = "T")
    Double tau;

    @Option(names = {"--test"}, paramLabel = "TEST")
    String test;

    @Option(names = Flags.PAIRWISE)
    boolean pairwise;

    @Option(names = Flags.TREND)
    boolean trend;

    @Option(names = Flags.TIES, paramLabel = "TIES")
    String ties;

    @Option(names = Flags.ZPH_TRANSFORM, paramLabel = "T")
    String zphTransform;

    @Option(names = "--table")
    boolean table;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text")
    String format;

    @Option(names = Flags.ENGINE, paramLabel = "ENGINE")
    String engine;

    @Option(names = Flags.MASTER, paramLabel = "URL")
    String master;

    @Override
    public Integer call() {
        return 0; // parsed only; SparkEngine runs the analysis
    }
}
