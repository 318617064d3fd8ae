package org.survkit.cli;

import java.util.List;
import java.util.ServiceLoader;
import org.survkit.study.Engine;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --engine} and {@code --master} (study keys {@code engine}, {@code spark_master}): where km, compare, cox,
 * cif and finegray run. With {@code --engine spark} the command is handed, arguments as given, to the {@link ClusterEngine}
 * named spark found on the class path.
 */
public final class EngineOptions {
    @Option(names = Flags.ENGINE, paramLabel = "ENGINE")
    String engine;

    @Option(names = Flags.MASTER, paramLabel = "URL")
    String master;

    /**
     * Runs the command on the chosen engine when it is not the local one.
     *
     * @return the exit status, or null when the command runs here (the local engine)
     */
    Integer runElsewhere(CommandSpec spec) {
        Engine e = FlagValues.orDefault(StudyKeys.ENGINE, engine);
        if (e == Engine.LOCAL) {
            if (master != null) {
                throw new UsageException(Flags.MASTER + " is the Spark master of the spark engine: add "
                        + Flags.ENGINE + " spark, or leave " + Flags.MASTER + " out.");
            }
            return null;
        }
        for (ClusterEngine c : ServiceLoader.load(ClusterEngine.class, EngineOptions.class.getClassLoader())) {
            if (c.name().equals(e.word())) {
                List<String> args = spec.commandLine().getParseResult().originalArgs();
                return c.run(spec.name(), args, spec.commandLine().getOut(), spec.commandLine().getErr());
            }
        }
        throw new UsageException(Flags.ENGINE + " " + e.word() + ": the survkit-spark module is not on the class path."
                + " Run through the ./survkit launcher (it builds the module and adds it with its dependencies when "
                + Flags.ENGINE + " spark is given), or submit it: spark-submit --class org.survkit.spark.SparkMain"
                + " survkit-spark/target/survkit-spark.jar " + spec.name() + " DATA ...");
    }
}
