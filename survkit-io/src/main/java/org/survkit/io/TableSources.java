package org.survkit.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens a table file of any supported kind (text, {@code .xlsx}, SPSS {@code .sav}/{@code .zsav}, Stata
 * {@code .dta}, Parquet; see {@link FileKind}) and streams it to a {@link RowHandler}.
 */
final class TableSources {

    private TableSources() {
    }

    /**
     * Reads a table.
     *
     * @param file    the file
     * @param sheet   the Excel sheet, or null for the first (ignored, with a warning, for text files)
     * @param handler where the rows go
     * @throws InputException if the file is missing, unreadable, of an unsupported kind or malformed
     */
    static void read(Path file, String sheet, RowHandler handler) {
        read(file, sheet, handler, ReadLimits.withDefaults());
    }

    /**
     * Reads a table within caps.
     *
     * @param file    the file
     * @param sheet   the Excel sheet, or null for the first (ignored, with a warning, for text files)
     * @param handler where the rows go
     * @param limits  the caps on columns, value length and unpacked workbook size
     * @throws InputException if the file is missing, unreadable, of an unsupported kind or malformed, or exceeds
     *                        a cap
     */
    static void read(Path file, String sheet, RowHandler handler, ReadLimits limits) {
        Objects.requireNonNull(limits, "limits");
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new InputException("File not found: " + file.toAbsolutePath() + ". Check the path and the file "
                    + "name (" + name + "), or give the full path.");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(file + " is a folder, not a file. Give the path of the CSV, Excel, SPSS, Stata or "
                    + "Parquet file.");
        }
        FileKind kind;
        try {
            kind = FileKind.of(file);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(name, e);
        }
        switch (kind) {
            case XLS -> throw oldExcel(name);
            case XLSX -> ExcelSource.read(file, sheet, handler, limits);
            case POR -> throw portable(name);
            case SAV -> {
                ignoreSheet(name, "an SPSS data file", sheet, handler);
                SavSource.read(file, handler, limits);
            }
            case DTA -> {
                ignoreSheet(name, "a Stata data file", sheet, handler);
                DtaSource.read(file, handler, limits);
            }
            case PARQUET -> {
                ignoreSheet(name, "a Parquet file", sheet, handler);
                ParquetSource.read(file, handler, limits);
            }
            default -> {
                if (sheet != null) {
                    handler.warn(name + " is a text file, which has no sheets; " + OptionNames.SHEET + " '" + sheet
                            + "' was ignored.");
                }
                DelimitedTextSource.read(file, handler, limits);
            }
        }
    }

    private static void ignoreSheet(String name, String kind, String sheet, RowHandler handler) {
        if (sheet != null) {
            handler.warn(name + " is " + kind + ", which has no sheets; " + OptionNames.SHEET + " '" + sheet
                    + "' was ignored.");
        }
    }

    /**
     * Builds the error for an SPSS portable file.
     *
     * @param name the file name
     * @return the exception
     */
    static InputException portable(String name) {
        return new InputException(name + " is an SPSS portable file (.por), which survkit does not read. Open it "
                + "in SPSS (or PSPP) and save it as .sav or CSV, then use that file.");
    }

    /**
     * Builds the error for an old-format workbook.
     *
     * @param name the file name
     * @return the exception
     */
    static InputException oldExcel(String name) {
        return new InputException(name + " is in the old Excel format (.xls), which survkit does not read. Open "
                + "it in Excel and save as .xlsx or CSV, then use that file.");
    }

    /**
     * Builds the error for a file that cannot be read.
     *
     * @param name  the file name
     * @param cause the I/O problem
     * @return the exception
     */
    static InputException unreadable(String name, Exception cause) {
        return new InputException(name + " could not be read (" + cause.getMessage() + "). Check that the file "
                + "exists, that you may read it and that no other program has it locked.", cause);
    }
}
