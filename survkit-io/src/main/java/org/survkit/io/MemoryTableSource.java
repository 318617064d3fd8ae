package org.survkit.io;

/** Streams a {@link MemoryTable} to a {@link RowHandler}, as {@link DelimitedTextSource} streams a file. */
final class MemoryTableSource {

    private static final int HEADER_LINE = 1;

    private MemoryTableSource() {
    }

    /**
     * Reads a table held in memory.
     *
     * @param table   the table
     * @param handler where the rows go
     * @throws InputException for a blank or repeated column name
     */
    static void read(MemoryTable table, RowHandler handler) {
        SourceContext context = SourceContext.text(table.name());
        HeaderCheck.check(context, table.columns(), HEADER_LINE);
        int[] columns = handler.header(context, table.columns(), HEADER_LINE);
        String[] text = new String[columns.length];
        int n = table.size();
        for (int row = 0; row < n && !handler.done(); row++) {
            for (int s = 0; s < columns.length; s++) {
                text[s] = table.text(row, columns[s]);
            }
            handler.row(table.line(row), text, null);
        }
    }
}
