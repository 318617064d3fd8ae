package org.survkit.plot;

/**
 * A figure that renders itself as a standalone SVG document (sized in millimetres, text in
 * points) and as a PNG. Implementations are immutable specifications: rendering computes no
 * statistics, it lays out the result records it was given.
 */
public interface Figure {

    /** Resolution for print (journals ask 300 dpi for colour and greyscale figures). */
    int PRINT_DPI = 300;

    /** The figure as an SVG 1.1 document (UTF-8 text, no external resources). */
    String svg();

    /**
     * {@return the same figure laid out at another width, in millimetres (text and lines keep their size in points;
     * {@link FigureSize} scales them with the printed width)}
     *
     * @param mm the width
     */
    Figure withWidth(double mm);

    /**
     * The figure as a PNG at {@code dpi} dots per inch (the pixel size follows from the figure's
     * size in millimetres; the file records the resolution), rendered by Apache Batik.
     *
     * @param dpi 36 to 1200
     */
    default byte[] png(int dpi) {
        return PngRenderer.render(svg(), dpi);
    }

    /** The figure as a PNG at {@link #PRINT_DPI}. */
    default byte[] png() {
        return png(PRINT_DPI);
    }
}
