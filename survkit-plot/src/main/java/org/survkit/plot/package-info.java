/**
 * Publication figures for survival analyses, written as SVG by hand and converted to PNG, TIFF, PDF and
 * EPS ({@link org.survkit.plot.FigureExport}, {@link org.survkit.plot.FigureFormat}: Batik renders PNG and
 * TIFF from one raster, FOP writes PDF with embedded Liberation Sans, xmlgraphics-commons EPS with outlined
 * text); {@link org.survkit.plot.FigureSize} sizes a figure for print (85 mm one column, 170 mm two), its text
 * and lines scaling with the width. Entry points, one per figure: {@link org.survkit.plot.KaplanMeierPlot} (curves,
 * censoring marks, confidence bands, medians, legend with n and events, the test's p-value,
 * number-at-risk table), {@link org.survkit.plot.CumulativeIncidencePlot} (competing risks, one
 * panel per group, causes stacked or as lines), {@link org.survkit.plot.ForestPlot} (hazard ratios
 * of a Cox model on a log axis), {@link org.survkit.plot.LogMinusLogPlot} (the
 * proportional-hazards check) and {@link org.survkit.plot.FlowDiagram} (the flow of patients, CONSORT/STROBE style);
 * each is a {@link org.survkit.plot.Figure}. Their options:
 * {@link org.survkit.plot.CensorMark}, {@link org.survkit.plot.SurvivalScale},
 * {@link org.survkit.plot.MarkerSize}, {@link org.survkit.plot.Palette}, {@link org.survkit.plot.LineTypes} (line
 * types per group, {@link org.survkit.plot.LineType}, when the palette's colours print as one grey),
 * {@link org.survkit.plot.LegendPosition}; p-values print with
 * {@link org.survkit.stats.PValueFormat}; {@link org.survkit.plot.PngRenderer} rasterises any SVG.
 *
 * <p>Figures lay out result records of {@code survkit-stats}; they compute no statistics and know
 * nothing of studies or reports. Sizes are physical: a figure is 170 mm wide by default (a
 * full-width journal figure), text is 8–10 pt in a Helvetica-compatible sans-serif, colours are
 * the Okabe–Ito palette. Each figure is an immutable specification: {@code with...} returns a new
 * one, {@code svg()} and {@code png(dpi)} render it. Everything else here (axes, ticks, legend
 * placement, text metrics, the SVG writer, the renderers) is package-private.
 */
package org.survkit.plot;
