package org.survkit.stats.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of a factor's levels when the study gives none: the order a reader expects of clinical labels.
 *
 * <ol>
 * <li>A label that is a number ({@code 2}, {@code 0.5}, {@code -1}) sorts numerically, before every other label
 *     ({@code 2} before {@code 10}); this is R's order for a numeric column made a factor.</li>
 * <li>Other labels are compared piece by piece, a piece being a run of text or a number: numbers inside labels
 *     compare as numbers ({@code Stage 2} before {@code Stage 10}, {@code T1a} before {@code T1b}); a Roman
 *     numeral I–XXXIX standing as a word, optionally followed by one sub-stage letter A–C, is the number it
 *     writes ({@code Stage II} before {@code Stage IIIA} before {@code Stage IV} before {@code Stage X}); a number
 *     with a leading {@code <}, {@code <=}, {@code ≤} sorts just below the number and one with a leading
 *     {@code >}, {@code >=}, {@code ≥} or a trailing {@code +} just above it, so that categories of a
 *     measurement read in order ({@code <=20}, {@code 20-50}, {@code >50}). A number piece sorts before a text
 *     piece; text pieces compare by their characters (as R's C-locale sort).</li>
 * <li>Labels whose pieces are all equal ({@code 01} and {@code 1}) are ordered by their characters, so the order
 *     is total and every run gives the same levels.</li>
 * </ol>
 *
 * <p>R itself sorts character labels alphabetically ({@code "Stage 10"} before {@code "Stage 2"}); survkit departs
 * from it only where the alphabet misorders numbers, and a study can always give the order explicitly (the groups'
 * {@code order}, a Table 1 variable's {@code levels}, a reference level).
 */
public final class LevelOrder {
    /** The order. */
    public static final Comparator<String> NATURAL = LevelOrder::compare;

    private static final Pattern ROMAN = Pattern.compile("(X{0,3})(IX|IV|V?I{0,3})([A-C]?)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private LevelOrder() {
    }

    /** One piece of a label: a number (with its modifier −1 below, 0, +1 above) or a text. */
    private record Piece(double value, int modifier, String text) {
        boolean isNumber() {
            return text == null;
        }

        int compareTo(Piece o) {
            if (isNumber() && o.isNumber()) {
                int c = Double.compare(value, o.value);
                return c != 0 ? c : Integer.compare(modifier, o.modifier);
            }
            if (isNumber() != o.isNumber()) {
                return isNumber() ? -1 : 1;
            }
            return text.compareTo(o.text);
        }
    }

    static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        Double x = Factor.number(a);
        Double y = Factor.number(b);
        if (x != null || y != null) {
            if (x == null) {
                return 1;
            }
            if (y == null) {
                return -1;
            }
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareTo(b);
        }
        List<Piece> p = pieces(a);
        List<Piece> q = pieces(b);
        for (int i = 0; i < Math.min(p.size(), q.size()); i++) {
            int c = p.get(i).compareTo(q.get(i));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(p.size(), q.size());
        return c != 0 ? c : a.compareTo(b);
    }

    /** Splits a label into text and number pieces. */
    static List<Piece> pieces(String s) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        StringBuilder text = new StringBuilder();
        while (i < n) {
            char ch = s.charAt(i);
            int modifier = 0;
            int start = i;
            if ((ch == '<' || ch == '>' || ch == '\u2264' || ch == '\u2265') && i + 1 < n) {
                int j = i + 1;
                if (s.charAt(j) == '=' && (ch == '<' || ch == '>')) {
                    j++;
                }
                while (j < n && s.charAt(j) == ' ') {
                    j++;
                }
                if (j < n && Character.isDigit(s.charAt(j))) {
                    modifier = ch == '<' || ch == '\u2264' ? -1 : 1;
                    i = j;
                    ch = s.charAt(i);
                }
            }
            if (Character.isDigit(ch)) {
                Matcher m = NUMBER.matcher(s).region(i, n);
                m.lookingAt();
                int end = m.end();
                double v = Double.parseDouble(s.substring(i, end));
                if (modifier == 0 && end < n && s.charAt(end) == '+') {
                    modifier = 1;
                    end++;
                }
                flush(text, out);
                out.add(new Piece(v, modifier, null));
                i = end;
                continue;
            }
            i = start;
            ch = s.charAt(i);
            if (Character.isLetter(ch) && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
                int j = i;
                while (j < n && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                Matcher m = ROMAN.matcher(s.substring(i, j));
                if (m.matches() && !(m.group(1) + m.group(2)).isEmpty()) {
                    flush(text, out);
                    out.add(new Piece(roman(m.group(1) + m.group(2)), 0, null));
                    if (!m.group(3).isEmpty()) {
                        out.add(new Piece(0, 0, m.group(3)));
                    }
                    i = j;
                    continue;
                }
                text.append(s, i, j);
                i = j;
                continue;
            }
            text.append(ch);
            i++;
        }
        flush(text, out);
        return out;
    }

    private static void flush(StringBuilder text, List<Piece> out) {
        if (text.length() > 0) {
            out.add(new Piece(0, 0, text.toString()));
            text.setLength(0);
        }
    }

    private static int roman(String r) {
        int total = 0;
        for (int i = 0; i < r.length(); i++) {
            int v = value(r.charAt(i));
            int next = i + 1 < r.length() ? value(r.charAt(i + 1)) : 0;
            total += v < next ? -v : v;
        }
        return total;
    }

    private static int value(char c) {
        return switch (c) {
            case 'I' -> 1;
            case 'V' -> 5;
            default -> 10;
        };
    }
}
