package org.survkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an {@code .xlsx} workbook against the {@link ReadLimits} before fastexcel-reader opens it, since that
 * reader keeps a whole cell, a whole row and every shared text in memory: every part is unpacked once, in 64 KiB
 * steps, and nothing is kept. Counted: the unpacked bytes of all parts together; in the XML parts, the
 * characters (UTF-8 lead bytes) of the text inside one cell ({@code <c>}) or one text item ({@code <si>},
 * {@code <is>}, whose rich-text runs add up), the length of one tag, and the cells of one row. The scan stops
 * at the first cap exceeded, so a zip bomb costs no more than the cap.
 */
final class WorkbookScan {

    /** Room for a tag's attributes beyond the cell cap (namespaces of the root element). */
    private static final int TAG_SLACK = 64 * 1024;

    private final String name;
    private final ReadLimits limits;
    private long unpacked;

    private WorkbookScan(String name, ReadLimits limits) {
        this.name = name;
        this.limits = limits;
    }

    /**
     * Scans a workbook.
     *
     * @param file   the workbook
     * @param name   its name, for messages
     * @param limits the caps
     * @throws InputException if a cap is exceeded
     * @throws IOException    if the file is not a ZIP archive or cannot be read
     */
    static void check(Path file, String name, ReadLimits limits) throws IOException {
        WorkbookScan scan = new WorkbookScan(name, limits);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.isDirectory()) {
                    try (InputStream in = zip.getInputStream(e)) {
                        scan.part(e.getName(), in);
                    }
                }
            }
        }
    }

    private void part(String entry, InputStream in) throws IOException {
        XmlCells xml = entry.toLowerCase(Locale.ROOT).endsWith(".xml") ? new XmlCells(entry) : null;
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            unpacked += n;
            if (unpacked > limits.maxUnpackedBytes()) {
                throw new InputException(name + " unpacks to more than " + ReadLimits.megabytes(
                        limits.maxUnpackedBytes()) + ", more than survkit reads from one workbook. Save the sheet with"
                        + " the data as CSV and use that, or delete the sheets, columns and formatting the analysis"
                        + " does not need.");
            }
            if (xml != null) {
                xml.feed(buf, n);
            }
        }
    }

    /** The byte-level state of one XML part: inside a tag or in text, and the counts of the current cell. */
    private final class XmlCells {
        private final String entry;
        private final StringBuilder tagName = new StringBuilder();
        private final StringBuilder cellRef = new StringBuilder();
        private boolean inTag;
        private boolean nameDone;
        private int tagLength;
        private long textChars;
        private boolean inTextItem;
        private long cellsInRow;
        private long row;
        private int refState;
        private byte previous;
        private boolean cellTag;
        private final StringBuilder lastCell = new StringBuilder();

        XmlCells(String entry) {
            this.entry = entry;
        }

        void feed(byte[] buf, int n) {
            int i = 0;
            while (i < n) {
                if (inTag) {
                    i = tag(buf, i, n);
                    continue;
                }
                // text: count characters up to the next tag (the cap is checked once per run)
                long chars = textChars;
                while (i < n && buf[i] != '<') {
                    if ((buf[i++] & 0xC0) != 0x80) {
                        chars++;
                    }
                }
                textChars = chars;
                if (textChars > limits.maxCellChars()) {
                    throw limits.cellTooLong(where());
                }
                if (i < n) {
                    i++;
                    inTag = true;
                    nameDone = false;
                    cellTag = false;
                    previous = 0;
                    tagLength = 0;
                    tagName.setLength(0);
                    refState = 0;
                    cellRef.setLength(0);
                }
            }
        }

        /** Reads tag bytes from {@code i}; {@return where the tag, or the buffer, ends} */
        private int tag(byte[] buf, int i, int n) {
            int start = i;
            while (i < n) {
                if (nameDone && !cellTag) {
                    // only the end of this tag matters: skip to it
                    int j = i;
                    while (j < n && buf[j] != '>') {
                        j++;
                    }
                    if (j > i) {
                        previous = buf[j - 1];
                    }
                    i = j;
                    if (i == n) {
                        break;
                    }
                }
                byte b = buf[i++];
                if (b == '>') {
                    inTag = false;
                    endOfTag(previous == '/');
                    break;
                }
                if (!nameDone) {
                    if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '/' && tagName.length() > 0) {
                        nameDone = true;
                        cellTag = isLocalName("c");
                        refState = b == '/' ? 0 : 1;
                    } else if (tagName.length() < 32) {
                        tagName.append((char) (b & 0xFF));
                    }
                } else if (cellTag) {
                    reference(b);
                }
                previous = b;
            }
            tagLength += i - start;
            if (tagLength > limits.maxCellChars() + TAG_SLACK) {
                throw limits.cellTooLong(where());
            }
            return i;
        }

        /** Collects the value of an {@code r="B12"} attribute, to name the cell in messages. */
        private void reference(byte b) {
            switch (refState) {
                case 0 -> refState = b == ' ' || b == '\t' || b == '\n' || b == '\r' ? 1 : 0;
                case 1 -> refState = b == 'r' ? 2 : b == ' ' ? 1 : 0;
                case 2 -> refState = b == '=' ? 3 : 0;
                case 3 -> refState = b == '"' || b == '\'' ? 4 : 0;
                case 4 -> {
                    if (b == '"' || b == '\'') {
                        refState = 5;
                    } else if (cellRef.length() < 16) {
                        cellRef.append((char) (b & 0xFF));
                    }
                }
                default -> {
                }
            }
        }

        /** {@return whether the tag's name, without a namespace prefix and a closing slash, is {@code local}} */
        private boolean isLocalName(String local) {
            int end = tagName.length();
            int from = end;
            while (from > 0 && tagName.charAt(from - 1) != ':' && tagName.charAt(from - 1) != '/') {
                from--;
            }
            if (end - from != local.length()) {
                return false;
            }
            for (int k = 0; k < local.length(); k++) {
                if (tagName.charAt(from + k) != local.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private void endOfTag(boolean empty) {
            boolean closing = tagName.length() > 0 && tagName.charAt(0) == '/';
            if (isLocalName("si") || isLocalName("is")) {
                inTextItem = !closing && !empty;
                textChars = 0;
            } else if (isLocalName("row")) {
                cellsInRow = 0;
                textChars = 0;
                if (!closing) {
                    row++;
                }
            } else if (nameDone ? cellTag : isLocalName("c")) {
                textChars = 0;
                if (!closing && ++cellsInRow > limits.maxCellsPerRow()) {
                    throw new InputException(name + ": row " + row + " of the workbook (part " + entry + ") has more"
                            + " than " + ReadLimits.count(limits.maxCellsPerRow()) + " cells, more than Excel allows."
                            + " Save the sheet with the data as CSV, or keep only the columns the analysis needs.");
                }
                if (!closing) {
                    lastCell.setLength(0);
                    lastCell.append(cellRef);
                }
            } else if (!inTextItem) {
                textChars = 0;
            }
        }

        private String where() {
            if (inTextItem && !entry.contains("sheet")) {
                return name + " (a shared text of the workbook)";
            }
            return name + (lastCell.length() == 0 ? " (part " + entry + ")" : ", cell " + lastCell);
        }
    }
}
