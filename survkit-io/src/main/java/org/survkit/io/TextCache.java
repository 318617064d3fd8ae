package org.survkit.io;

/**
 * Turns the characters of a field into a string, reusing the same string for values seen before, as long as
 * a column has few distinct values (event codes, group labels). After 256 distinct values the column is taken
 * to be continuous and every value becomes a new string.
 *
 * <p>This saves most allocations when importing large files, and later hash-map lookups of the returned
 * strings are cheap because a reused string caches its hash code. Open addressing with linear probing on a
 * table kept at most half full; the hash is {@link String#hashCode()}'s.
 */
final class TextCache {

    private static final int LIMIT = 256;

    private String[] table = new String[2 * LIMIT];
    private int size;

    /**
     * Returns the string for a field.
     *
     * @param buf    the buffer holding the field
     * @param offset where the field starts
     * @param len    its length
     * @return a string equal to the field, the same instance as before for a repeated value
     */
    String get(char[] buf, int offset, int len) {
        if (table == null) {
            return new String(buf, offset, len);
        }
        int hash = 0;
        for (int i = offset, end = offset + len; i < end; i++) {
            hash = 31 * hash + buf[i];
        }
        int mask = table.length - 1;
        int slot = (hash ^ hash >>> 16) & mask;
        for (String s = table[slot]; s != null; s = table[slot]) {
            if (s.hashCode() == hash && sameChars(s, buf, offset, len)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
        String s = new String(buf, offset, len);
        if (++size > LIMIT) {
            table = null;
        } else {
            table[slot] = s;
        }
        return s;
    }

    private static boolean sameChars(String s, char[] buf, int offset, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
