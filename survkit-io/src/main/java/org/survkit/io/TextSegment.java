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
    /** By a minus sign's count: multiplying by -1 is exact (the same bits as negating), and needs no branch. */
    private static final double[] SIGN = {1, -1};
    /** Bytes read past the stretch's end at first (a line rarely needs more). */
    private static final int TAIL = 64 * 1024;
    /** Mantissas below this have at most 15 significant digits: Clinger's fast path. */
    private static final long MAX_FAST_MANTISSA = 1_000_000_000_000_000L;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final int[][] slotsOfColumn;
    /** For each column of the header: its one slot, -1 when it is not wanted, -2 when it fills several slots. */
    private final int[] slotOfColumn;
    /** False when the delimiter could be part of a number (the number scan of {@link #line} would run past it). */
    private final boolean numberScan;
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
    // the cells of the wanted columns, row after row: cell (r, slot) at [r * slots + slot]
    private int[] cellStart;
    private int[] cellEnd;
    private double[] numbers;
    private byte[] marks;
    private int[] codes;
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
        slotOfColumn = new int[width];
        for (int c = 0; c < width; c++) {
            slotOfColumn[c] = slotsOfColumn[c] == null ? -1 : slotsOfColumn[c].length == 1 ? slotsOfColumn[c][0] : -2;
        }
        numberScan = !(delimiter >= '0' && delimiter <= '9' || delimiter == '-');
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
     * <p>Written for the quick compiler alone (C1, see the launcher): the arrays are read into locals once per
     * line (C1 reloads a field at every use), the cells' arrays are flat ({@code [row * slots + slot]}: one load
     * and one bounds check, not two), and a wanted cell that starts with a digit, a minus sign or a decimal mark is
     * read as a number while its bytes are skipped, so that a plain number is scanned once instead of three times
     * (the skip loop, {@link #number} and the dictionary's hash).
     *
     * @return where the next line starts, or -1 if this line is left to FastCSV
     */
    private int line(int start) throws IOException {
        if (rows == blank.length) {
            grow();
        }
        int r = rows;
        int base = r * slots;
        int p = start;
        int field = 0;
        int fieldStart = start;
        // the field whose cell the number scan has recorded already
        int scanned = -1;
        boolean content = false;
        boolean nonAscii = false;
        int next;
        byte[] b = buf;
        byte delim = delimiter;
        int[] slotOf = slotOfColumn;
        int w = width;
        int maxBytes = maxCellBytes;
        int[] starts = cellStart;
        int[] ends = cellEnd;
        double[] values = numbers;
        byte[] valueMarks = marks;
        int[] textCodes = codes;
        int[] full = distinct;
        boolean numberScan = this.numberScan;
        // most bytes are a value's characters above '"' (digits, letters, marks): skipped in a tight loop; the rest
        // (the delimiter, line ends, quotes, blanks, control and non-ASCII bytes) are decided one by one below
        boolean fastSkip = delim > '"';
        while (true) {
            int s;
            if (p == fieldStart && numberScan && p < b.length && field < w && (s = slotOf[field]) >= 0) {
                // a plain number (-?digits[.,]digits, then the delimiter or the line end), read as it is skipped;
                // anything else is left to the loops below and record(), which see the bytes scanned here again
                int n = b.length;
                // 1 for a minus sign, else 0, without a branch: the sign of a measurement is random, and a mispredicted
                // branch per cell cost a fifth of the stretch's time
                int minus = ((b[p] & 0xFF) ^ '-') - 1 >>> 31;
                int q = p + minus;
                int digitsFrom = q;
                int markAt = -1;
                long mantissa = 0;
                while (true) {
                    // the digits before the decimal mark, then (second pass) after it: a tight loop, one test a byte
                    while (q < n) {
                        int d = b[q] - '0';
                        if (d < 0 || d > 9) {
                            break;
                        }
                        mantissa = mantissa * 10 + d;
                        q++;
                    }
                    if (markAt >= 0 || q >= n || b[q] != '.' && b[q] != ',' || b[q] == delim) {
                        break;
                    }
                    markAt = q++;
                }
                int digits = q - digitsFrom - (markAt < 0 ? 0 : 1);
                int fraction = markAt < 0 ? 0 : q - markAt - 1;
                byte mark = markAt < 0 ? 0 : b[markAt] == '.' ? DOT : COMMA;
                // at most 18 digits: the mantissa did not overflow, and it has at most 15 significant digits
                // exactly when it is below 10^15
                if (q < n && digits > 0 && digits <= 18 && (mark != COMMA || fraction > 0)
                        && (b[q] == delim || b[q] == '\n' || b[q] == '\r')) {
                    // recorded here (the value record() -> number() would give these bytes)
                    int i = base + s;
                    starts[i] = p;
                    ends[i] = q;
                    if (mantissa < MAX_FAST_MANTISSA && fraction < POW10.length) {
                        double v = mantissa / POW10[fraction];
                        values[i] = v * SIGN[minus];
                        valueMarks[i] = mark;
                    } else if (mark != COMMA) {
                        values[i] = DecimalParser.exact(b, p, q);
                        valueMarks[i] = mark;
                    } else {
                        values[i] = Double.NaN;
                    }
                    // the dictionary code, by a hash of what was read: sign, digits, digits after the mark and
                    // mark spell the text back (at most 18 digits), so equal texts have equal hashes (the table
                    // still compares the bytes)
                    if (full[s] > DISTINCT) {
                        textCodes[i] = -1;
                    } else {
                        long h = mantissa * 31 + ((long) digits << 8 | (long) fraction << 3 | (long) mark << 1
                                | minus);
                        textCodes[i] = code(s, p, q, (int) (h ^ h >>> 32));
                    }
                    scanned = field;
                    if (b[q] == delim && q - p <= maxBytes) {
                        // the next field starts just after: straight to it (the checks below would find just that)
                        content = true;
                        field++;
                        fieldStart = q + 1;
                        p = q + 1;
                        continue;
                    }
                }
                content |= q > p;
                p = q;
            }
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
                if (p - fieldStart > maxBytes) {
                    return -1;
                }
                if (field < w && slotOf[field] != -1 && field != scanned) {
                    record(base, field, fieldStart, p);
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
        if (p - fieldStart > maxBytes) {
            return -1;
        }
        if (field < w && slotOf[field] != -1 && field != scanned) {
            record(base, field, fieldStart, p);
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

    /** Records field {@code field} of the row whose cells start at {@code base}, {@code [from, to)}, a wanted column's. */
    private void record(int base, int field, int from, int to) {
        for (int s : slotsOfColumn[field]) {
            int i = base + s;
            cellStart[i] = from;
            cellEnd[i] = to;
            number(i, from, to);
            if (distinct[s] > DISTINCT) {
                codes[i] = -1;
                continue;
            }
            int hash = 0;
            for (int k = from; k < to; k++) {
                hash = 31 * hash + buf[k];
            }
            codes[i] = code(s, from, to, hash);
        }
    }

    private void number(int i, int from, int to) {
        byte[] buf = this.buf;
        while (from < to && buf[from] >= 0 && buf[from] <= ' ') {
            from++;
        }
        while (to > from && buf[to - 1] >= 0 && buf[to - 1] <= ' ') {
            to--;
        }
        numbers[i] = Double.NaN;
        int k = from;
        boolean negative = false;
        if (k < to && buf[k] == '-') {
            negative = true;
            k++;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int fraction = -1;
        byte mark = 0;
        for (; k < to; k++) {
            byte c = buf[k];
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
            numbers[i] = DecimalParser.exact(buf, from, to);
            marks[i] = mark;
            return;
        }
        double v = mantissa / POW10[scale];
        numbers[i] = negative ? -v : v;
        marks[i] = mark;
    }

    /**
     * {@return the code of the text {@code [from, to)} (of hash {@code hash}) in the column's table, or -1 once it
     * is full}
     */
    private int code(int s, int from, int to, int hash) {
        int[] table = dictionaryTable[s];
        int[] textFrom = dictionaryFrom[s];
        int[] textTo = dictionaryTo[s];
        byte[] b = buf;
        int mask = table.length - 1;
        int slot = (hash ^ hash >>> 16) & mask;
        for (int k = table[slot]; k != 0; k = table[slot]) {
            if (Arrays.equals(b, textFrom[k - 1], textTo[k - 1], b, from, to)) {
                return k - 1;
            }
            slot = (slot + 1) & mask;
        }
        if (distinct[s] == DISTINCT) {
            distinct[s]++;
            return -1;
        }
        int k = distinct[s]++;
        dictionary[s][k] = new String(b, from, to - from, StandardCharsets.UTF_8);
        textFrom[k] = from;
        textTo[k] = to;
        table[slot] = k + 1;
        return k;
    }

    private void allocate(int capacity) {
        blank = new boolean[capacity];
        fieldCount = new int[capacity];
        cellStart = new int[capacity * slots];
        cellEnd = new int[capacity * slots];
        numbers = new double[capacity * slots];
        marks = new byte[capacity * slots];
        codes = new int[capacity * slots];
    }

    private void grow() {
        int capacity = blank.length + (blank.length >> 1) + 16;
        blank = Arrays.copyOf(blank, capacity);
        fieldCount = Arrays.copyOf(fieldCount, capacity);
        cellStart = Arrays.copyOf(cellStart, capacity * slots);
        cellEnd = Arrays.copyOf(cellEnd, capacity * slots);
        numbers = Arrays.copyOf(numbers, capacity * slots);
        marks = Arrays.copyOf(marks, capacity * slots);
        codes = Arrays.copyOf(codes, capacity * slots);
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
        current = r * slots;
        return this;
    }

    @Override
    public String text(int slot) {
        int i = current + slot;
        int k = codes[i];
        if (k >= 0) {
            return dictionary[slot][k];
        }
        int from = cellStart[i];
        return new String(buf, from, cellEnd[i] - from, StandardCharsets.UTF_8);
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
        int i = current + slot;
        byte m = marks[i];
        if (m == 0 || m == DOT && mark == DecimalMark.POINT || m == COMMA && mark == DecimalMark.COMMA) {
            return numbers[i];
        }
        return Double.NaN;
    }
}
