package org.survkit.plot;

import java.util.Locale;

/**
 * A file format of a figure. SVG is the figure itself; the others are converted from it by {@link FigureExport}:
 * PNG and TIFF are raster images at a chosen resolution (one rendering serves both), PDF and EPS are vector files
 * whose text stays text in an embedded font (Liberation Sans, metric-compatible with Helvetica and Arial).
 */
public enum FigureFormat {
    /** SVG 1.1, the figure as written (sized in millimetres, text in points). */
    SVG,
    /** PNG, RGB, the resolution recorded in the {@code pHYs} chunk. */
    PNG,
    /** PDF 1.4, vector, fonts embedded as subsets. */
    PDF,
    /** Encapsulated PostScript 3.0, vector, its BoundingBox the figure's size in points. */
    EPS,
    /** TIFF, RGB, LZW-compressed, the resolution recorded in the XResolution/YResolution tags. */
    TIFF;

    /** {@return the lower-case name, also the file extension: {@code svg}, {@code png}, …} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return whether the format is a raster image made at a resolution (PNG, TIFF)} */
    public boolean raster() {
        return this == PNG || this == TIFF;
    }
}
