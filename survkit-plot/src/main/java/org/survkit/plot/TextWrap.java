package org.survkit.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps text into lines no wider than a width (by {@link TextMetrics}), greedily: at spaces, optionally also after
 * hyphens and slashes; a word wider than the width is broken between characters, so that nothing is cut.
 */
final class TextWrap {

    private static final Pattern WORDS = Pattern.compile("\\S*(?:\\s+|$)");
    private static final Pattern WORDS_AND_HYPHENS = Pattern.compile("[^\\s/-]*(?:[/-]+|\\s+|$)");

    private TextWrap() {
    }

    /**
     * @param hyphens also break after {@code -} and {@code /} (kept at the line's end)
     */
    static List<String> lines(String text, double size, boolean bold, double maxWidth, boolean hyphens) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        Matcher m = (hyphens ? WORDS_AND_HYPHENS : WORDS).matcher(text.strip());
        while (m.find() && m.end() > m.start()) {
            String piece = m.group();
            if (width(line + piece.stripTrailing(), size, bold) <= maxWidth) {
                line.append(piece);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            // the piece alone: break it where it overflows
            String word = piece.stripTrailing();
            int start = 0;
            for (int i = 0; i < word.length(); i += Character.charCount(word.codePointAt(i))) {
                int next = i + Character.charCount(word.codePointAt(i));
                if (i > start && width(word.substring(start, next), size, bold) > maxWidth) {
                    lines.add(word.substring(start, i));
                    start = i;
                }
            }
            line.append(piece.substring(start));
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static double width(String s, double size, boolean bold) {
        return bold ? TextMetrics.boldWidth(s, size) : TextMetrics.width(s, size);
    }
}
