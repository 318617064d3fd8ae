package org.survkit.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the groups' curves get distinct line types (solid, dashed, dotted, …; {@link LineType}) besides their
 * colours, so that a figure printed in greyscale still tells the groups apart.
 */
public enum LineTypes {
    /**
     * Line types when two of the groups shown would print as nearly the same grey ({@link Palette#sameGrey}), solid
     * lines otherwise. survkit's default: the Okabe–Ito blue, vermillion and green differ by less than a tenth of
     * the grey scale, so two or more of its colours get line types.
     */
    AUTO,
    /** Solid lines, told apart by colour only (R's and survminer's default). */
    SOLID,
    /** Distinct line types always (R {@code lty = 1:k}). */
    DASHED;

    /** {@return the study file's word: auto, solid or dashed} */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The line type of each group shown.
     *
     * @param palette      the groups' colours
     * @param colorIndexes each shown group's position in the fit (which picks its colour and its line type)
     * @return one line type per shown group, all {@link LineType#SOLID} when line types are not used
     */
    public List<LineType> resolve(Palette palette, int[] colorIndexes) {
        boolean use = switch (this) {
            case SOLID -> false;
            case DASHED -> colorIndexes.length > 1;
            case AUTO -> palette.sameGrey(colorIndexes);
        };
        List<LineType> out = new ArrayList<>();
        for (int i : colorIndexes) {
            out.add(use ? LineType.forIndex(i) : LineType.SOLID);
        }
        return List.copyOf(out);
    }
}
