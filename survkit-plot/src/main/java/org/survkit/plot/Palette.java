package org.survkit.plot;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Line colours for groups, as {@code #RRGGBB}. The default is the Okabe–Ito palette (Okabe &amp;
 * Ito, "Color Universal Design", 2008; Wong, Nat Methods 8:441, 2011), distinguishable with the
 * common colour-vision deficiencies, ordered for lines on white: blue, vermillion, bluish green,
 * reddish purple, orange, sky blue, black, yellow. A group keeps its colour when a figure shows a
 * subset of the groups (e.g. one pair), since colours follow the group's position in the fit.
 *
 * @param colors colours in order; the i-th group gets {@code colors[i % size]}
 */
public record Palette(List<String> colors) {

    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

    public Palette {
        colors = List.copyOf(colors);
        if (colors.isEmpty()) {
            throw new IllegalArgumentException("a palette needs at least one colour");
        }
        for (String c : colors) {
            if (!HEX.matcher(c).matches()) {
                throw new IllegalArgumentException("colours are written #RRGGBB, not '" + c + "'");
            }
        }
        colors = colors.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
    }

    /** Okabe–Ito, in the order above (survkit's default). */
    public static Palette okabeIto() {
        return new Palette(List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
                "#F0E442"));
    }

    /** Given colours, {@code #RRGGBB}. */
    public static Palette of(String... colors) {
        return new Palette(List.of(colors));
    }

    /** The colour of the group at position {@code index} in the fit. */
    public String color(int index) {
        return colors.get(Math.floorMod(index, colors.size()));
    }
}
