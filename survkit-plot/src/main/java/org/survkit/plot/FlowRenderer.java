package org.survkit.plot;

import java.util.ArrayList;
import java.util.List;
import org.survkit.plot.FlowDiagram.Count;
import org.survkit.plot.FlowDiagram.Main;
import org.survkit.plot.FlowDiagram.Side;
import org.survkit.plot.SvgWriter.Run;

/**
 * Lays out a {@link FlowDiagram}: the main column on the left (42% of the width), exclusion boxes to its right
 * reached by a horizontal arrow from the column's spine, the group boxes in rows under the last box, reached from a
 * bar. Every text is wrapped to its box with Helvetica's widths ({@link TextMetrics}); the boxes take the height
 * their lines need, so nothing is cut.
 */
final class FlowRenderer {

    private static final double MARGIN = 4;
    private static final double PAD_X = 7;
    private static final double PAD_Y = 5;
    private static final double LINE = Style.LINE;
    private static final double FONT = Style.FONT;
    /** Vertical room of an arrow between two boxes of the main column. */
    private static final double GAP = 18;
    /** Vertical room between a main box and the exclusion box beside the spine under it. */
    private static final double SIDE_GAP = 10;
    /** Horizontal room of the arrow from the spine to an exclusion box. */
    private static final double ARROW_ROOM = 22;
    private static final double GROUP_GAP = 8;
    private static final double GROUP_MIN_WIDTH = 78;
    private static final double BULLET_INDENT = 9;
    private static final double ITEM_SPACING = 1.5;
    private static final double STROKE = 0.75;
    private static final double HEAD_LENGTH = 4.5;
    private static final double HEAD_HALF = 2.2;
    private static final String BOX_STROKE = "#1A1A1A";
    private static final String SIDE_FILL = "#F7F7F7";

    /** A box placed on the page with its lines (baselines relative to the box's top). */
    private record Placed(double x, double y, double w, double h, List<Line> lines, String accent) {
        double bottom() {
            return y + h;
        }

        double centreX() {
            return x + w / 2;
        }
    }

    /** One line of text in a box: its runs, x offset, baseline offset, anchor. */
    private record Line(String text, boolean bold, double dx, double dy, boolean centred) {
    }

    private final List<Object> steps;
    private final List<Count> groups;
    private final double width;
    private final String title;
    private final double mainX;
    private final double mainW;
    private final double sideX;
    private final double sideW;
    private final double spine;

    FlowRenderer(List<Object> steps, List<Count> groups, double width, String title) {
        this.steps = steps;
        this.groups = groups;
        this.width = width;
        this.title = title;
        double inner = width - 2 * MARGIN;
        this.mainX = MARGIN;
        this.mainW = Math.round(0.42 * inner);
        this.sideX = mainX + mainW + ARROW_ROOM;
        this.sideW = width - MARGIN - sideX;
        this.spine = mainX + mainW / 2;
    }

    String render() {
        double y = MARGIN;
        double titleBaseline = 0;
        if (title != null) {
            titleBaseline = y + Style.FONT_TITLE * 0.75;
            y = titleBaseline + 10;
        }
        // the main column and its exclusion boxes
        List<Placed> mains = new ArrayList<>();
        List<Placed> sides = new ArrayList<>();
        boolean sideSinceMain = false;
        for (Object step : steps) {
            if (step instanceof Main m) {
                if (!mains.isEmpty()) {
                    y += sideSinceMain ? SIDE_GAP : GAP;
                }
                Placed p = mainBox(m, y);
                mains.add(p);
                y = p.bottom();
                sideSinceMain = false;
            } else {
                Side s = (Side) step;
                y += SIDE_GAP;
                Placed p = sideBox(s, y);
                sides.add(p);
                y = p.bottom();
                sideSinceMain = true;
            }
        }
        // the groups, in rows
        List<Placed> groupBoxes = new ArrayList<>();
        List<Double> bars = new ArrayList<>();
        double gutter = 0;
        int perRow = 1;
        if (!groups.isEmpty()) {
            double inner = width - 2 * MARGIN;
            int k = groups.size();
            perRow = (int) Math.max(1, Math.min(k, Math.floor((inner + GROUP_GAP) / (GROUP_MIN_WIDTH + GROUP_GAP))));
            int rows = (k + perRow - 1) / perRow;
            gutter = rows > 1 ? 10 : 0;
            double avail = inner - gutter;
            double boxW = Math.min(mainW, (avail - (perRow - 1) * GROUP_GAP) / perRow);
            for (int r = 0; r < rows; r++) {
                int from = r * perRow;
                int to = Math.min(k, from + perRow);
                int inRow = to - from;
                double total = inRow * boxW + (inRow - 1) * GROUP_GAP;
                double x0 = rows > 1 ? MARGIN + gutter : Math.max(MARGIN, Math.min(width - MARGIN - total,
                        spine - total / 2));
                double bar = y + 12;
                bars.add(bar);
                double top = bar + 12;
                List<List<Line>> texts = new ArrayList<>();
                double h = 0;
                for (int i = from; i < to; i++) {
                    Count g = groups.get(i);
                    List<Line> lines = centred(g.label() + " (n = " + g.n() + ")", false, boxW);
                    texts.add(lines);
                    h = Math.max(h, height(lines.size()) + (g.color() == null ? 0 : 2));
                }
                for (int i = from; i < to; i++) {
                    double x = x0 + (i - from) * (boxW + GROUP_GAP);
                    List<Line> lines = texts.get(i - from);
                    double accent = groups.get(i).color() == null ? 0 : 2;
                    // centred vertically in a row of taller boxes
                    double spare = h - accent - height(lines.size());
                    groupBoxes.add(new Placed(x, top, boxW, h, shift(lines, accent + spare / 2),
                            groups.get(i).color()));
                }
                y = top + h;
            }
        }
        double height = y + MARGIN;

        SvgWriter w = new SvgWriter(width, height, accessibleTitle());
        if (title != null) {
            w.text(List.of(new Run(title, false, true)), "class", "figure-title", "x", SvgWriter.num(MARGIN), "y",
                    SvgWriter.num(titleBaseline), "font-size", SvgWriter.num(Style.FONT_TITLE), "fill", Style.TEXT);
        }
        // connectors first, boxes over them
        w.open("g", "class", "connectors", "stroke", BOX_STROKE, "stroke-width", SvgWriter.num(STROKE), "fill", "none");
        for (int i = 1; i < mains.size(); i++) {
            line(w, spine, mains.get(i - 1).bottom(), spine, mains.get(i).y() - HEAD_LENGTH);
        }
        for (Placed s : sides) {
            double at = s.y() + s.h() / 2;
            line(w, spine, at, s.x() - HEAD_LENGTH, at);
        }
        if (!groupBoxes.isEmpty()) {
            Placed last = mains.get(mains.size() - 1);
            double gutterX = MARGIN + gutter / 2;
            line(w, spine, last.bottom(), spine, bars.get(0));
            for (int r = 0; r < bars.size(); r++) {
                List<Placed> row = groupBoxes.subList(r * perRow, Math.min(groupBoxes.size(), (r + 1) * perRow));
                double left = Math.min(row.get(0).centreX(), r == 0 ? spine : gutterX);
                double right = Math.max(row.get(row.size() - 1).centreX(), r == 0 ? spine : gutterX);
                if (bars.size() > 1) {
                    left = Math.min(left, gutterX);
                }
                if (right > left) {
                    line(w, left, bars.get(r), right, bars.get(r));
                }
                for (Placed g : row) {
                    line(w, g.centreX(), bars.get(r), g.centreX(), g.y() - HEAD_LENGTH);
                }
                if (r > 0) {
                    line(w, gutterX, bars.get(r - 1), gutterX, bars.get(r));
                }
            }
        }
        w.close("g");
        w.open("g", "class", "arrowheads", "fill", BOX_STROKE, "stroke", "none");
        for (int i = 1; i < mains.size(); i++) {
            head(w, spine, mains.get(i).y(), 0, 1);
        }
        for (Placed s : sides) {
            head(w, s.x(), s.y() + s.h() / 2, 1, 0);
        }
        for (Placed g : groupBoxes) {
            head(w, g.centreX(), g.y(), 0, 1);
        }
        w.close("g");
        for (Placed p : mains) {
            box(w, p, "main-box", "#FFFFFF");
        }
        for (Placed p : sides) {
            box(w, p, "exclusion-box", SIDE_FILL);
        }
        for (Placed p : groupBoxes) {
            box(w, p, "group-box", "#FFFFFF");
        }
        return w.finish();
    }

    private Placed mainBox(Main m, double y) {
        List<Line> lines = centred(m.label() + " (n = " + m.n() + ")", false, mainW);
        return new Placed(mainX, y, mainW, height(lines.size()), lines, null);
    }

    private Placed sideBox(Side s, double y) {
        List<Line> lines = new ArrayList<>();
        double textW = sideW - 2 * PAD_X;
        double dy = firstBaseline();
        for (String l : wrap(s.title() + " (n = " + s.n() + ")", true, textW)) {
            lines.add(new Line(l, true, PAD_X, dy, false));
            dy += LINE;
        }
        dy += 2;
        for (Count c : s.reasons()) {
            List<String> item = wrap(c.label() + " (n = " + c.n() + ")", false, textW - BULLET_INDENT);
            lines.add(new Line("\u2022", false, PAD_X + 1, dy, false));
            for (String l : item) {
                lines.add(new Line(l, false, PAD_X + BULLET_INDENT, dy, false));
                dy += LINE;
            }
            dy += ITEM_SPACING;
        }
        dy -= s.reasons().isEmpty() ? 2 : ITEM_SPACING;
        double h = dy - LINE + descent() + PAD_Y;
        return new Placed(sideX, y, sideW, h, lines, null);
    }

    private static List<Line> centred(String text, boolean bold, double boxW) {
        List<Line> out = new ArrayList<>();
        double dy = firstBaseline();
        for (String l : wrap(text, bold, boxW - 2 * PAD_X)) {
            out.add(new Line(l, bold, boxW / 2, dy, true));
            dy += LINE;
        }
        return out;
    }

    private static List<Line> shift(List<Line> lines, double dy) {
        return lines.stream().map(l -> new Line(l.text(), l.bold(), l.dx(), l.dy() + dy, l.centred())).toList();
    }

    private static double firstBaseline() {
        return PAD_Y + FONT * 0.76;
    }

    private static double descent() {
        return FONT * 0.24;
    }

    /** The height of a box of {@code n} lines. */
    private static double height(int n) {
        return firstBaseline() + (n - 1) * LINE + descent() + PAD_Y;
    }

    private static void box(SvgWriter w, Placed p, String cls, String fill) {
        w.open("g", "class", cls);
        w.empty("rect", "x", SvgWriter.num(p.x()), "y", SvgWriter.num(p.y()), "width", SvgWriter.num(p.w()), "height",
                SvgWriter.num(p.h()), "fill", fill, "stroke", BOX_STROKE, "stroke-width", SvgWriter.num(STROKE));
        if (p.accent() != null) {
            w.empty("rect", "class", "accent", "x", SvgWriter.num(p.x()), "y", SvgWriter.num(p.y()), "width",
                    SvgWriter.num(p.w()), "height", "2.5", "fill", p.accent());
        }
        String fs = SvgWriter.num(FONT);
        for (Line l : p.lines()) {
            w.text(List.of(new Run(l.text(), false, l.bold())), "x", SvgWriter.num(p.x() + l.dx()), "y",
                    SvgWriter.num(p.y() + l.dy()), "font-size", fs, "fill", Style.TEXT, "text-anchor",
                    l.centred() ? "middle" : null);
        }
        w.close("g");
    }

    private static void line(SvgWriter w, double x1, double y1, double x2, double y2) {
        w.empty("line", "x1", SvgWriter.num(x1), "y1", SvgWriter.num(y1), "x2", SvgWriter.num(x2), "y2",
                SvgWriter.num(y2));
    }

    /** A filled arrowhead whose tip is at (x, y), pointing along (dx, dy) (a unit axis direction). */
    private static void head(SvgWriter w, double x, double y, int dx, int dy) {
        double bx = x - dx * HEAD_LENGTH;
        double by = y - dy * HEAD_LENGTH;
        String d = "M" + SvgWriter.num(x) + "," + SvgWriter.num(y) + " L" + SvgWriter.num(bx - dy * HEAD_HALF) + ","
                + SvgWriter.num(by - dx * HEAD_HALF) + " L" + SvgWriter.num(bx + dy * HEAD_HALF) + ","
                + SvgWriter.num(by + dx * HEAD_HALF) + " Z";
        w.empty("path", "d", d);
    }

    /**
     * Wraps text at spaces to lines no wider than {@code maxWidth} points; a word wider than that is broken between
     * characters, so that nothing is cut.
     */
    static List<String> wrap(String text, boolean bold, double maxWidth) {
        return TextWrap.lines(text, FONT, bold, maxWidth, false);
    }

    private static double width(String s, boolean bold) {
        return bold ? TextMetrics.boldWidth(s, FONT) : TextMetrics.width(s, FONT);
    }

    private String accessibleTitle() {
        StringBuilder t = new StringBuilder("Flow diagram: ");
        List<String> parts = new ArrayList<>();
        for (Object s : steps) {
            if (s instanceof Main m) {
                parts.add(m.label() + " (n = " + m.n() + ")");
            } else {
                Side e = (Side) s;
                parts.add(e.title() + " (n = " + e.n() + ")");
            }
        }
        t.append(String.join(", ", parts));
        if (!groups.isEmpty()) {
            t.append("; groups: ").append(String.join(", ", groups.stream().map(g -> g.label() + " (n = " + g.n() + ")")
                    .toList()));
        }
        return t.toString();
    }
}
