package org.survkit.plot;

import java.util.ArrayList;
import java.util.List;

/** The SVG attributes of a drawn line: colour, width and line type, one place for curves and legend keys. */
final class Stroke {

    private Stroke() {
    }

    /**
     * {@code attrs} followed by the stroke's attributes: a solid line gets {@code solidCap}; a dashed one its
     * pattern with butt caps (so that dots stay dots) and the type's name in {@code data-line-type}.
     */
    static String[] attributes(List<String> attrs, String color, double width, LineType type, String solidCap) {
        List<String> out = new ArrayList<>(attrs);
        out.addAll(List.of("fill", "none", "stroke", color, "stroke-width", SvgWriter.num(width)));
        if (type == LineType.SOLID) {
            out.addAll(List.of("stroke-linecap", solidCap));
        } else {
            out.addAll(List.of("stroke-linecap", "butt", "stroke-dasharray", type.dashArray(), "data-line-type",
                    type.word()));
        }
        return out.toArray(String[]::new);
    }
}
