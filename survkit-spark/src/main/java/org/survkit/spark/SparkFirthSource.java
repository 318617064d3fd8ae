package org.survkit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.survkit.stats.cox.CoxColumnSums;
import org.survkit.stats.cox.CoxRiskSetSums;
import org.survkit.stats.cox.FirthRiskSetSource;
import org.survkit.stats.cox.FirthRiskSetSums;

/**
 * Cox data in a Spark Dataset, asked for sums by Firth's penalized fit
 * ({@link org.survkit.stats.cox.FirthCoxRegression#fit(FirthRiskSetSource)}). The rows are packed once as for the Cox
 * fit ({@link SparkRiskSetSource}, whose passes give the centring, scaling and the aliased columns); then one pass for
 * coxphf's standardized scale and one pass per evaluation of the penalized likelihood (one for all the difference
 * points of an iteration, {@link #firthSums(double[], double[], List)}): each partition returns, per
 * (stratum, time) it holds, the Cox sums and the third moments Σr·x⊗x⊗x ({@link FirthBlockSums}), 2(1 + p + p(p+1)/2
 * + p(p+1)(p+2)/6) + 3 + p numbers, and the driver lists them one after another (repeated keys are merged by the fit).
 * {@link #close()} releases the packed rows.
 */
final class SparkFirthSource implements FirthRiskSetSource, AutoCloseable {
    private final SparkRiskSetSource cox;
    private final JavaRDD<CoxBlock> blocks;
    private final int p;

    /**
     * @param data       the Dataset
     * @param c          its survival columns
     * @param covariates numeric covariate columns (the design's columns)
     */
    SparkFirthSource(Dataset<Row> data, SurvivalColumns c, List<String> covariates) {
        this.cox = new SparkRiskSetSource(data, c, covariates);
        this.blocks = cox.blocks();
        this.p = covariates.size();
    }

    @Override
    public List<String> columnNames() {
        return cox.columnNames();
    }

    @Override
    public CoxColumnSums columnSums() {
        return cox.columnSums();
    }

    @Override
    public double[] absoluteDeviations(double[] centre) {
        return cox.absoluteDeviations(centre);
    }

    @Override
    public CoxRiskSetSums riskSetSums(double[] centre, double[] factor, double[] beta) {
        return cox.riskSetSums(centre, factor, beta);
    }

    @Override
    public double[] squaredDeviations(double[] centre) {
        return blocks.map(b -> FirthBlockSums.squaredDeviations(b, centre)).reduce(SparkRiskSetSource::add);
    }

    @Override
    public FirthRiskSetSums firthSums(double[] centre, double[] factor, double[] beta) {
        return firthSums(centre, factor, List.of(beta)).get(0);
    }

    /** One pass for all of them: each partition scans its rows once per β, in one task. */
    @Override
    public List<FirthRiskSetSums> firthSums(double[] centre, double[] factor, List<double[]> betas) {
        double[][] at = betas.toArray(new double[0][]);
        List<FirthBlockSums.Partial[]> perPartition = blocks.map(b -> FirthBlockSums.of(b, centre, factor, at))
                .collect();
        List<FirthRiskSetSums> out = new ArrayList<>(at.length);
        for (int k = 0; k < at.length; k++) {
            int point = k;
            out.add(joined(perPartition.stream().map(parts -> parts[point]).toList()));
        }
        return out;
    }

    /** The partitions' sums at one β, one partition after another. */
    private FirthRiskSetSums joined(List<FirthBlockSums.Partial> parts) {
        long keys = parts.stream().mapToLong(s -> s.time().length).sum();
        // the arrays' lengths first, with SparkRiskSetSource's message when a Java array cannot hold them
        SparkRiskSetSource.cells(keys, FirthRiskSetSums.riskStride(p));
        SparkRiskSetSource.cells(keys, FirthRiskSetSums.deadStride(p));
        return new FirthRiskSetSums(p, parts.stream().flatMapToInt(s -> Arrays.stream(s.stratum())).toArray(),
                joined(parts, FirthBlockSums.Partial::time), joined(parts, FirthBlockSums.Partial::censoredRisk),
                joined(parts, FirthBlockSums.Partial::deadRisk), joined(parts, FirthBlockSums.Partial::deadTotals));
    }

    /** One array of the partitions' sums, one partition after another. */
    private static double[] joined(List<FirthBlockSums.Partial> parts, Function<FirthBlockSums.Partial, double[]> f) {
        return parts.stream().flatMapToDouble(s -> Arrays.stream(f.apply(s))).toArray();
    }

    @Override
    public void close() {
        cox.close();
    }
}
