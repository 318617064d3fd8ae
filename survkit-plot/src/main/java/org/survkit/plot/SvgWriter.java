package org.survkit.plot;

import java.util.List;

/**
 * Writes SVG 1.1 text by hand: elements with escaped attribute values and text content, numbers
 * rounded to 0.01 pt. One writer makes one document; not thread-safe (each figure makes its own).
 *
 * <p>The document is sized in millimetres with a view box in points (1 user unit = 1 pt), so that
 * font sizes and line widths read as typographic points at the physical size.
 */
final class SvgWriter {

    /**
     * Sans-serif font stack: Helvetica and its metric-compatible clones first (the widths in
     * {@link TextMetrics} are Helvetica's), then generic fallbacks.
     */
    static final String FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'Nimbus Sans', 'DejaVu Sans', sans-serif";

    /** Points per millimetre. */
    static final double PT_PER_MM = 72.0 / 25.4;

    /** One styled piece of a text line. */
    record Run(String text, boolean italic, boolean bold) {
        static Run plain(String text) {
            return new Run(text, false, false);
        }

        static Run italic(String text) {
            return new Run(text, true, false);
        }
    }

    private final StringBuilder out = new StringBuilder(1 << 15);

    /**
     * Starts a document of {@code widthPt × heightPt} points with a white background.
     *
     * @param title accessible title (the {@code <title>} element)
     */
    SvgWriter(double widthPt, double heightPt, String title) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
        attr("width", num(widthPt / PT_PER_MM) + "mm");
        attr("height", num(heightPt / PT_PER_MM) + "mm");
        attr("viewBox", "0 0 " + num(widthPt) + " " + num(heightPt));
        attr("font-family", FONT_FAMILY);
        // browsers kern by default, Batik does not, and TextMetrics measures without kerning: switch it off
        // so that a browser, Batik's PNG and the layout agree to the pixel
        attr("style", "font-kerning: none");
        out.append(">\n");
        out.append("<title>").append(escape(title)).append("</title>\n");
        empty("rect", "class", "background", "x", "0", "y", "0", "width", num(widthPt), "height", num(heightPt),
                "fill", "#FFFFFF");
    }

    /** Opens {@code <name attrs...>}; attributes as name, value pairs (values escaped, nulls skipped). */
    SvgWriter open(String name, String... attrs) {
        out.append('<').append(name);
        attrs(attrs);
        out.append(">\n");
        return this;
    }

    SvgWriter close(String name) {
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** Writes an empty element {@code <name attrs.../>}. */
    SvgWriter empty(String name, String... attrs) {
        out.append('<').append(name);
        attrs(attrs);
        out.append("/>\n");
        return this;
    }

    /** Writes a {@code <text>} element with plain content. */
    SvgWriter text(String content, String... attrs) {
        return text(List.of(Run.plain(content)), attrs);
    }

    /** Writes a {@code <text>} element whose content is styled runs (italic/bold as {@code tspan}). */
    SvgWriter text(List<Run> runs, String... attrs) {
        out.append("<text");
        attrs(attrs);
        out.append('>');
        for (Run r : runs) {
            if (r.italic() || r.bold()) {
                out.append("<tspan");
                if (r.italic()) {
                    attr("font-style", "italic");
                }
                if (r.bold()) {
                    attr("font-weight", "bold");
                }
                out.append('>').append(escape(r.text())).append("</tspan>");
            } else {
                out.append(escape(r.text()));
            }
        }
        out.append("</text>\n");
        return this;
    }

    /**
     * Writes one {@code <text>} element set on several lines, each a {@code tspan} at {@code x} on its own baseline
     * ({@code leading} apart); every line but the last that does not end in a hyphen or slash keeps a trailing
     * space, so that the element's text is the whole sentence.
     */
    SvgWriter lines(List<String> lines, double x, double firstBaseline, double leading, String... attrs) {
        out.append("<text");
        attrs(attrs);
        out.append('>');
        for (int i = 0; i < lines.size(); i++) {
            out.append("<tspan");
            attr("x", num(x));
            attr("y", num(firstBaseline + i * leading));
            out.append('>').append(escape(lines.get(i) + (i < lines.size() - 1 && !lines.get(i).matches(".*[-/]") ? " " : ""))).append("</tspan>");
        }
        out.append("</text>\n");
        return this;
    }

    /** Closes the document and returns its text. */
    String finish() {
        out.append("</svg>\n");
        return out.toString();
    }

    private void attrs(String[] attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                attr(attrs[i], attrs[i + 1]);
            }
        }
    }

    private void attr(String name, String value) {
        out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }

    /**
     * Escapes text for XML content and double- or single-quoted attributes: {@code & < > " '}
     * become entities; characters that XML 1.0 forbids (C0 controls other than tab, newline and
     * carriage return, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so that any group name
     * yields a well-formed document.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t', '\n', '\r' -> b.append(' ');
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            b.append(c).append(s.charAt(++i));
                        } else {
                            b.append('\uFFFD');
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A coordinate rounded to 0.01, without trailing zeros or exponent ({@code 12.5}, {@code -3}, {@code 0.07}). */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite coordinate: " + v);
        }
        long r = Math.round(v * 100);
        StringBuilder b = new StringBuilder(12);
        if (r < 0) {
            b.append('-');
            r = -r;
        }
        b.append(r / 100);
        long f = r % 100;
        if (f != 0) {
            b.append('.');
            b.append((char) ('0' + f / 10));
            if (f % 10 != 0) {
                b.append((char) ('0' + f % 10));
            }
        }
        return b.toString();
    }
}
