package org.survkit.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * An engine that runs {@code km}, {@code compare}, {@code cox}, {@code cif} or {@code finegray} elsewhere than in this process (the
 * survkit-spark module's Spark engine), found through {@link java.util.ServiceLoader} when its module is on the
 * class path, so that the command line itself never depends on it (and keeps its size and start-up time).
 * Implementations are listed in {@code META-INF/services/org.survkit.cli.ClusterEngine}.
 */
public interface ClusterEngine {
    /** {@return the engine's word for --engine, e.g. spark} */
    String name();

    /**
     * Runs one command.
     *
     * @param command the subcommand: km, compare, cox, cif or finegray
     * @param args    the subcommand's arguments as the user gave them (DATA and options, --engine included)
     * @param out     standard output
     * @param err     standard error
     * @return the exit status ({@link ExitCodes})
     */
    int run(String command, List<String> args, PrintWriter out, PrintWriter err);
}
