package org.survkit.stats.cox;

import java.util.Objects;

/**
 * Cox data prepared once for a fit and the analyses of that fit: the rows sorted by stratum and decreasing exit
 * time, the times merged as R's timefix and ranked, the covariates centred and scaled as R {@code coxph} does, the
 * offset centred. {@link CoxRegression#fit(PreparedCoxData, double[])} and
 * {@link ProportionalHazardsTest#tests(PreparedCoxData, CoxModel, ZphTransform, boolean)} given the same instance
 * share that preparation (at 10⁶ rows a sizeable part of each), with the same results as from the {@link CoxData}.
 *
 * <pre>
 * PreparedCoxData prepared = PreparedCoxData.of(data);
 * CoxModel m = CoxRegression.withDefaults().fit(prepared, null);
 * ZphResult zph = ProportionalHazardsTest.tests(prepared, m, ZphTransform.KM, true);
 * </pre>
 *
 * <p>Immutable and thread-safe; it holds the data's arrays (not copied) and about n·(p + 4) numbers of its own.
 */
public final class PreparedCoxData {
    private final CoxData data;
    private final CoxData centred;
    private final CoxRiskSets riskSets;

    private PreparedCoxData(CoxData data, CoxData centred, CoxRiskSets riskSets) {
        this.data = data;
        this.centred = centred;
        this.riskSets = riskSets;
    }

    /**
     * Prepares the data.
     *
     * @throws IllegalArgumentException if the centred offset gives an infinite risk score
     */
    public static PreparedCoxData of(CoxData data) {
        Objects.requireNonNull(data, "data");
        CoxData centred = data.offset() == null ? data : data.withOffset(CoxRegression.centred(data.offset()));
        // Efron's ties for the shared copy: every use takes a view with its own ties and work arrays
        return new PreparedCoxData(data, centred, CoxRiskSets.of(centred, Ties.EFRON, null));
    }

    /** The data as given. */
    public CoxData data() {
        return data;
    }

    /** The data with the offset centred (R {@code coxph} centres it before fitting), as the fit uses it. */
    CoxData centred() {
        return centred;
    }

    /**
     * The prepared risk sets for one fit or test: with these ties, on some of the design columns (all when null),
     * with work arrays of their own.
     *
     * @throws IllegalArgumentException for exact ties with case weights other than 1
     */
    CoxRiskSets riskSets(Ties ties, int[] columns) {
        return riskSets.view(ties, columns);
    }
}
