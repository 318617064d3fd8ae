package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@code --engine} and {@code --master} on the plain command line: Spark is not on its class path (the Spark engine
 * comes with survkit-spark, which the launcher adds only for {@code --engine spark}), so asking for it names the
 * way to run it, and {@code --master} without the spark engine names the missing flag.
 */
class EngineOptionsTest {
    private static final String[] LUNG = {Cli.resource("lung.csv"), "--time", "time", "--event", "status",
        "--event-value", "2"};

    private static String[] args(String command, String... more) {
        String[] a = new String[1 + LUNG.length + more.length];
        a[0] = command;
        System.arraycopy(LUNG, 0, a, 1, LUNG.length);
        System.arraycopy(more, 0, a, 1 + LUNG.length, more.length);
        return a;
    }

    @Test
    void sparkIsNotOnThePlainCommandLinesClassPath() {
        assertThatThrownBy(() -> Class.forName("org.apache.spark.sql.SparkSession"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theSparkEngineWithoutItsModuleSaysHowToRunIt() {
        for (String[] c : new String[][] {{"km", "--group", "sex"}, {"compare", "--group", "sex"},
            {"cox", "--covariates", "age"}, {"finegray", "--covariates", "age"}}) {
            String command = c[0];
            Cli r = Cli.run(args(command, c[1], c[2], "--engine", "spark"));
            assertThat(r.status()).as(command).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(r.err()).as(command).contains("--engine spark: the survkit-spark module is not on the class"
                    + " path. Run through the ./survkit launcher").doesNotContain("Exception");
        }
    }

    @Test
    void aMasterWithoutTheSparkEngineNamesTheMissingFlag() {
        Cli r = Cli.run(args("km", "--master", "local[2]"));
        assertThat(r.status()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("--master is the Spark master of the spark engine: add --engine spark, or leave"
                + " --master out.");
    }

    @Test
    void anUnknownEngineIsOneMessageFromItsStudyKey() {
        Cli r = Cli.run(args("km", "--engine", "flink"));
        assertThat(r.status()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("--engine: \"flink\" is not allowed; use local or spark.").doesNotContain("Exception");
    }

    @Test
    void theLocalEngineIsTheDefaultAndMayBeNamed() {
        Cli named = Cli.run(args("km", "--group", "sex", "--engine", "local", "--format", "json"));
        Cli plain = Cli.run(args("km", "--group", "sex", "--format", "json"));
        assertThat(named.status()).isZero();
        assertThat(named.out()).isEqualTo(plain.out());
    }
}
