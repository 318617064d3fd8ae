/**
 * "Table 1" of a clinical study: patient characteristics overall and by group, with a test across
 * groups and a standardized difference for each variable, matching R. The entry point is
 * {@link org.survkit.stats.baseline.Table1}, which returns a {@link org.survkit.stats.baseline.Table1Result};
 * the tests it chooses from are usable on their own: {@link org.survkit.stats.baseline.TwoSampleTTest},
 * {@link org.survkit.stats.baseline.OneWayAnova}, {@link org.survkit.stats.baseline.WilcoxonRankSum},
 * {@link org.survkit.stats.baseline.KruskalWallis}, {@link org.survkit.stats.baseline.ChiSquareIndependence},
 * {@link org.survkit.stats.baseline.FisherExact}, {@link org.survkit.stats.baseline.ShapiroWilk} and
 * {@link org.survkit.stats.baseline.StandardizedMeanDifference}, with R's type-7
 * {@link org.survkit.stats.baseline.Quantiles}.
 */
package org.survkit.stats.baseline;
