package org.survkit.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.survkit.plot.FigureFormat;
import org.survkit.report.html.HtmlReport;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;

/**
 * The page's field labels from the study keys: {@code {{label:--decimal}}} in {@code index.html} becomes the key's
 * web label ("Decimal mark"), so that a field is named as the messages about it name it ({@link Messages#forPage});
 * {@code {{default:--p-digits}}} becomes the key's default (a field's value or placeholder), and
 * {@code {{checks:--figure-formats}}} becomes a check box per figure format.
 */
final class PageLabels {
    private static final Pattern LABEL = Pattern.compile("\\{\\{(label|default):(--[a-z][a-z0-9-]*)\\}\\}");

    /** Where the page's figure-format boxes go: one per {@link FigureFormat}, ticked as the key's default. */
    static final String FORMATS = "{{checks:" + StudyKeys.Flags.FIGURE_FORMATS + "}}";

    private PageLabels() {
    }

    /** {@return a key's default as a form field shows it: 170 for 170.0} */
    static String shown(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    /** {@return a check box per figure format, SVG ticked and fixed (the report always shows it)} */
    static String formatBoxes() {
        StringBuilder b = new StringBuilder();
        for (FigureFormat f : FigureFormat.values()) {
            boolean on = StudyKeys.FIGURE_FORMATS.defaultValue().contains(f);
            b.append("<label><input type=\"checkbox\" value=\"").append(f.id()).append('"')
                    .append(on ? " checked" : "").append(f == FigureFormat.SVG ? " disabled" : "").append("> ")
                    .append(f.name()).append("</label>\n      ");
        }
        return b.toString().stripTrailing();
    }

    /**
     * {@return the page with every label placeholder replaced by its key's label, escaped for HTML}
     *
     * @throws IllegalStateException for a placeholder that names no study option (a defect of the page)
     */
    static String fill(String page) {
        page = page.replace(FORMATS, formatBoxes());
        Map<String, StudyKey<?>> byFlag = StudyKeys.byFlag();
        Matcher m = LABEL.matcher(page);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            StudyKey<?> k = byFlag.get(m.group(2));
            if (k == null) {
                throw new IllegalStateException("index.html names " + m.group(2) + ", which is no study option's flag");
            }
            String text = m.group(1).equals("label") ? k.label() : shown(k.defaultValue());
            m.appendReplacement(sb, Matcher.quoteReplacement(HtmlReport.esc(text)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
