package org.survkit.plot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a figure's SVG into the other {@link FigureFormat}s. Formats that share a rendering are made from one:
 * PNG and TIFF are encoded from the same pixels (the SVG is parsed and rasterised once); PDF and EPS are each a
 * conversion of their own. {@link #renderings} splits a set of formats into these independent conversions so that a
 * caller can run them in parallel; every method is thread-safe.
 *
 * <pre>{@code
 * Map<FigureFormat, byte[]> files = FigureExport.convert(svg, EnumSet.of(FigureFormat.PDF, FigureFormat.TIFF), 600);
 * }</pre>
 */
public final class FigureExport {

    private FigureExport() {
    }

    /**
     * {@return the formats grouped by rendering: the raster formats together (first: the slowest),
     * every other format alone}
     *
     * @param formats the formats wanted
     */
    public static List<Set<FigureFormat>> renderings(Collection<FigureFormat> formats) {
        List<Set<FigureFormat>> out = new ArrayList<>();
        EnumSet<FigureFormat> raster = EnumSet.noneOf(FigureFormat.class);
        for (FigureFormat f : FigureFormat.values()) {
            if (formats.contains(f) && f.raster()) {
                raster.add(f);
            } else if (formats.contains(f)) {
                out.add(Set.of(f));
            }
        }
        if (!raster.isEmpty()) {
            out.add(0, Collections.unmodifiableSet(raster));
        }
        return List.copyOf(out);
    }

    /**
     * Converts an SVG document (its root sized in millimetres, as every survkit figure is) into each format.
     *
     * @param svg     the figure
     * @param formats the formats wanted; SVG gives the document itself in UTF-8
     * @param dpi     the resolution of the raster formats, 36 to 1200
     * @return each format's file content
     */
    public static Map<FigureFormat, byte[]> convert(String svg, Collection<FigureFormat> formats, int dpi) {
        Map<FigureFormat, byte[]> out = new EnumMap<>(FigureFormat.class);
        RasterFigure raster = null;
        for (FigureFormat f : formats) {
            switch (f) {
                case SVG -> out.put(f, svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                case PDF -> out.put(f, VectorFigure.pdf(svg));
                case EPS -> out.put(f, VectorFigure.eps(svg));
                case PNG, TIFF -> {
                    if (raster == null) {
                        raster = RasterFigure.render(svg, dpi);
                    }
                    out.put(f, raster.encode(f));
                }
                default -> throw new IllegalArgumentException(f.toString());
            }
        }
        return out;
    }
}
