package org.survkit.report.office;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.survkit.report.tables.ReportTable;

/**
 * Writes tables.xlsx (fastexcel): one sheet per table of the report, named by the table's file stem
 * ({@code table1}, {@code survival}, …), with the title in the first row, the header in the second, then the rows
 * and the notes under them. Numbers are numbers (shown with the report's decimals): each column of the report is
 * split into the parts its cells have ({@link CellNumbers}) — a count and its percentage, an estimate and the two
 * limits of its interval, the number at risk, a P value and, in a column of its own, its note letter or its bound
 * ({@code <} of "< 0.001"). Text stays text.
 */
public final class TablesWorkbook {

    private TablesWorkbook() {
    }

    /**
     * Writes the workbook.
     *
     * @param tables the tables, in report order
     * @param out    where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void write(List<ReportTable> tables, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "survkit", "1.0");
        Set<String> names = new HashSet<>();
        for (ReportTable t : tables) {
            sheet(wb.newWorksheet(sheetName(t.id(), names)), t);
        }
        wb.finish();
    }

    /** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique ignoring case. */
    static String sheetName(String id, Set<String> taken) {
        String base = id.replaceAll("[\\[\\]:*?/\\\\]", "_");
        base = base.length() > 28 ? base.substring(0, 28) : base.isEmpty() ? "table" : base;
        String name = base;
        for (int k = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    private static void sheet(Worksheet ws, ReportTable t) {
        ws.value(0, 0, t.title());
        ws.style(0, 0).bold().set();
        int columns = t.header().size();
        List<List<String>> roles = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            int c = i;
            roles.add(i == 0 ? List.of("value") : CellNumbers.roles(t.rows().stream().map(r -> r.get(c)).toList()));
        }
        int col = 0;
        for (int i = 0; i < columns; i++) {
            String head = t.header().get(i).replace('\n', ' ');
            for (String role : roles.get(i)) {
                ws.value(1, col, roles.get(i).size() == 1 || role.equals("value") ? head : head + ": " + role);
                ws.style(1, col).bold().set();
                ws.width(col, i == 0 ? 36 : Math.max(8, Math.min(24, head.length() + 4)));
                col++;
            }
        }
        int r = 2;
        for (List<String> row : t.rows()) {
            col = 0;
            for (int i = 0; i < columns; i++) {
                Map<String, CellNumbers.Part> parts = i == 0 ? Map.of("value", CellNumbers.Part.text(row.get(0)))
                        : CellNumbers.parse(row.get(i));
                for (String role : roles.get(i)) {
                    CellNumbers.Part p = parts.get(role);
                    if (p != null) {
                        put(ws, r, col, p);
                    }
                    col++;
                }
            }
            r++;
        }
        r++;
        for (String n : t.footnotes()) {
            ws.value(r++, 0, n);
        }
    }

    private static void put(Worksheet ws, int r, int c, CellNumbers.Part p) {
        if (p.number() != null) {
            if (p.digits() == 0 && Math.abs(p.number()) < 1e15) {
                ws.value(r, c, p.number().longValue());
            } else {
                ws.value(r, c, p.number());
                ws.style(r, c).format("0." + "0".repeat(p.digits())).set();
            }
        } else if (p.text() != null) {
            ws.value(r, c, p.text());
        }
    }
}
