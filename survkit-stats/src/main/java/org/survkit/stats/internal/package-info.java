/**
 * Numerics shared by the topic packages of survkit-stats; <b>internal, not part of survkit's API</b>:
 * its classes are public only because Java packages require it, may change without notice, and no
 * module but survkit-stats may use them (checked by survkit-web's {@code ArchitectureTest}). It holds
 * linear algebra ({@link org.survkit.stats.internal.Cholesky}, {@link org.survkit.stats.internal.SymmetricSolver},
 * {@link org.survkit.stats.internal.SymmetricEigen}), ranks and the tabulation of times
 * ({@link org.survkit.stats.internal.RankedTimes}, {@link org.survkit.stats.internal.RadixOrder},
 * {@link org.survkit.stats.internal.Ranks}, {@link org.survkit.stats.internal.TimeGroupCounts}), R's time
 * fixing ({@link org.survkit.stats.internal.TimeFix}), the normal and chi-square distributions
 * ({@link org.survkit.stats.internal.Normal}) and small helpers for argument checks, array copies and the
 * numbers in messages.
 */
package org.survkit.stats.internal;
