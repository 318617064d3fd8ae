package org.survkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The kind of a table file: by extension ({@code .csv .tsv .txt} text, {@code .xlsx .xlsm} workbook,
 * {@code .xls} old workbook), or for any other extension by its first bytes (ZIP → workbook, OLE2 → old
 * workbook, anything else text).
 */
enum FileKind {
    /** Delimited text. */
    TEXT,
    /** Excel 2007+ workbook (Office Open XML). */
    XLSX,
    /** Excel 97–2003 workbook (OLE2), not supported. */
    XLS;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
        0x1A, (byte) 0xE1};

    /**
     * Determines the kind of a file.
     *
     * @param file an existing, readable file
     * @return its kind
     * @throws IOException if the first bytes cannot be read
     */
    static FileKind of(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return TEXT;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return XLSX;
        }
        if (name.endsWith(".xls")) {
            return XLS;
        }
        return sniff(file);
    }

    /**
     * Determines the kind of a file from its first bytes only.
     *
     * @param file the file
     * @return XLSX for a ZIP archive, XLS for an OLE2 compound file, else TEXT
     * @throws IOException if the file cannot be read
     */
    static FileKind sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(OLE2.length);
        }
        if (startsWith(head, ZIP)) {
            return XLSX;
        }
        return startsWith(head, OLE2) ? XLS : TEXT;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
