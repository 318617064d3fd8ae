package org.survkit.report.tables;

import java.util.List;
import org.survkit.report.analysis.CsvText;
import org.survkit.study.rules.RuleExpression;

/** A report table as CSV for spreadsheets: RFC 4180 records ({@link CsvText}) and the formula guard. */
final class TableCsv {

    private TableCsv() {
    }

    /**
     * Neutralizes a text cell that a spreadsheet would run as a formula (one starting with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return; OWASP "CSV injection") by prefixing a single
     * quote. A plain number ({@code -0.5}) is left as it is: it is not a formula.
     */
    static String neutralize(String s) {
        if (s.isEmpty() || RuleExpression.isNumber(s)) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    /** A whole table: header and rows of already formatted (and neutralized) cells. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        CsvText.record(sb, header);
        for (List<String> r : rows) {
            CsvText.record(sb, r);
        }
        return sb.toString();
    }
}
