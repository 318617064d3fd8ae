package org.survkit.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.survkit.io.InputException;

/**
 * A small numeric table read for {@code survkit reconstruct}: digitized curve points ({@code time,survival})
 * or a risk table ({@code time,n_risk}), each with an optional {@code group} column, with the line of every
 * row for error messages. Read with FastCSV: comma, semicolon (decimal comma allowed) or tab separated,
 * quotes, CRLF, a UTF-8 byte order mark. A file of two unnamed numeric columns (as WebPlotDigitizer exports
 * them) is read as time and the value.
 */
final class DigitizedTable {
    /** One row: its group ("all" without a group column), its line, time and value. */
    record Row(String group, int line, double time, double value) {
    }

    final String file;
    final String valueColumn;
    final boolean grouped;
    final boolean headerless;
    final List<Row> rows;

    private DigitizedTable(String file, String valueColumn, boolean grouped, boolean headerless, List<Row> rows) {
        this.file = file;
        this.valueColumn = valueColumn;
        this.grouped = grouped;
        this.headerless = headerless;
        this.rows = rows;
    }

    /** Rows by group, in order of first appearance. */
    Map<String, List<Row>> byGroup() {
        Map<String, List<Row>> m = new LinkedHashMap<>();
        for (Row r : rows) {
            m.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        }
        return m;
    }

    /**
     * Reads a table.
     *
     * @param path         the file
     * @param option       the option that named it, for messages
     * @param valueColumn  the canonical name of the value column ("survival" or "n_risk")
     * @param valueAliases accepted header names of the value column (lower case)
     */
    static DigitizedTable read(Path path, String option, String valueColumn, List<String> valueAliases) {
        String name = path.getFileName().toString();
        if (!Files.isRegularFile(path)) {
            throw new InputException(path + " (" + option + ") does not exist or is not a file. Check the path.");
        }
        List<CsvRecord> records = new ArrayList<>();
        char delimiter;
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            delimiter = sniff(text);
            try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                    .allowMissingFields(true).allowExtraFields(true).ofCsvRecord(text)) {
                for (CsvRecord r : csv) {
                    if (!r.getFields().stream().allMatch(String::isBlank)) {
                        records.add(r);
                    }
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(name + " is not UTF-8 text. Save it as \"CSV UTF-8\" and run again.", e);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(name + " could not be read (" + e.getMessage() + "). Check the path and the"
                    + " file's permissions.", e);
        } catch (CsvParseException e) {
            throw new InputException(name + ": the text could not be split into values (" + e.getMessage() + ")."
                    + " Check for a double quote that is not closed.", e);
        }
        if (records.isEmpty()) {
            throw new InputException(name + " (" + option + ") is empty. It needs a header line (time,"
                    + valueColumn + "[,group]) and one line per " + (valueColumn.equals("n_risk") ? "risk-table time."
                    : "digitized point."));
        }
        CsvRecord first = records.get(0);
        boolean headerless = first.getFieldCount() == 2 && number(first.getField(0), delimiter) != null
                && number(first.getField(1), delimiter) != null;
        int ti;
        int vi;
        int gi = -1;
        int width;
        if (headerless) {
            ti = 0;
            vi = 1;
            width = 2;
        } else {
            List<String> header = first.getFields().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            width = header.size();
            ti = find(header, List.of("time", "t", "x"));
            vi = find(header, valueAliases);
            gi = find(header, List.of("group", "arm", "strata", "curve"));
            if (ti < 0 || vi < 0) {
                throw new InputException(name + ", line " + first.getStartingLineNumber() + ": the header "
                        + first.getFields() + " lacks "
                        + (ti < 0 ? "a 'time' column" : "a '" + valueColumn + "' column")
                        + ". " + option + " needs the columns time," + valueColumn + " (and group when the figure"
                        + " has several curves); rename the header accordingly.");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = headerless ? 0 : 1; r < records.size(); r++) {
            CsvRecord rec = records.get(r);
            int line = (int) rec.getStartingLineNumber();
            if (rec.getFieldCount() < width) {
                throw new InputException(name + ", line " + line + ": this row has " + rec.getFieldCount()
                        + " values but the header has " + width + " columns. Give every row a value per column.");
            }
            double t = value(name, line, headerless ? "time" : first.getField(ti).trim(), rec.getField(ti), delimiter);
            double v = value(name, line, headerless ? valueColumn : first.getField(vi).trim(), rec.getField(vi),
                    delimiter);
            String g = "all";
            if (gi >= 0) {
                g = rec.getField(gi).trim();
                if (g.isEmpty()) {
                    throw new InputException(name + ", line " + line + ", column '" + first.getField(gi).trim()
                            + "': the group is empty. Give every row its curve's group label.");
                }
            }
            rows.add(new Row(g, line, t, v));
        }
        if (rows.isEmpty()) {
            throw new InputException(name + " (" + option + ") has a header but no rows. Add one line per "
                    + (valueColumn.equals("n_risk") ? "risk-table time." : "digitized point."));
        }
        return new DigitizedTable(name, valueColumn, gi >= 0, headerless, List.copyOf(rows));
    }

    private static int find(List<String> header, List<String> names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static double value(String file, int line, String column, String text, char delimiter) {
        Double x = number(text, delimiter);
        if (x == null || !Double.isFinite(x)) {
            throw new InputException(file + ", line " + line + ", column '" + column + "': value \"" + text.trim()
                    + "\" is not a number. Write numbers with a decimal point (or a decimal comma in a"
                    + " semicolon-separated file), without units or percent signs.");
        }
        return x;
    }

    private static Double number(String text, char delimiter) {
        String s = text.trim();
        if (delimiter != ',' && s.indexOf(',') >= 0 && s.indexOf('.') < 0) {
            s = s.replace(',', '.');
        }
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static char sniff(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.indexOf('\t') >= 0) {
            return '\t';
        }
        if (line.indexOf(';') >= 0) {
            return ';';
        }
        return ',';
    }
}
