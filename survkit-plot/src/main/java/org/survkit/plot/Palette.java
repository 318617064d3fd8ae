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

    /**
     * Greys for greyscale print: black, a dark and a light grey, each at least a fifth of the grey scale from the
     * next, so that three groups stay apart by shade alone (with more, {@link LineTypes#AUTO} adds line types).
     */
    public static Palette grey() {
        return new Palette(List.of("#000000", "#6E6E6E", "#ABABAB"));
    }

    /** Given colours, {@code #RRGGBB}. */
    public static Palette of(String... colors) {
        return new Palette(List.of(colors));
    }

    /**
     * Two groups whose grey levels ({@link #greyLevel}) are closer than this print as the same grey: a fifth of
     * the scale from black to white, a judgement for thin lines (greys 0.2 apart are told apart side by side, but
     * not easily matched to a legend).
     */
    public static final double GREY_DISTINCT = 0.2;

    /**
     * The grey a colour prints as, 0 (black) to 1 (white): Rec. 709 luma of the gamma-encoded sRGB values,
     * 0.2126 R + 0.7152 G + 0.0722 B, as CSS {@code filter: grayscale(1)} and common greyscale conversions compute it.
     */
    public static double greyLevel(String color) {
        int rgb = Integer.parseInt(color.substring(1), 16);
        double r = (rgb >> 16 & 0xFF) / 255.0;
        double g = (rgb >> 8 & 0xFF) / 255.0;
        double b = (rgb & 0xFF) / 255.0;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    /**
     * Whether two of these groups print as nearly the same grey (grey levels less than {@link #GREY_DISTINCT}
     * apart); groups sharing a colour always do.
     *
     * @param indexes the groups' positions in the fit
     */
    public boolean sameGrey(int... indexes) {
        for (int i = 0; i < indexes.length; i++) {
            for (int j = i + 1; j < indexes.length; j++) {
                if (Math.abs(greyLevel(color(indexes[i])) - greyLevel(color(indexes[j]))) < GREY_DISTINCT) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The colour of the group at position {@code index} in the fit. */
    public String color(int index) {
        return colors.get(Math.floorMod(index, colors.size()));
    }
}
