package org.survkit.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;

/**
 * Turns workbook cells into the text and dates the readers work with.
 *
 * <p>Numbers are shown as Excel shows them in "General" format, with at most 15 significant digits
 * ({@code 0.1}, not {@code 0.10000000000000001}); booleans as {@code TRUE}/{@code FALSE}; error cells as their
 * code ({@code #N/A}); numeric cells with a date format (see {@link ExcelDateFormats}) as ISO dates
 * ({@code 2020-01-31}, or {@code 2020-01-31T10:15} with a time of day).
 */
final class ExcelCells {

    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private ExcelCells() {
    }

    /**
     * Returns the date of a date-formatted numeric cell.
     *
     * @param cell the cell, or null
     * @return its date, or null if it is not a date cell
     */
    static LocalDateTime dateTime(Cell cell) {
        if (cell == null || !(cell.getValue() instanceof BigDecimal)
                || !ExcelDateFormats.isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
            return null;
        }
        return cell.asDate();
    }

    /**
     * Returns the date part of a date-formatted numeric cell.
     *
     * @param cell the cell, or null
     * @return its date, or null if it is not a date cell
     */
    static LocalDate date(Cell cell) {
        LocalDateTime dateTime = dateTime(cell);
        return dateTime == null ? null : dateTime.toLocalDate();
    }

    /**
     * Shows a number as Excel's "General" format does: at most 15 significant digits, no exponent, no trailing
     * zeros ({@code 0.1}, {@code 12}, {@code 1000000}). SPSS and Stata numbers are shown the same way.
     *
     * @param number the number
     * @return its text
     */
    static String number(BigDecimal number) {
        return number.round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }

    /**
     * Returns the text of a cell.
     *
     * @param cell the cell, or null for an absent cell
     * @return its text, "" when empty
     */
    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.ERROR) {
            return cell.getRawValue() == null ? "" : cell.getRawValue();
        }
        Object value = cell.getValue();
        if (value instanceof BigDecimal number) {
            LocalDateTime dateTime = dateTime(cell);
            if (dateTime != null) {
                return dateTime.toLocalTime().toSecondOfDay() == 0 ? dateTime.toLocalDate().toString()
                        : dateTime.toString();
            }
            return number(number);
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return value == null ? "" : value.toString();
    }
}
