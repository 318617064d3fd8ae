package org.survkit.plot;

/**
 * Line patterns laid over filled areas (the stacked bands of a cumulative-incidence figure) so that areas whose
 * colours print as the same grey stay apart: the first area plain, the next hatched, back-hatched, with horizontal,
 * then vertical lines. Each is an SVG {@code <pattern>} of thin dark lines 3 pt apart, drawn over the colour.
 */
enum Hatch {
    PLAIN("plain", Double.NaN),
    HATCHED("hatched", 45),
    BACK_HATCHED("back-hatched", -45),
    HORIZONTAL("horizontal lines", 90),
    VERTICAL("vertical lines", 0);

    private static final double SPACING = 3;

    private final String word;
    private final double angle;

    Hatch(String word, double angle) {
        this.word = word;
        this.angle = angle;
    }

    /** {@return the pattern of the area at this position: plain, hatched, … and again from hatched} */
    static Hatch forIndex(int index) {
        Hatch[] all = values();
        return index == 0 ? PLAIN : all[1 + Math.floorMod(index - 1, all.length - 1)];
    }

    /** {@return how a caption names it} */
    String word() {
        return word;
    }

    /** {@return the id of its pattern (the same definition in every figure, so that inlined figures agree)} */
    String id() {
        return "survkit-hatch-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Writes its {@code <pattern>} (inside {@code <defs>}); nothing for {@link #PLAIN}. */
    void define(SvgWriter w) {
        if (this == PLAIN) {
            return;
        }
        w.open("pattern", "id", id(), "patternUnits", "userSpaceOnUse", "width", SvgWriter.num(SPACING), "height",
                SvgWriter.num(SPACING), "patternTransform", "rotate(" + SvgWriter.num(angle) + ")");
        w.empty("line", "x1", "0", "y1", "0", "x2", "0", "y2", SvgWriter.num(SPACING), "stroke", "#000000",
                "stroke-width", "0.7", "stroke-opacity", "0.6");
        w.close("pattern");
    }
}
