package org.survkit.plot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printed width of a figure, and how its text and lines follow that width. A figure is laid out at a
 * <em>layout width</em> and then scaled as a whole to the printed width, so that text, line widths and marks shrink
 * together and keep their proportions: at 170 mm (a two-column journal figure) the scale is 1 (text 8 pt, curves
 * 1.1 pt); at 85 mm (one column) it is 0.875 (text 7 pt, the smallest size most journals accept, curves 0.96 pt),
 * laid out on 97 mm so that the risk table and legend are not crowded. In general the scale is
 * {@code (width / 170)^0.193}, the exponent chosen so that halving the width takes 8 pt text to 7 pt.
 *
 * <pre>{@code
 * String svg = FigureSize.ofWidth(85).svg(KaplanMeierPlot.of(curves));
 * }</pre>
 */
public final class FigureSize {

    /** The full-width figure of a two-column journal, the figures' design width. */
    public static final double FULL_WIDTH_MM = Style.WIDTH_MM;
    /** The narrowest printed width. */
    public static final double MIN_WIDTH_MM = 80;
    /** The widest printed width. */
    public static final double MAX_WIDTH_MM = 300;

    /** log2(8/7): halving the width takes 8 pt text to 7 pt. */
    private static final double EXPONENT = Math.log(8.0 / 7.0) / Math.log(2);

    private static final Pattern ROOT_SIZE = Pattern.compile(
            "(<svg[^>]*?\\swidth=\")([0-9.]+)mm(\"[^>]*?\\sheight=\")([0-9.]+)mm(\")");

    private final double widthMm;

    private FigureSize(double widthMm) {
        this.widthMm = widthMm;
    }

    /**
     * @param mm the printed width, {@value #MIN_WIDTH_MM} to {@value #MAX_WIDTH_MM} mm (85 one column, 170 two)
     * @return the size
     */
    public static FigureSize ofWidth(double mm) {
        if (!(mm >= MIN_WIDTH_MM && mm <= MAX_WIDTH_MM)) {
            throw new IllegalArgumentException("a figure is " + NumberText.plain(MIN_WIDTH_MM) + " to "
                    + NumberText.plain(MAX_WIDTH_MM) + " mm wide, not " + mm);
        }
        return new FigureSize(mm);
    }

    /** {@return the printed width in millimetres} */
    public double widthMm() {
        return widthMm;
    }

    /** {@return the factor text, lines and marks are drawn at relative to the 170 mm design (1 at 170 mm)} */
    public double scale() {
        return Math.pow(widthMm / FULL_WIDTH_MM, EXPONENT);
    }

    /** {@return the width the figure is laid out at before it is scaled to the printed width} */
    public double layoutWidthMm() {
        return widthMm / scale();
    }

    /**
     * {@return the figure laid out at the layout width and sized to the printed width (an SVG document)}
     *
     * @param figure the figure
     */
    public String svg(Figure figure) {
        String svg = figure.withWidth(layoutWidthMm()).svg();
        return scale() == 1 ? svg : resize(svg, scale());
    }

    /** The document's root width and height multiplied by {@code factor}; the view box, so the drawing, unchanged. */
    static String resize(String svg, double factor) {
        Matcher m = ROOT_SIZE.matcher(svg);
        if (!m.find()) {
            throw new IllegalArgumentException("the SVG root must give width and height in mm");
        }
        return svg.substring(0, m.start()) + m.group(1) + SvgWriter.num(Double.parseDouble(m.group(2)) * factor) + "mm"
                + m.group(3) + SvgWriter.num(Double.parseDouble(m.group(4)) * factor) + "mm" + m.group(5)
                + svg.substring(m.end());
    }

    @Override
    public String toString() {
        return NumberText.plain(widthMm) + " mm";
    }
}
