package org.survkit.plot;

import java.text.Normalizer;

/**
 * Advance widths of text in Helvetica (and its metric-compatible clones Arial, Liberation Sans and
 * Nimbus Sans, the first fonts of {@link SvgWriter#FONT_FAMILY}), so that layouts can be computed
 * without a font on the machine and come out the same everywhere.
 *
 * <p>Widths are the Adobe Core 14 Helvetica AFM widths in 1/1000 em for printable ASCII; accented
 * Latin letters take the width of their base letter; a few typographic symbols have their own
 * width; anything else is taken as 0.6 em (CJK and other wide scripts as 1 em), which errs on the
 * wide side so that labels do not collide.
 */
final class TextMetrics {

    /** Helvetica AFM widths for U+0020 .. U+007E. */
    private static final int[] ASCII = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // sp ! " # $ % & ' ( ) * + , - . /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 // p-z { | } ~
    };

    private TextMetrics() {
    }

    /** Width in points of {@code text} set in {@code size}-point regular Helvetica. */
    static double width(String text, double size) {
        return units(text, false) * size / 1000.0;
    }

    /** Width in points of {@code text} set in {@code size}-point bold Helvetica (about 5% wider). */
    static double boldWidth(String text, double size) {
        return units(text, true) * size / 1000.0;
    }

    private static double units(String text, boolean bold) {
        double total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            total += advance(cp);
            i += Character.charCount(cp);
        }
        return bold ? total * 1.055 : total;
    }

    private static int advance(int cp) {
        if (cp >= 0x20 && cp <= 0x7E) {
            return ASCII[cp - 0x20];
        }
        switch (cp) {
            case 0x2013: // en dash
            case 0x00B5: // micro
                return 556;
            case 0x2014: // em dash
            case 0x2026: // ellipsis
            case 0x2030: // per mille
                return 1000;
            case 0x2212: // minus
            case 0x00B1: // plus-minus
            case 0x00D7: // times
            case 0x00F7: // divide
                return 584;
            case 0x2264: // less-than or equal
            case 0x2265: // greater-than or equal
                return 549;
            case 0x221E: // infinity
                return 713;
            case 0x00B7: // middle dot
                return 278;
            case 0x00B0: // degree
                return 400;
            case 0x00A0: // no-break space
                return 278;
            default:
                break;
        }
        if (cp >= 0x2E80) {
            return 1000; // CJK, Hangul, full-width forms
        }
        if (cp >= 0xC0 && cp < 0x250) {
            String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
            char c = base.charAt(0);
            if (c >= 0x20 && c <= 0x7E) {
                return ASCII[c - 0x20];
            }
        }
        return 600;
    }

    /**
     * {@code text} shortened with an ellipsis so that it fits in {@code maxWidth} points at
     * {@code size} (regular weight); the text itself when it fits.
     */
    static String truncate(String text, double size, double maxWidth) {
        if (width(text, size) <= maxWidth) {
            return text;
        }
        String ellipsis = "\u2026";
        double budget = maxWidth - width(ellipsis, size);
        StringBuilder out = new StringBuilder();
        double used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            double w = advance(cp) * size / 1000.0;
            if (used + w > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.toString().stripTrailing() + ellipsis;
    }
}
