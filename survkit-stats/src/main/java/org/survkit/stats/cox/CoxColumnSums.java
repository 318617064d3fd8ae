package org.survkit.stats.cox;

/**
 * The first pass over Cox data kept elsewhere ({@link CoxRiskSetSource}): what R coxph's centring and scaling
 * need.
 *
 * @param rows        number of rows
 * @param events      number of deaths
 * @param weightSum   Σw (the number of rows without weights)
 * @param weighted    per column Σw·x
 * @param beyondUnit  per column whether any value lies outside {−1, 0, 1} (such columns are centred and scaled;
 *                    the others are left alone, as coxph does)
 */
public record CoxColumnSums(long rows, long events, double weightSum, double[] weighted, boolean[] beyondUnit) {
    public CoxColumnSums {
        weighted = weighted.clone();
        beyondUnit = beyondUnit.clone();
    }

    @Override
    public double[] weighted() {
        return weighted.clone();
    }

    @Override
    public boolean[] beyondUnit() {
        return beyondUnit.clone();
    }
}
