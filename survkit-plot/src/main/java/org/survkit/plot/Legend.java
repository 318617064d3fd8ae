package org.survkit.plot;

import java.util.ArrayList;
import java.util.List;
import org.survkit.plot.SvgWriter.Run;

/**
 * A legend: an optional bold title, one entry per group (a line in the group's colour and line type,
 * and a label), and notes below (the test and its p-value, what the shading means). Laid out either as
 * a column (inside the plot area) or as a flow across the top of the figure.
 */
final class Legend {

    /** One legend entry; its key is a line in the group's colour and line type. */
    record Entry(String group, String color, LineType lineType, String text) {
    }

    /** One note line; {@code cssClass} names it in the SVG (e.g. {@code test-result}). */
    record Note(String cssClass, List<Run> runs) {
        Note {
            runs = List.copyOf(runs);
        }
    }

    /** Length of a solid key line. */
    private static final double SAMPLE = 14;
    /** Length of a key line when line types are used: two periods of the longest pattern. */
    private static final double DASHED_SAMPLE = 24;
    private static final double SAMPLE_GAP = 4;
    private static final double FLOW_GAP = 14;
    private static final double NOTE_GAP = 3;

    private final String title;
    private final List<Entry> entries;
    private final List<Note> notes;
    private final double sample;

    Legend(String title, List<Entry> entries, List<Note> notes) {
        this.title = title;
        this.entries = List.copyOf(entries);
        this.notes = List.copyOf(notes);
        this.sample = keyWidth(this.entries.stream().map(Entry::lineType).toList()) - SAMPLE_GAP;
    }

    /** Room an entry's key takes before its text: a longer line when line types are used. */
    static double keyWidth(List<LineType> lineTypes) {
        return (lineTypes.stream().anyMatch(t -> t != LineType.SOLID) ? DASHED_SAMPLE : SAMPLE) + SAMPLE_GAP;
    }

    /** {@return a legend of this one's notes only, without title and entries (the groups labelled at their curves)} */
    Legend notesOnly() {
        return new Legend(null, List.of(), notes);
    }

    boolean isEmpty() {
        return title == null && entries.isEmpty() && notes.isEmpty();
    }

    static double runsWidth(List<Run> runs) {
        double w = 0;
        for (Run r : runs) {
            w += r.bold() ? TextMetrics.boldWidth(r.text(), Style.FONT) : TextMetrics.width(r.text(), Style.FONT);
        }
        return w;
    }

    private double entryWidth(Entry e) {
        return sample + SAMPLE_GAP + TextMetrics.width(e.text(), Style.FONT);
    }

    /** Width of the column layout. */
    double width() {
        double w = title == null ? 0 : TextMetrics.boldWidth(title, Style.FONT);
        for (Entry e : entries) {
            w = Math.max(w, entryWidth(e));
        }
        for (Note n : notes) {
            w = Math.max(w, runsWidth(n.runs()));
        }
        return w;
    }

    /** Height of the column layout. */
    double height() {
        double h = (entries.size() + notes.size()) * Style.LINE;
        if (title != null) {
            h += Style.LINE;
        }
        if (!notes.isEmpty() && (!entries.isEmpty() || title != null)) {
            h += NOTE_GAP;
        }
        return h;
    }

    /** Draws the column layout with its top-left corner at (x, y). */
    void drawColumn(SvgWriter w, double x, double y) {
        w.open("g", "class", "legend");
        double line = y;
        if (title != null) {
            drawTitle(w, x, line + Style.LINE / 2);
            line += Style.LINE;
        }
        for (Entry e : entries) {
            drawEntry(w, e, x, line + Style.LINE / 2);
            line += Style.LINE;
        }
        if (!notes.isEmpty() && (!entries.isEmpty() || title != null)) {
            line += NOTE_GAP;
        }
        for (Note n : notes) {
            drawNote(w, n, x, line + Style.LINE / 2);
            line += Style.LINE;
        }
        w.close("g");
    }

    /** Height of the flow layout in {@code maxWidth} points. */
    double flowHeight(double maxWidth) {
        return flowRows(maxWidth).size() * Style.LINE;
    }

    /** Draws the flow layout from (x, y), top-left, wrapping at {@code maxWidth}: title, entries, notes. */
    void drawFlow(SvgWriter w, double x, double y, double maxWidth) {
        w.open("g", "class", "legend");
        double line = y;
        for (List<Object> row : flowRows(maxWidth)) {
            double cx = x;
            double mid = line + Style.LINE / 2;
            for (Object item : row) {
                if (item instanceof Entry e) {
                    drawEntry(w, e, cx, mid);
                } else if (item instanceof String t) {
                    drawTitle(w, cx, mid);
                } else {
                    drawNote(w, (Note) item, cx, mid);
                }
                cx += itemWidth(item) + gapAfter(item);
            }
            line += Style.LINE;
        }
        w.close("g");
    }

    private double itemWidth(Object item) {
        if (item instanceof Entry e) {
            return entryWidth(e);
        }
        if (item instanceof String t) {
            return TextMetrics.boldWidth(t, Style.FONT);
        }
        return runsWidth(((Note) item).runs());
    }

    private static double gapAfter(Object item) {
        return item instanceof String ? FLOW_GAP / 2 : FLOW_GAP;
    }

    /** Rows of the flow layout: the title (String), entries, and notes. */
    private List<List<Object>> flowRows(double maxWidth) {
        List<Object> items = new ArrayList<>();
        if (title != null) {
            items.add(title);
        }
        items.addAll(entries);
        items.addAll(notes);
        List<List<Object>> rows = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        double used = 0;
        for (Object item : items) {
            double iw = itemWidth(item);
            if (!row.isEmpty() && used + iw > maxWidth) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(item);
            used += iw + gapAfter(item);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private void drawTitle(SvgWriter w, double x, double mid) {
        w.text(List.of(new Run(title, false, true)), "class", "legend-title", "x", SvgWriter.num(x), "y",
                SvgWriter.num(Style.centredBaseline(mid, Style.FONT)), "font-size", fs(), "fill", Style.TEXT);
    }

    private void drawEntry(SvgWriter w, Entry e, double x, double mid) {
        double ly = mid - 0.4;
        w.empty("line", Stroke.attributes(List.of("class", "legend-key", "data-group", e.group(), "x1",
                SvgWriter.num(x), "y1", SvgWriter.num(ly), "x2", SvgWriter.num(x + sample), "y2", SvgWriter.num(ly)),
                e.color(), Style.CURVE_WIDTH * 1.4, e.lineType(), "butt"));
        w.text(e.text(), "class", "legend-label", "data-group", e.group(), "x", SvgWriter.num(x + sample + SAMPLE_GAP),
                "y", SvgWriter.num(Style.centredBaseline(mid, Style.FONT)), "font-size", fs(), "fill", Style.TEXT);
    }

    private static void drawNote(SvgWriter w, Note note, double x, double mid) {
        w.text(note.runs(), "class", note.cssClass(), "x", SvgWriter.num(x), "y", SvgWriter.num(Style.centredBaseline(mid, Style.FONT)),
                "font-size", fs(), "fill", Style.TEXT);
    }

    private static String fs() {
        return SvgWriter.num(Style.FONT);
    }
}
