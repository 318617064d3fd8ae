package org.survkit.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Streams a delimited text file (CSV, semicolon-separated, tab-separated) to a {@link RowHandler} with FastCSV.
 *
 * <p>Encoding and byte order mark come from {@link TextSample}, the delimiter from {@link DelimiterSniffer}.
 * Values may be enclosed in double quotes, and then contain the delimiter, line breaks and doubled quotes.
 * Line ends may be LF, CRLF or CR. The first non-blank record is the header. A record whose field count
 * differs from the header's is an error; blank records are skipped. Line numbers are physical lines where a
 * record starts (1-based).
 */
final class DelimitedTextSource {

    /** FastCSV's buffer cap: the most characters of one record (its default, 16 Mi). */
    private static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

    private DelimitedTextSource() {
    }

    /**
     * Reads a text table.
     *
     * @param file    the file, which exists
     * @param handler where the rows go
     * @param limits  the caps on columns and value length
     * @throws InputException for an empty file, a bad header, a ragged row, a parse error or a cap exceeded
     */
    static void read(Path file, RowHandler handler, ReadLimits limits) {
        String name = file.getFileName().toString();
        SourceContext context = SourceContext.text(name);
        TextSample sample;
        try {
            sample = TextSample.of(file);
        } catch (IOException e) {
            throw TableSources.unreadable(name, e);
        }
        if (sample.byteLength() == 0) {
            throw new InputException(name + " is empty (0 bytes). Choose the file that holds the data: a header "
                    + "line with the column names, then one line per patient.");
        }
        if (sample.guessed()) {
            handler.warn(name + " is not valid UTF-8 text; it was read as Windows-1252 (Western European). If "
                    + "letters look wrong in the results, save the file as \"CSV UTF-8\".");
        }
        char preferred = name.toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
        char delimiter = DelimiterSniffer.sniff(sample.text(), sample.complete(), preferred);
        context = SourceContext.text(name, delimiter);
        ParallelTextReader.Outcome taken = ParallelTextReader.Outcome.NOT_TAKEN;
        if (ParallelTextReader.enabled && sample.charset().equals(StandardCharsets.UTF_8) && delimiter < 0x80) {
            try {
                taken = ParallelTextReader.read(file, sample.bomLength(), context, delimiter, handler, limits);
            } catch (IOException | UncheckedIOException e) {
                throw TableSources.unreadable(name, e);
            }
            if (taken.finished()) {
                taken.blanks().report(context, handler);
                return;
            }
        }
        FieldCollector fields = new FieldCollector(context, limits);
        long skip = taken.header() == null ? sample.bomLength() : taken.offset();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            CsvReader<RecordType> csv = CsvReader.builder().maxBufferSize(MAX_RECORD_CHARS).fieldSeparator(delimiter)
                    .skipEmptyLines(false).allowUnclosedQuote(false).extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .build(fields, new InputStreamReader(in, sample.charset()));
            if (taken.header() == null) {
                readRecords(csv.iterator(), fields, context, delimiter, handler);
            } else {
                // the parallel reader stopped at a line it leaves to FastCSV: go on from there
                fields.startAt(taken.nextLine());
                fields.keep(keep(taken.columns(), taken.width()));
                readData(csv.iterator(), fields, context, delimiter, handler, taken.columns(), taken.width(),
                        taken.blanks());
            }
        } catch (IOException | UncheckedIOException e) {
            throw TableSources.unreadable(name, e);
        } catch (CsvParseException e) {
            if (e.getCause() instanceof InputException cap) {
                throw cap;
            }
            if (String.valueOf(e.getMessage()).contains("maximum buffer size")) {
                throw new InputException(context.at(fields.line()) + ": this line is too long to read (more than "
                        + ReadLimits.count(MAX_RECORD_CHARS) + " characters in one record). Check for a double quote"
                        + " (\") that is not closed, or keep only the columns the analysis needs.", e);
            }
            throw new InputException(context.at(fields.line()) + ": the text could not be split into values ("
                    + e.getMessage() + "). Check this line for a double quote (\") that is not closed or for "
                    + "characters after a closing quote: a value that contains the delimiter, a quote or a line "
                    + "break must be enclosed in double quotes, with quotes inside it written twice (\"\").", e);
        }
    }

    private static boolean[] keep(int[] columns, int width) {
        boolean[] keep = new boolean[width];
        for (int column : columns) {
            keep[column] = true;
        }
        return keep;
    }

    private static void readRecords(Iterator<RecordType> records, FieldCollector fields, SourceContext context,
                                    char delimiter, RowHandler handler) {
        List<String> names = null;
        int headerLine = 0;
        while (records.hasNext()) {
            records.next();
            if (fields.hasContent()) {
                names = fields.allFields().stream().map(String::trim).toList();
                headerLine = fields.line();
                break;
            }
        }
        if (names == null) {
            throw new InputException(context.file() + " holds only blank lines. Choose the file that holds the "
                    + "data: a header line with the column names, then one line per patient.");
        }
        HeaderCheck.check(context, names, headerLine);
        int[] columns = handler.header(context, names, headerLine);
        fields.keep(keep(columns, names.size()));
        readData(records, fields, context, delimiter, handler, columns, names.size(), new BlankRows());
    }

    private static void readData(Iterator<RecordType> records, FieldCollector fields, SourceContext context,
                                 char delimiter, RowHandler handler, int[] columns, int width, BlankRows blanks) {
        String[] text = new String[columns.length];
        while (!handler.done() && records.hasNext()) {
            records.next();
            int line = fields.line();
            if (!fields.hasContent()) {
                blanks.blank(line);
                continue;
            }
            if (fields.fieldCount() != width) {
                throw raggedRow(context, line, fields.fieldCount(), width, delimiter);
            }
            blanks.data();
            for (int s = 0; s < columns.length; s++) {
                text[s] = fields.value(columns[s]);
            }
            handler.row(line, text, null);
        }
        blanks.report(context, handler);
    }

    static InputException raggedRow(SourceContext context, int line, int count, int width, char delimiter) {
        String d = delimiter == '\t' ? "tab" : "'" + delimiter + "'";
        return new InputException(context.at(line) + ": this row has " + count + " value" + (count == 1 ? "" : "s")
                + " but the header has " + width + " columns (values separated by " + d + "). Check the line for "
                + (count > width ? "an extra " + d + " (a value containing " + d + " must be enclosed in double "
                + "quotes)" : "a missing value or " + d) + "; every row needs one value per column, empty ones "
                + "included.");
    }
}
