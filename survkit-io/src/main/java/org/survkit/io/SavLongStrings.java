package org.survkit.io;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;

/**
 * The value labels (extension record 21) and user-missing values (record 22) of strings longer than 8 bytes
 * in an SPSS system file, which name their variables by long name.
 */
final class SavLongStrings {

    private SavLongStrings() {
    }

    /**
     * Applies the long string value labels.
     *
     * @param record     the record's bytes, or null if the file has none
     * @param byName     the variables by upper-case name
     * @param dictionary the dictionary, for the byte order and encoding
     * @throws BadStatFile if the record is malformed
     */
    static void labels(byte[] record, Map<String, SavVariable> byName, SavDictionary dictionary) {
        if (record == null) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(record).order(dictionary.order());
        try {
            while (in.hasRemaining()) {
                SavVariable v = byName.get(string(in, dictionary).toUpperCase(Locale.ROOT));
                in.getInt(); // width
                int count = in.getInt();
                for (int i = 0; i < count; i++) {
                    String value = SavDictionary.rtrim(string(in, dictionary));
                    String label = string(in, dictionary);
                    if (v != null && v.isString()) {
                        v.textLabel(value, label);
                    }
                }
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new BadStatFile("the long string value labels (record 7, subtype 21) are malformed");
        }
    }

    /**
     * Applies the long string missing values.
     *
     * @param record     the record's bytes, or null if the file has none
     * @param byName     the variables by upper-case name
     * @param dictionary the dictionary, for the byte order and encoding
     * @throws BadStatFile if the record is malformed
     */
    static void missing(byte[] record, Map<String, SavVariable> byName, SavDictionary dictionary) {
        if (record == null) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(record).order(dictionary.order());
        try {
            while (in.hasRemaining()) {
                SavVariable v = byName.get(string(in, dictionary).toUpperCase(Locale.ROOT));
                int count = in.get() & 0xFF;
                int length = in.getInt();
                for (int i = 0; i < count; i++) {
                    byte[] value = new byte[length];
                    in.get(value);
                    if (v != null && v.isString()) {
                        v.missingText(SavDictionary.rtrim(dictionary.text(value)));
                    }
                }
            }
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new BadStatFile("the long string missing values (record 7, subtype 22) are malformed");
        }
    }

    private static String string(ByteBuffer in, SavDictionary dictionary) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("length " + length);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return dictionary.text(bytes);
    }
}
