/**
 * Kaplan–Meier estimation: survival curves with Greenwood variance and pointwise confidence
 * intervals, medians and other quantiles, survival at chosen times and restricted mean survival time
 * (RMST), as R {@code survfit} and survRM2. The entry point is {@link org.survkit.stats.km.KaplanMeier},
 * which returns {@link org.survkit.stats.km.SurvivalCurve}s (one {@link org.survkit.stats.km.GroupCurve}
 * per group); {@link org.survkit.stats.km.ConfidenceType} and {@link org.survkit.stats.km.MedianRule}
 * are its options and {@link org.survkit.stats.km.RestrictedMeanComparison} compares two groups' RMST.
 * Case weights and (start, stop] rows (delayed entry) go through {@code WeightedProductLimit}, with R's
 * Greenwood or robust (infinitesimal jackknife) variance.
 * A frequency table (one row per (group, time, status) with its count, e.g. aggregated on a cluster) goes through
 * {@code fit(time, event, int[] count, group)}, equal to the replicated rows.
 */
package org.survkit.stats.km;
