package org.survkit.web;

import java.util.Locale;

/**
 * The name an uploaded file is stored under: the last segment of the name the browser sent, reduced to letters,
 * digits, dot, dash, underscore and space, with one of the readable extensions. The stored name is never used to
 * find a file (identifiers are), only kept so that results name the source file as the command line would.
 */
final class FileNames {
    private FileNames() {
    }

    /** {@return the stored name, or throws ApiError for a kind survkit does not read} */
    static String safe(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < 120; i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                    || c == '_' || c == ' ';
            sb.append(ok ? c : '_');
        }
        String s = sb.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        String ext = extension(lower);
        if (ext == null) {
            String shown = given == null || given.isBlank() ? "the file" : "'" + lastSegment(given) + "'";
            throw ApiError.badRequest(shown + " is not a file survkit reads: upload a CSV (.csv, .tsv, .txt), an"
                    + " Excel workbook (.xlsx), an SPSS file (.sav, .zsav), a Stata file (.dta) or a Parquet file"
                    + " (.parquet). From Prism or"
                    + " other programs, save or export as .xlsx or CSV first.");
        }
        String stem = s.substring(0, s.length() - ext.length()).strip();
        return (stem.isEmpty() ? "data" : stem) + ext;
    }

    static String extension(String lowerName) {
        for (String e : new String[] {".csv", ".tsv", ".txt", ".xlsx", ".sav", ".zsav", ".dta",
            ".parquet"}) {
            if (lowerName.endsWith(e)) {
                return e;
            }
        }
        return null;
    }

    private static String lastSegment(String s) {
        String n = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        return n.length() > 80 ? n.substring(0, 80) + "…" : n;
    }
}
