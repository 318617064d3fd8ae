package org.survkit.spark;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.Main;
import org.survkit.study.key.StudyKeys.Flags;

/**
 * The main class for {@code spark-submit}: {@code spark-submit --master yarn --class org.survkit.spark.SparkMain
 * survkit-spark.jar km data.parquet --time t --event status}. The survkit command line with {@code --engine spark}
 * added, so that the analysis runs on the session spark-submit configured.
 */
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.contains(Flags.ENGINE) && a.stream().noneMatch(s -> s.startsWith(Flags.ENGINE + "="))) {
            a.add(Flags.ENGINE);
            a.add("spark");
        }
        System.exit(Main.commandLine().execute(a.toArray(new String[0])));
    }
}
