package org.survkit.io;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a cohort from a table file: the front end that validates the user's choices and maps names, in the
 * layering of R's {@code survival} (front end → workhorse on plain arrays → result).
 *
 * <p>Supported files: {@code .csv}, {@code .tsv}, {@code .txt} (delimiter sniffed among comma, semicolon and
 * tab; UTF-8 with or without byte order mark, UTF-16 with one, else Windows-1252), {@code .xlsx} (first sheet or
 * {@link CohortSpec#sheet(String) the named one}), SPSS {@code .sav}/{@code .zsav} and Stata {@code .dta} (value
 * labels as their text, user-missing and Stata's missing codes as missing, date formats as dates; known by their
 * first bytes whatever the name); other extensions are sniffed; {@code .xls} and SPSS portable {@code .por} are
 * refused with advice. Missing values are the empty text, {@code NA}, {@code .} and the spec's extra codes; rows missing a
 * needed value are excluded and reported in {@link Cohort#exclusions()}, never dropped silently.
 *
 * <p>For regression models the spec may also name covariates (numeric or categorical, interactions
 * {@code a:b}), case weights, a cluster column and entry times; rows missing any of them are excluded too
 * (complete-case analysis, as R's {@code na.omit}).
 *
 * <p>A table already in memory ({@link MemoryTable}) is read by {@link #read(MemoryTable, CohortSpec)} with the
 * same rules, without a file.
 *
 * <p>Performance: the file is streamed once; only the needed columns become strings; numbers are parsed without
 * regular expressions; labels are interned. A 1,000,000-row, 11-column CSV takes well under a second.
 */
public final class CohortReader {

    private CohortReader() {
    }

    /**
     * Reads a cohort.
     *
     * @param file the CSV/TSV/TXT or XLSX file
     * @param spec the columns and options
     * @return the analysable rows, exclusions and warnings
     * @throws InputException for any problem with the file, the spec or a value, with a message for the user
     */
    public static Cohort read(Path file, CohortSpec spec) {
        return read(file, spec, n -> { });
    }

    /**
     * Reads a cohort, reporting progress.
     *
     * @param progress receives the number of data rows read so far, every 65,536 rows
     */
    public static Cohort read(Path file, CohortSpec spec, java.util.function.IntConsumer progress) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(spec, "spec");
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        spec.checkComplete(name);
        CohortAssembler assembler = new CohortAssembler(spec, file.toString());
        assembler.onProgress(progress);
        TableSources.read(file, spec.sheet(), assembler);
        return assembler.finish();
    }

    /**
     * Reads a cohort from a table held in memory, exactly as from a file with the same cells: the cohort equals
     * the one {@link #read(Path, CohortSpec)} gives on the table written as CSV (lines as the table numbers them).
     *
     * @param table the table
     * @param spec  the columns and options; a sheet does not apply
     * @return the analysable rows, exclusions and warnings
     * @throws InputException for any problem with the spec or a value, with a message for the user
     */
    public static Cohort read(MemoryTable table, CohortSpec spec) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(spec, "spec");
        if (spec.sheet() != null) {
            throw new IllegalArgumentException("a table in memory has no sheets; the spec names sheet '"
                    + spec.sheet() + "'");
        }
        spec.checkComplete(table.name());
        CohortAssembler assembler = new CohortAssembler(spec, table.source());
        MemoryTableSource.read(table, assembler);
        return assembler.finish();
    }
}
