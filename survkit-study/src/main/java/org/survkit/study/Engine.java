package org.survkit.study;

import java.util.Locale;

/**
 * Where an analysis runs ({@code engine}; command line {@code --engine}): in this process on data read into memory
 * (the default: every command, the report and the web app), or on Apache Spark over any source Spark reads
 * ({@code km}, {@code compare}, {@code cox}, {@code cif}, {@code finegray} on the command line, with the survkit-spark module on the
 * class path). A study file refuses {@code engine: spark}: the report and the web app run in memory.
 */
public enum Engine {
    /** In memory, in this process (the default). */
    LOCAL,
    /** On Apache Spark: counts and risk-set sums on the cluster, the statistics on the driver. */
    SPARK;

    /** {@return the word on the command line and in study files} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
