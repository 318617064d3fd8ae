package org.survkit.plot;

/**
 * SVG to PNG. The pixel size is the document's physical size (its {@code width}/{@code height} in mm) at the
 * requested resolution, e.g. 170 mm at 300 dpi = 2008 px; the resolution is recorded in the PNG's {@code pHYs}
 * chunk. Text is drawn with the fonts Java finds on the machine (first available family of the figure's font
 * stack). Rendered by Apache Batik, encoded by the JDK (see {@link FigureExport} for the other formats).
 */
public final class PngRenderer {

    private PngRenderer() {
    }

    /** Pixels for {@code mm} millimetres at {@code dpi}. */
    public static int pixels(double mm, int dpi) {
        return RasterFigure.pixels(mm, dpi);
    }

    /**
     * Renders an SVG document whose root gives {@code width} and {@code height} in millimetres.
     *
     * @param dpi 36 to 1200
     */
    public static byte[] render(String svg, int dpi) {
        return RasterFigure.render(svg, dpi).png();
    }
}
