package org.survkit.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The text encoding of an SPSS system file, from its encoding record (subtype 20) or its code page number. */
final class SavCharsets {

    private SavCharsets() {
    }

    /**
     * Finds the encoding.
     *
     * @param name      the bytes of the encoding record, or null if the file has none
     * @param codePage  the character code of the machine integer record (65001 for UTF-8), or 0
     * @param warnings  where to say that an unknown encoding was replaced
     * @return the encoding; Windows-1252 if none is given or it is unknown
     * @throws BadStatFile for EBCDIC, which survkit does not read
     */
    static Charset of(byte[] name, int codePage, List<String> warnings) {
        if (name != null) {
            String given = new String(name, StandardCharsets.US_ASCII).replace("\0", "").strip();
            Charset charset = lookUp(given);
            if (charset != null) {
                return charset;
            }
            warnings.add("the file names its text encoding '" + given + "', which is unknown here; the text was "
                    + "read as Windows-1252 (Western European). If letters look wrong, save the file again in "
                    + "SPSS with Unicode (UTF-8) on.");
            return StatTable.windows1252();
        }
        switch (codePage) {
            case 0, 2, 3, 1252, 20127 -> {
                return StatTable.windows1252();
            }
            case 1 -> throw new BadStatFile("its text is in EBCDIC, from a mainframe");
            case 65001 -> {
                return StandardCharsets.UTF_8;
            }
            case 28591 -> {
                return StandardCharsets.ISO_8859_1;
            }
            default -> {
                for (String candidate : List.of("windows-" + codePage, "x-windows-" + codePage, "cp" + codePage,
                        "x-IBM" + codePage)) {
                    Charset charset = lookUp(candidate);
                    if (charset != null) {
                        return charset;
                    }
                }
                warnings.add("the file's text is in code page " + codePage + ", which is unknown here; it was read "
                        + "as Windows-1252 (Western European). If letters look wrong, save the file again in SPSS "
                        + "with Unicode (UTF-8) on.");
                return StatTable.windows1252();
            }
        }
    }

    private static Charset lookUp(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
