/**
 * Publication figures for survival analyses, written as SVG by hand and converted to PNG with
 * Apache Batik: {@link org.survkit.report.KaplanMeierPlot} (curves, censoring marks, confidence
 * bands, medians, legend with n and events, the test's p-value, number-at-risk table),
 * {@link org.survkit.report.ForestPlot} (hazard ratios of a Cox model on a log axis) and
 * {@link org.survkit.report.LogMinusLogPlot} (the proportional-hazards check).
 *
 * <p>Figures lay out result records of {@code survkit-stats}; they compute no statistics. Sizes
 * are physical: a figure is 170 mm wide by default (a full-width journal figure), text is 8–10 pt
 * in a Helvetica-compatible sans-serif, colours are the Okabe–Ito palette. Each figure is an
 * immutable specification: {@code with...} returns a new one, {@code svg()} and {@code png(dpi)}
 * render it.
 */
package org.survkit.report;
