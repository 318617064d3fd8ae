package org.survkit.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams one sheet of an {@code .xlsx} workbook to a {@link RowHandler} with fastexcel-reader.
 *
 * <p>The sheet is the one named, or the first. Its first non-blank row is the header; "lines" are sheet row
 * numbers (1-based). Date-formatted numeric cells are passed as dates. Blank rows are skipped; trailing
 * unnamed header cells are ignored, and values to the right of the last named column are ignored with a
 * warning.
 */
final class ExcelSource {

    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

    private ExcelSource() {
    }

    /**
     * Reads a sheet.
     *
     * @param file      the workbook, which exists
     * @param sheetName the sheet, or null for the first
     * @param handler   where the rows go
     * @param limits    the caps, checked by {@link WorkbookScan} before the workbook is opened
     * @throws InputException for an unreadable workbook, an unknown sheet, an empty sheet, a bad header or a cap
     *                        exceeded
     */
    static void read(Path file, String sheetName, RowHandler handler, ReadLimits limits) {
        String name = file.getFileName().toString();
        ReadableWorkbook workbook;
        try {
            WorkbookScan.check(file, name, limits);
            workbook = new ReadableWorkbook(file.toFile(), WITH_FORMATS);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException cap) {
                throw cap;
            }
            throw notAWorkbook(file, name, e);
        }
        int[] row = {0};
        SourceContext context = SourceContext.text(name);
        try (workbook) {
            Sheet sheet = pick(workbook, sheetName, name);
            context = SourceContext.excel(name, sheet.getName());
            try (Stream<Row> rows = sheet.openStream()) {
                readRows(rows.iterator(), context, handler, row, limits);
            }
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InputException((row[0] > 0 ? context.at(row[0]) : context.file()) + ": the workbook could "
                    + "not be read (" + e.getMessage() + "). Open it in Excel and save it again as .xlsx, or save "
                    + "the sheet as CSV.", e);
        }
    }

    private static Sheet pick(ReadableWorkbook workbook, String sheetName, String name) {
        List<String> names = workbook.getSheets().map(Sheet::getName).toList();
        if (names.isEmpty()) {
            throw new InputException(name + " has no sheets. Save the data in a sheet of an .xlsx workbook, or "
                    + "as CSV.");
        }
        if (sheetName == null) {
            return workbook.getFirstSheet();
        }
        Optional<Sheet> sheet = workbook.findSheet(sheetName);
        if (sheet.isPresent()) {
            return sheet.get();
        }
        String closest = EditDistance.closest(sheetName, names);
        throw new InputException(name + ": there is no sheet named '" + sheetName + "' (given with "
                + OptionNames.SHEET + "). " + (closest == null ? "" : "Did you mean '" + closest + "'? ")
                + "Sheets in this workbook: '" + String.join("', '", names) + "'. Give one of these names with "
                + OptionNames.SHEET + ".");
    }

    private static void readRows(Iterator<Row> rows, SourceContext context, RowHandler handler, int[] current,
            ReadLimits limits) {
        List<String> names = null;
        int headerRow = 0;
        int[] columns = null;
        String[] text = null;
        LocalDate[] dates = null;
        BlankRows blanks = new BlankRows();
        int lastRow = 0;
        boolean warnedBeyond = false;
        while (rows.hasNext() && (names == null || !handler.done())) {
            Row row = rows.next();
            int r = row.getRowNum();
            current[0] = r;
            if (names == null) {
                if (isBlank(row, Integer.MAX_VALUE)) {
                    continue;
                }
                names = headerNames(row);
                headerRow = r;
                if (names.size() > limits.maxColumns()) {
                    throw limits.tooManyColumns(context.at(r));
                }
                HeaderCheck.check(context, names, headerRow);
                columns = handler.header(context, names, headerRow);
                text = new String[columns.length];
                dates = new LocalDate[columns.length];
                lastRow = r;
                continue;
            }
            blanks.blankRange(lastRow + 1, r - 1);
            lastRow = r;
            if (isBlank(row, names.size())) {
                blanks.blank(r);
                if (!warnedBeyond && !isBlank(row, Integer.MAX_VALUE)) {
                    warnedBeyond = warnBeyond(context, handler, r, names.size());
                }
                continue;
            }
            blanks.data();
            for (int s = 0; s < columns.length; s++) {
                Cell cell = row.getOptionalCell(columns[s]).orElse(null);
                dates[s] = ExcelCells.date(cell);
                text[s] = ExcelCells.text(cell);
            }
            if (!warnedBeyond && row.getCellCount() > names.size() && !isBlankFrom(row, names.size())) {
                warnedBeyond = warnBeyond(context, handler, r, names.size());
            }
            handler.row(r, text, dates);
        }
        if (names == null) {
            throw new InputException(context.file() + " is empty. Choose the sheet that holds the data with "
                    + OptionNames.SHEET + ", or put a header row with the column names above the data.");
        }
        blanks.report(context, handler);
    }

    private static boolean warnBeyond(SourceContext context, RowHandler handler, int row, int width) {
        handler.warn(context.at(row) + ": there are values to the right of the last named column ("
                + context.position(width - 1) + "); they were ignored (this is reported once). Give such columns "
                + "a name in the header row if they are needed.");
        return true;
    }

    private static List<String> headerNames(Row row) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            names.add(ExcelCells.text(row.getOptionalCell(i).orElse(null)).trim());
        }
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        return names;
    }

    private static boolean isBlank(Row row, int width) {
        int n = Math.min(width, row.getCellCount());
        for (int i = 0; i < n; i++) {
            if (!ExcelCells.text(row.getOptionalCell(i).orElse(null)).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlankFrom(Row row, int from) {
        for (int i = from; i < row.getCellCount(); i++) {
            if (!ExcelCells.text(row.getOptionalCell(i).orElse(null)).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static InputException notAWorkbook(Path file, String name, Exception cause) {
        try {
            if (FileKind.sniff(file) == FileKind.XLS) {
                return TableSources.oldExcel(name);
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        return new InputException(name + " could not be read as an Excel .xlsx workbook (" + cause.getMessage()
                + "). Open it in Excel and save it again as .xlsx, or save the sheet as CSV.", cause);
    }
}
