package org.survkit.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * A FastCSV callback that turns only the wanted fields of each record into strings (through a
 * {@link TextCache} per column, so repeated codes and labels are not allocated again); the others are only
 * looked at to tell a blank record from a data record. This keeps a 1,000,000-row, 11-column import to about
 * one new short string per row.
 *
 * <p>Until {@link #keep(boolean[])} is called (that is, for the header) every field is collected into
 * {@link #allFields()}. {@link #buildRecord()} returns the record type; the fields are read from this object
 * before the next record is parsed.
 *
 * <p>The {@link ReadLimits} are checked field by field, before anything is kept: a header with more columns, or
 * a value with more characters, than allowed ends the reading with an {@link InputException} (thrown from
 * inside FastCSV, which wraps it; {@link DelimitedTextSource} unwraps it).
 */
final class FieldCollector extends AbstractBaseCsvCallbackHandler<RecordType> {

    private final SourceContext context;
    private final ReadLimits limits;
    private final List<String> all = new ArrayList<>();
    private boolean[] keep;
    private String[] values;
    private TextCache[] caches;
    private boolean content;
    private int lineOffset;

    /**
     * Creates a collector.
     *
     * @param context the file, for messages
     * @param limits  the caps on columns and value length
     */
    FieldCollector(SourceContext context, ReadLimits limits) {
        this.context = context;
        this.limits = limits;
    }

    /**
     * Switches from collecting every field to collecting only some.
     *
     * @param columns true for each column (by index) whose text is wanted
     */
    void keep(boolean[] columns) {
        this.keep = columns.clone();
        this.values = new String[columns.length];
        this.caches = new TextCache[columns.length];
        for (int i = 0; i < columns.length; i++) {
            caches[i] = columns[i] ? new TextCache() : null;
        }
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        content = false;
        if (keep == null) {
            all.clear();
        }
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
        if (len > limits.maxCellChars()) {
            throw limits.cellTooLong(context.at(line()) + ", " + context.position(index));
        }
        if (keep == null && index >= limits.maxColumns()) {
            throw limits.tooManyColumns(context.at(line()));
        }
        if (!content) {
            for (int i = offset, end = offset + len; i < end; i++) {
                if (!Character.isWhitespace(buf[i])) {
                    content = true;
                    break;
                }
            }
        }
        if (keep == null) {
            all.add(new String(buf, offset, len));
        } else if (index < keep.length && keep[index]) {
            values[index] = caches[index].get(buf, offset, len);
        }
    }

    @Override
    protected RecordType buildRecord() {
        return getRecordType();
    }

    /** {@return true if the current record has at least one non-blank field} */
    boolean hasContent() {
        return content;
    }

    /**
     * Numbers the lines from a line other than 1 (when reading starts in the middle of a file).
     *
     * @param firstLine the number of the first line read
     */
    void startAt(int firstLine) {
        lineOffset = firstLine - 1;
    }

    /** {@return the line where the current record starts} */
    int line() {
        return (int) getStartingLineNumber() + lineOffset;
    }

    /** {@return the number of fields of the current record} */
    int fieldCount() {
        return getFieldCount();
    }

    /** {@return every field of the current record, while no columns are selected} */
    List<String> allFields() {
        return all;
    }

    /**
     * Returns the text of a wanted column of the current record.
     *
     * @param column the column index
     * @return its text
     */
    String value(int column) {
        return values[column];
    }
}
