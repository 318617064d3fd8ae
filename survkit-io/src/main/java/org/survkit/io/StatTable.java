package org.survkit.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the SPSS and Stata sources share: handing the variables to a {@link RowHandler}, and decoding text. */
final class StatTable {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private StatTable() {
    }

    /**
     * Hands the variable labels and the header to the handler, after checking the caps and the names.
     *
     * @param context the file
     * @param columns the variables, in file order
     * @param handler where the rows will go
     * @param limits  the caps
     * @return the index of each column the handler wants
     * @throws InputException if there are more variables than the cap allows, or none
     * @throws BadStatFile    if a name is blank or repeated (which the packages do not allow)
     */
    static int[] start(SourceContext context, List<StatColumn> columns, RowHandler handler, ReadLimits limits) {
        if (columns.size() > limits.maxColumns()) {
            throw limits.tooManyColumns(context.file());
        }
        if (columns.isEmpty()) {
            throw new InputException(context.file() + " holds no variables. Choose the file that holds the data: "
                    + "one variable per column, one " + context.lineWord() + " per patient.");
        }
        Set<String> seen = new HashSet<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            StatColumn column = columns.get(i);
            if (column.name().isBlank()) {
                throw new BadStatFile("variable " + (i + 1) + " has no name");
            }
            if (!seen.add(column.name())) {
                throw new BadStatFile("the variable name '" + column.name() + "' appears twice");
            }
            if (!column.label().isBlank()) {
                labels.put(column.name(), column.label().strip());
            }
        }
        handler.labels(java.util.Collections.unmodifiableMap(labels));
        return handler.header(context, columns.stream().map(StatColumn::name).toList(), 0);
    }

    /**
     * Checks the length of a text value.
     *
     * @param value   the text
     * @param context the file
     * @param row     the case or observation
     * @param column  the column name
     * @param limits  the caps
     * @return the value
     * @throws InputException if it is longer than the cap
     */
    static String checked(String value, SourceContext context, int row, String column, ReadLimits limits) {
        if (value.length() > limits.maxCellChars()) {
            throw limits.cellTooLong(context.at(row, column));
        }
        return value;
    }

    /** {@return Windows-1252, the usual encoding of older files that do not name theirs} */
    static Charset windows1252() {
        return WINDOWS_1252;
    }

    /**
     * Decodes text that is UTF-8 if it is valid UTF-8, else Windows-1252 (older Stata files, which name no
     * encoding and hold either).
     */
    static final class Guess {
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

        /**
         * Decodes bytes.
         *
         * @param bytes  the array
         * @param offset where the text starts
         * @param length its length in bytes
         * @return the text
         */
        String decode(byte[] bytes, int offset, int length) {
            boolean ascii = true;
            for (int i = offset; i < offset + length && ascii; i++) {
                ascii = bytes[i] >= 0;
            }
            if (ascii) {
                return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
            }
            try {
                return utf8.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, offset, length, WINDOWS_1252);
            }
        }
    }
}
