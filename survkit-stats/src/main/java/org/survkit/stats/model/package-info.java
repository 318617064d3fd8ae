/**
 * The model frame shared by the regressions (Cox, Firth, Fine–Gray) and the grouping of the other
 * engines: {@link org.survkit.stats.model.Factor} codes labels as an R factor in survkit's level order,
 * and {@link org.survkit.stats.model.DesignMatrixBuilder} builds a
 * {@link org.survkit.stats.model.DesignMatrix} from named numeric and categorical columns, as R's
 * {@code model.matrix} with treatment contrasts.
 */
package org.survkit.stats.model;
