package org.survkit.io;

/**
 * Tells whether an Excel number format shows a date, so that a numeric cell with it is read as a date.
 *
 * <p>Built-in formats 14–17 and 22 (and the East Asian date formats 27–36 and 50–58) are dates; the
 * time-only built-ins (18–21, 45–47) are not. A custom format is a date format if its first section, after
 * removing quoted text, escaped characters and bracketed parts such as colours or locales, contains a year
 * ({@code y}) or day ({@code d}) letter, or a month ({@code m}) without hours or seconds (where {@code m} would
 * mean minutes). The same rule as Apache POI's {@code DateUtil.isADateFormat}, simplified.
 */
final class ExcelDateFormats {

    private ExcelDateFormats() {
    }

    /**
     * Tests a cell's number format.
     *
     * @param id     the number format id, or null
     * @param format the format code for custom ids, or null
     * @return true if the format shows a date
     */
    static boolean isDate(Integer id, String format) {
        if (id != null) {
            int i = id;
            if (i >= 14 && i <= 17 || i == 22 || i >= 27 && i <= 36 || i >= 50 && i <= 58) {
                return true;
            }
            if (i < 164) {
                return false;
            }
        }
        return format != null && isDateCode(format);
    }

    private static boolean isDateCode(String format) {
        StringBuilder kept = new StringBuilder();
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (bracket) {
                bracket = c != ']';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                bracket = true;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == ';') {
                break;
            } else {
                kept.append(Character.toLowerCase(c));
            }
        }
        String code = kept.toString();
        if (code.contains("general")) {
            return false;
        }
        boolean year = code.indexOf('y') >= 0;
        boolean day = code.indexOf('d') >= 0;
        boolean month = code.indexOf('m') >= 0;
        boolean clock = code.indexOf('h') >= 0 || code.indexOf('s') >= 0;
        return year || day || month && !clock;
    }
}
