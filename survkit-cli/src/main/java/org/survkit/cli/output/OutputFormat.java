package org.survkit.cli.output;

/** How a command prints its result. */
public enum OutputFormat {
    /** Readable text, laid out like R's printout. */
    TEXT,
    /** JSON for programs (snake_case, null for NA). */
    JSON,
    /** CSV of the main table (cells that a spreadsheet would run as formulas are neutralized). */
    CSV
}
