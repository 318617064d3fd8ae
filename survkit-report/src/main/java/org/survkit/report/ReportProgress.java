package org.survkit.report;

/**
 * How far a running report is, for a front end to show (the command line draws it on stderr when a report takes
 * more than about a second). Called from the report's worker threads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface ReportProgress {

    /** Shows nothing. */
    ReportProgress NONE = (step, done, total) -> {
    };

    /**
     * One step of the report has advanced.
     *
     * @param step  what is being done, e.g. "analyses" or "figure files"
     * @param done  parts of the step done (0 when it starts)
     * @param total parts of the step (1 for a step of one part)
     */
    void update(String step, int done, int total);
}
