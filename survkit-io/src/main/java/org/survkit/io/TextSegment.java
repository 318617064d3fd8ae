package org.survkit.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One stretch of a UTF-8 text table split into rows and cells straight from its bytes, by one thread of
 * {@link ParallelTextReader}: the lines that start in a byte range {@code [from, to)} of the file, each a row
 * (blank or not), with, for each wanted column, where its cell is, its value when it is a plain number and a code
 * into a small table of the column's distinct texts (the first {@value #DISTINCT} of the stretch). No string is
 * made for a cell unless the cell is a repeated label or someone asks for its text.
 *
 * <p>The stretch stops early, before the first line the byte reader does not take as FastCSV would read it, and
 * says where ({@link #stopOffset()}): a double quote (a quoted value may hold line breaks), a carriage return not
 * followed by a line feed (FastCSV's line end), a value longer than the cell limit, a line whose only
 * non-blank characters are not ASCII. Everything from there on is read by FastCSV, as the whole file would have
 * been, so these rules change the speed, never the rows.
 */
final class TextSegment implements RowCells {

    /** A number with a dot as its mark. */
    private static final byte DOT = 1;
    /** A number with a comma as its mark. */
    private static final byte COMMA = 2;
    /** Distinct texts of a column kept per stretch. */
    static final int DISTINCT = 256;
    private static final double[] POW10 = new double[23];
    /** Bytes read past the stretch's end at first (a line rarely needs more). */
    private static final int TAIL = 64 * 1024;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final int[][] slotsOfColumn;
    private final int slots;
    private final int width;
    private final byte delimiter;
    private final int maxCellBytes;

    private byte[] buf;
    private long bufStart;
    private long fileSize;
    private FileChannel channel;

    private int rows;
    private boolean[] blank;
    private int[] fieldCount;
    private int[][] cellStart;
    private int[][] cellEnd;
    private double[][] numbers;
    private byte[][] marks;
    private int[][] codes;
    private final String[][] dictionary;
    private final int[][] dictionaryFrom;
    private final int[][] dictionaryTo;
    private final int[][] dictionaryTable;
    private final int[] distinct;
    private long stopOffset = -1;
    private int current;

    /**
     * Prepares an empty stretch.
     *
     * @param columns      the header index of each wanted column, in the handler's order (may repeat)
     * @param width        the number of columns of the header
     * @param delimiter    the delimiter (ASCII)
     * @param maxCellChars the most characters of a value
     */
    TextSegment(int[] columns, int width, char delimiter, int maxCellChars) {
        this.slots = columns.length;
        this.width = width;
        this.delimiter = (byte) delimiter;
        this.maxCellBytes = maxCellChars;
        int[] count = new int[width];
        for (int c : columns) {
            count[c]++;
        }
        slotsOfColumn = new int[width][];
        for (int c = 0; c < width; c++) {
            slotsOfColumn[c] = count[c] == 0 ? null : new int[count[c]];
        }
        Arrays.fill(count, 0);
        for (int s = 0; s < columns.length; s++) {
            slotsOfColumn[columns[s]][count[columns[s]]++] = s;
        }
        dictionary = new String[slots][DISTINCT];
        dictionaryFrom = new int[slots][DISTINCT];
        dictionaryTo = new int[slots][DISTINCT];
        dictionaryTable = new int[slots][2 * DISTINCT];
        distinct = new int[slots];
    }

    /**
     * Reads and splits the lines starting in {@code [from, to)}.
     *
     * @param file     the open file (positional reads: safe to share between threads)
     * @param fileSize its size
     * @param first    where the first data line starts (just after the header): {@code from} is a line start when
     *                 it equals this
     * @param from     the start of the range
     * @param to       its end
     * @return this stretch
     * @throws IOException when reading fails
     */
    TextSegment parse(FileChannel file, long fileSize, long first, long from, long to) throws IOException {
        this.channel = file;
        this.fileSize = fileSize;
        long readFrom = from == first ? from : from - 1;
        bufStart = readFrom;
        int length = (int) Math.min(fileSize - readFrom, to - readFrom + TAIL);
        if (buf == null || buf.length != length) {
            buf = new byte[length];
        }
        fill(0, buf.length);
        rows = 0;
        stopOffset = -1;
        Arrays.fill(distinct, 0);
        for (int[] table : dictionaryTable) {
            Arrays.fill(table, 0);
        }
        int p = 0;
        if (from != first) {
            // the first line starting at or after from: just after a line feed at from - 1 or later
            while (p < buf.length && buf[p] != '\n') {
                p++;
            }
            p++;
        }
        int end = (int) (to - bufStart);
        if (blank == null) {
            allocate(Math.max(16, (int) ((to - from) / 64)));
        }
        while (p < end && bufStart + p < fileSize) {
            int next = line(p);
            if (next < 0) {
                stopOffset = bufStart + p;
                break;
            }
            p = next;
        }
        channel = null;
        return this;
    }

    private void fill(int at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buf, at, length);
        long position = bufStart + at;
        while (b.hasRemaining()) {
            int n = channel.read(b, position);
            if (n < 0) {
                throw new IOException("the file became shorter while it was read");
            }
            position += n;
        }
    }

    /** Makes sure the buffer holds the byte at {@code p} (false at the end of the file). */
    private boolean has(int p) throws IOException {
        if (p < buf.length) {
            return true;
        }
        long available = fileSize - bufStart;
        if (p >= available) {
            return false;
        }
        int old = buf.length;
        buf = Arrays.copyOf(buf, (int) Math.min(available, Math.max((long) old * 2, old + TAIL)));
        fill(old, buf.length - old);
        return true;
    }

    /**
     * Splits the line starting at {@code start}.
     *
     * @return where the next line starts, or -1 if this line is left to FastCSV
     */
    private int line(int start) throws IOException {
        if (rows == blank.length) {
            grow();
        }
        int r = rows;
        int p = start;
        int field = 0;
        int fieldStart = start;
        boolean content = false;
        boolean nonAscii = false;
        int next;
        byte[] b = buf;
        byte delim = delimiter;
        // most bytes are a value's characters above '"' (digits, letters, marks): skipped in a tight loop; the rest
        // (the delimiter, line ends, quotes, blanks, control and non-ASCII bytes) are decided one by one below
        boolean fastSkip = delim > '"';
        while (true) {
            if (fastSkip) {
                int n = b.length;
                int run = p;
                while (p < n) {
                    byte c = b[p];
                    if (c <= '"' || c == delim) {
                        break;
                    }
                    p++;
                }
                content |= p > run;
            }
            if (p >= b.length) {
                if (!has(p)) {
                    next = p;
                    break;
                }
                b = buf;
            }
            byte c = b[p];
            if (c == '\n') {
                next = p + 1;
                break;
            }
            if (c == delim) {
                if (p - fieldStart > maxCellBytes) {
                    return -1;
                }
                if (field < width && slotsOfColumn[field] != null) {
                    record(r, field, fieldStart, p);
                }
                field++;
                fieldStart = p + 1;
            } else if (c > ' ') {
                if (c == '"') {
                    return -1;
                }
                content = true;
            } else if (c == '\r') {
                if (has(p + 1) && buf[p + 1] != '\n') {
                    return -1;
                }
                next = has(p + 1) ? p + 2 : p + 1;
                break;
            } else if (c < 0) {
                nonAscii = true;
            } else if (!whitespace(c)) {
                content = true;
            }
            p++;
        }
        if (!cell(r, field, fieldStart, p)) {
            return -1;
        }
        if (!content && nonAscii) {
            return -1;
        }
        blank[r] = !content;
        fieldCount[r] = field + 1;
        rows++;
        return next;
    }

    /** {@return true for the ASCII characters {@link Character#isWhitespace} accepts} */
    private static boolean whitespace(byte c) {
        return c == ' ' || c >= 9 && c <= 13 || c >= 28 && c <= 31;
    }

    /** Records field {@code field} of row {@code r}, {@code [from, to)}; false if it is too long. */
    private boolean cell(int r, int field, int from, int to) {
        if (to - from > maxCellBytes) {
            return false;
        }
        if (field < width && slotsOfColumn[field] != null) {
            record(r, field, from, to);
        }
        return true;
    }

    /** Records field {@code field} of row {@code r}, {@code [from, to)}, a wanted column's. */
    private void record(int r, int field, int from, int to) {
        for (int s : slotsOfColumn[field]) {
            cellStart[s][r] = from;
            cellEnd[s][r] = to;
            number(s, r, from, to);
            codes[s][r] = code(s, from, to);
        }
    }

    private void number(int s, int r, int from, int to) {
        while (from < to && buf[from] >= 0 && buf[from] <= ' ') {
            from++;
        }
        while (to > from && buf[to - 1] >= 0 && buf[to - 1] <= ' ') {
            to--;
        }
        numbers[s][r] = Double.NaN;
        int i = from;
        boolean negative = false;
        if (i < to && buf[i] == '-') {
            negative = true;
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int fraction = -1;
        byte mark = 0;
        for (; i < to; i++) {
            byte c = buf[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if ((c == '.' || c == ',') && fraction < 0) {
                fraction = 0;
                mark = c == '.' ? DOT : COMMA;
            } else {
                return;
            }
        }
        int scale = Math.max(fraction, 0);
        if (digits == 0 || mark == COMMA && fraction == 0) {
            return;
        }
        if (significant > 15 || scale >= POW10.length) {
            // beyond Clinger's fast path (pandas and numpy write 17 digits): the exact parse here, on this stretch's
            // thread, for a dot or no mark; a decimal comma goes to the reader's own path (as before)
            if (mark == COMMA) {
                return;
            }
            numbers[s][r] = DecimalParser.exact(buf, from, to);
            marks[s][r] = mark;
            return;
        }
        double v = mantissa / POW10[scale];
        numbers[s][r] = negative ? -v : v;
        marks[s][r] = mark;
    }

    /** {@return the code of the text {@code [from, to)} in the column's table, or -1 once it is full} */
    private int code(int s, int from, int to) {
        if (distinct[s] > DISTINCT) {
            return -1;
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + buf[i];
        }
        int[] table = dictionaryTable[s];
        int mask = table.length - 1;
        int slot = (hash ^ hash >>> 16) & mask;
        for (int k = table[slot]; k != 0; k = table[slot]) {
            if (Arrays.equals(buf, dictionaryFrom[s][k - 1], dictionaryTo[s][k - 1], buf, from, to)) {
                return k - 1;
            }
            slot = (slot + 1) & mask;
        }
        if (distinct[s] == DISTINCT) {
            distinct[s]++;
            return -1;
        }
        int k = distinct[s]++;
        dictionary[s][k] = new String(buf, from, to - from, StandardCharsets.UTF_8);
        dictionaryFrom[s][k] = from;
        dictionaryTo[s][k] = to;
        table[slot] = k + 1;
        return k;
    }

    private void allocate(int capacity) {
        blank = new boolean[capacity];
        fieldCount = new int[capacity];
        cellStart = new int[slots][capacity];
        cellEnd = new int[slots][capacity];
        numbers = new double[slots][capacity];
        marks = new byte[slots][capacity];
        codes = new int[slots][capacity];
    }

    private void grow() {
        int capacity = blank.length + (blank.length >> 1) + 16;
        blank = Arrays.copyOf(blank, capacity);
        fieldCount = Arrays.copyOf(fieldCount, capacity);
        for (int s = 0; s < slots; s++) {
            cellStart[s] = Arrays.copyOf(cellStart[s], capacity);
            cellEnd[s] = Arrays.copyOf(cellEnd[s], capacity);
            numbers[s] = Arrays.copyOf(numbers[s], capacity);
            marks[s] = Arrays.copyOf(marks[s], capacity);
            codes[s] = Arrays.copyOf(codes[s], capacity);
        }
    }

    /** {@return the number of rows (lines, blank or not) split} */
    int rows() {
        return rows;
    }

    /** {@return true if row {@code r} has no non-blank value} */
    boolean blank(int r) {
        return blank[r];
    }

    /** {@return the number of values of row {@code r}} */
    int fieldCount(int r) {
        return fieldCount[r];
    }

    /** {@return where the first line left to FastCSV starts, or -1 if the whole stretch was split here} */
    long stopOffset() {
        return stopOffset;
    }

    /**
     * Points the {@link RowCells} view at a row.
     *
     * @param r the row
     * @return this
     */
    TextSegment at(int r) {
        current = r;
        return this;
    }

    @Override
    public String text(int slot) {
        int k = codes[slot][current];
        if (k >= 0) {
            return dictionary[slot][k];
        }
        int from = cellStart[slot][current];
        return new String(buf, from, cellEnd[slot][current] - from, StandardCharsets.UTF_8);
    }

    @Override
    public String[] texts() {
        String[] t = new String[slots];
        for (int s = 0; s < slots; s++) {
            t[s] = text(s);
        }
        return t;
    }

    @Override
    public double number(int slot, DecimalMark mark) {
        byte m = marks[slot][current];
        if (m == 0 || m == DOT && mark == DecimalMark.POINT || m == COMMA && mark == DecimalMark.COMMA) {
            return numbers[slot][current];
        }
        return Double.NaN;
    }
}
