package org.survkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The kind of a table file. A statistics package's file is known by its first bytes whatever its name (an SPSS
 * file named {@code .csv} is still read as SPSS): {@code $FL2}/{@code $FL3} SPSS system file, {@code <stata_dta>}
 * or an old Stata header Stata, {@code SPSSPORT} at byte 456 SPSS portable, {@code PAR1} Parquet. Otherwise by
 * extension ({@code .csv .tsv .txt} text, {@code .xlsx .xlsm} workbook, {@code .xls} old workbook,
 * {@code .sav .zsav} SPSS, {@code .dta} Stata, {@code .por} SPSS portable, {@code .parquet .parq} Parquet,
 * which then says it is no Parquet file), or for any other extension by its first bytes (ZIP → workbook, OLE2 →
 * old workbook, anything else text).
 */
enum FileKind {
    /** Delimited text. */
    TEXT,
    /** Excel 2007+ workbook (Office Open XML). */
    XLSX,
    /** Excel 97–2003 workbook (OLE2), not supported. */
    XLS,
    /** SPSS system file ({@code .sav}, {@code .zsav}). */
    SAV,
    /** Stata data file ({@code .dta}). */
    DTA,
    /** SPSS portable file ({@code .por}), not supported. */
    POR,
    /** Apache Parquet file ({@code .parquet}). */
    PARQUET;

    private static final int PORTABLE_MAGIC_AT = 456;
    private static final int HEAD_BYTES = 464;

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
        FileKind stat = statistics(head(file));
        if (stat != null) {
            return stat;
        }
        if (name.endsWith(".sav") || name.endsWith(".zsav")) {
            return SAV;
        }
        if (name.endsWith(".dta")) {
            return DTA;
        }
        if (name.endsWith(".por")) {
            return POR;
        }
        if (name.endsWith(".parquet") || name.endsWith(".parq")) {
            return PARQUET;
        }
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
     * @return SAV, DTA, POR or PARQUET for a file known by its first bytes, XLSX for a ZIP archive, XLS for an OLE2 compound file, else
     *         TEXT
     * @throws IOException if the file cannot be read
     */
    static FileKind sniff(Path file) throws IOException {
        byte[] head = head(file);
        FileKind stat = statistics(head);
        if (stat != null) {
            return stat;
        }
        if (startsWith(head, ZIP)) {
            return XLSX;
        }
        return startsWith(head, OLE2) ? XLS : TEXT;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    /**
     * Recognises a statistics package's file or a Parquet file by its first bytes.
     *
     * @param head the first bytes
     * @return SAV, DTA, POR or PARQUET, or null for another kind
     */
    private static FileKind statistics(byte[] head) {
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        if (ParquetSource.startsWithMagic(head)) {
            return PARQUET;
        }
        if (ascii.startsWith("$FL2") || ascii.startsWith("$FL3")) {
            return SAV;
        }
        if (ascii.startsWith("<stata_dta>")) {
            return DTA;
        }
        // old Stata: format 102-116, byte order 1 (MSF) or 2 (LSF), file type 1
        if (head.length >= 4 && head[0] >= 102 && head[0] <= 116 && (head[1] == 1 || head[1] == 2) && head[2] == 1) {
            return DTA;
        }
        return ascii.startsWith("SPSSPORT", PORTABLE_MAGIC_AT) ? POR : null;
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
