package org.survkit.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.cox.Concordance;
import org.survkit.stats.cox.ConcordanceIndex;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.FirthCoxModel;
import org.survkit.stats.cox.FirthCoxRegression;
import org.survkit.stats.cox.SummedProportionalHazards;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TrendTestResult;
import org.survkit.stats.model.LevelOrder;

/**
 * survkit's analyses on a Spark {@code Dataset<Row>} from any source Spark reads (Parquet, CSV, Delta, JDBC),
 * returning survkit-stats' own result records, with the same numbers as the in-memory engines:
 *
 * <pre>
 * SparkSurvival s = SparkSurvival.of(spark.read().parquet("registry.parquet"),
 *         SurvivalColumns.of("time", "status").withGroup("arm").withStrata("centre"));
 * List&lt;GroupCurve&gt; km = s.kaplanMeier(KaplanMeier.withDefaults());
 * LogRankResult lr = s.logRank(LogRankTest.withDefaults());
 * CoxModel cox = s.cox(CoxRegression.withDefaults(), List.of("age", "stage"));
 * FirthCoxModel firth = s.firthCox(FirthCoxRegression.withDefaults(), List.of("age", "stage"));
 * CumulativeIncidenceResult cif = s.cumulativeIncidence(CumulativeIncidence.withDefaults(), 0);
 * </pre>
 *
 * <p>Kaplan–Meier, the log-rank family, cumulative incidence and Gray's test: the rows are counted per distinct
 * (stratum, group, time, status) on the cluster ({@link FrequencyTable}) and the engines run on that table on the
 * driver through their frequency-table entry points. Cox:
 * {@link CoxRegression#fit(org.survkit.stats.cox.CoxRiskSetSource)}, one pass over the packed rows per Newton
 * step ({@link SparkRiskSetSource}). Each call runs its own Spark jobs; instances are immutable.
 */
public final class SparkSurvival {
    private final Dataset<Row> data;
    private final SurvivalColumns columns;

    private SparkSurvival(Dataset<Row> data, SurvivalColumns columns) {
        this.data = data;
        this.columns = columns;
    }

    /**
     * @throws IllegalArgumentException naming a column the Dataset does not have
     */
    public static SparkSurvival of(Dataset<Row> data, SurvivalColumns columns) {
        List<String> have = List.of(data.columns());
        for (String c : columns.used()) {
            if (!have.contains(c)) {
                throw new IllegalArgumentException("no column '" + c + "' in the data; its columns are "
                        + String.join(", ", have));
            }
        }
        return new SparkSurvival(data, columns);
    }

    /** The counts per (stratum, group, time, status), collected once per call. */
    FrequencyTable table() {
        return FrequencyTable.of(data, columns);
    }

    /** The counts per (stratum, group, time, status code): the status column's values as they are. */
    FrequencyTable table(boolean byCode) {
        return FrequencyTable.of(data, columns, byCode);
    }

    /** Kaplan–Meier curves per group (one "all" curve without a group column). */
    public List<GroupCurve> kaplanMeier(KaplanMeier engine) {
        FrequencyTable t = table();
        return engine.fit(t.time(), t.event(), t.count(), t.groups());
    }

    /** The (stratified) test of the engine's weighting across the groups. */
    public LogRankResult logRank(LogRankTest engine) {
        FrequencyTable t = table();
        return engine.test(t.time(), t.event(), t.count(), t.groups(), t.strataFactor());
    }

    /** Every pair of groups, strata kept, P adjusted over the pairs. */
    public List<PairwiseComparison> pairwise(LogRankTest engine, PValueAdjustment adjustment) {
        FrequencyTable t = table();
        return engine.pairwise(t.time(), t.event(), t.count(), t.groups(), t.strataFactor(), adjustment);
    }

    /** The test for trend over the ordered groups ({@code scores} null: numeric labels, else 1..k). */
    public TrendTestResult trend(LogRankTest engine, double[] scores) {
        FrequencyTable t = table();
        return engine.trend(t.time(), t.event(), t.count(), t.groups(), t.strataFactor(), scores);
    }

    /**
     * Cumulative incidence of every cause per group (Aalen–Johansen, cmprsk's variance) and Gray's test per cause
     * (stratified by the strata column): the status column's values are the causes, {@code censorCode} marks the
     * censored rows (the survival columns' event value is not used).
     */
    public CumulativeIncidenceResult cumulativeIncidence(CumulativeIncidence engine, double censorCode) {
        return cumulativeIncidence(table(true), engine, censorCode);
    }

    /** Cumulative incidence and Gray's test from a table by status code ({@link #table(boolean)}). */
    CumulativeIncidenceResult cumulativeIncidence(FrequencyTable t, CumulativeIncidence engine, double censorCode) {
        return engine.fit(t.time(), t.status(), censorCode, t.count(), columns.group() == null ? null : t.groups(),
                t.strataFactor());
    }

    /**
     * The Cox model on numeric covariate columns (a text column must be coded first, e.g. as 0/1 columns), strata
     * and case weights from the survival columns, with Harrell's concordance ({@link #concordance}); with a cluster
     * column ({@link SurvivalColumns#withCluster}) R's robust variance by cluster, its Wald test and robust score test
     * ({@link ClusterScores}) and the concordance's standard error by cluster; with case weights that are not all
     * whole numbers (and no cluster) R's robust variance with each row its own cluster. The linear predictors, one per
     * row, are not collected (empty).
     */
    public CoxModel cox(CoxRegression engine, List<String> covariates) {
        checkCovariates(covariates);
        try (SparkRiskSetSource source = new SparkRiskSetSource(data, columns, covariates)) {
            CoxModel m = engine.fit(source, clusters(covariates));
            return m.withConcordance(concordance(m, covariates));
        }
    }

    /**
     * Firth's penalized Cox model (R {@code coxphf}: penalized estimates, profile penalized-likelihood limits and
     * tests) on numeric covariate columns, strata and frequency weights from the survival columns: the in-memory fit,
     * limits and tests ({@link FirthCoxRegression#fit(org.survkit.stats.cox.FirthRiskSetSource)}) on sums from the
     * cluster, one pass over the packed rows per evaluation of the penalized likelihood ({@link SparkFirthSource}).
     * Equal to {@code engine.fit(CoxData)} on the same rows up to rounding; the linear predictors, one per row, are not
     * collected (empty). Firth's method is for small samples and rare events: the driver holds the sums of every
     * distinct (stratum, time) of every partition at each pass.
     */
    public FirthCoxModel firthCox(FirthCoxRegression engine, List<String> covariates) {
        checkCovariates(covariates);
        try (SparkFirthSource source = new SparkFirthSource(data, columns, covariates)) {
            return engine.fit(source);
        }
    }

    /**
     * A Cox model and its proportional-hazards test.
     *
     * @param model               the model ({@link #cox})
     * @param proportionalHazards R's {@code cox.zph(fit, transform = "km")}, each covariate and GLOBAL; null when
     *                            the model has no event or no estimable coefficient
     */
    public record CoxWithTest(CoxModel model, ZphResult proportionalHazards) {
    }

    /**
     * The Cox model ({@link #cox}) and its proportional-hazards test (R {@code cox.zph(fit, transform = "km")}) on one
     * packing of the rows: after the fit, the Kaplan–Meier transform of time from the partitions' own times (three
     * small jobs), one more step's two passes at the fitted β with the cox.zph terms and, per stratum, the deaths and
     * whether each covariate varies ({@link SummedProportionalHazards}); nothing per distinct time on the driver. The scaled Schoenfeld residuals (one per death) are not
     * computed.
     */
    public CoxWithTest coxWithTest(CoxRegression engine, List<String> covariates) {
        int[] assign = new int[covariates.size()];
        for (int j = 0; j < assign.length; j++) {
            assign[j] = j;
        }
        return coxWithTest(engine, covariates, assign, covariates);
    }

    /**
     * {@link #coxWithTest(CoxRegression, List)} with the PH test by model term (R {@code cox.zph(terms = TRUE)}: a
     * factor's indicator columns tested together).
     *
     * @param assign     the term of each covariate column (an index into {@code termLabels})
     * @param termLabels the terms' names
     */
    public CoxWithTest coxWithTest(CoxRegression engine, List<String> covariates, int[] assign,
            List<String> termLabels) {
        checkCovariates(covariates);
        try (SparkRiskSetSource source = new SparkRiskSetSource(data, columns, covariates)) {
            CoxModel m = engine.fit(source, clusters(covariates));
            m = m.withConcordance(concordance(m, covariates));
            if (m.events() == 0 || java.util.Arrays.stream(m.coef()).noneMatch(Double::isFinite)) {
                return new CoxWithTest(m, null);
            }
            List<String> used = new ArrayList<>(columns.used());
            used.addAll(covariates);
            Dataset<Row> rows = complete(data, used);
            List<Column> agg = new ArrayList<>();
            for (String c : covariates) {
                Column x = column(c).cast("double");
                agg.add(functions.max(x).notEqual(functions.min(x)));
            }
            Column stratum = columns.strata() == null ? functions.lit("") : column(columns.strata()).cast("string");
            List<Row> perStratum = rows.groupBy(stratum).agg(functions.sum(functions.when(isEvent(columns), 1)
                    .otherwise(0)), agg.toArray(new Column[0])).collectAsList();
            int[] events = new int[perStratum.size()];
            boolean[][] varies = new boolean[perStratum.size()][covariates.size()];
            for (int s = 0; s < events.length; s++) {
                Row r = perStratum.get(s);
                events[s] = Math.toIntExact(r.getLong(1));
                for (int j = 0; j < covariates.size(); j++) {
                    varies[s][j] = r.getBoolean(2 + j);
                }
            }
            return new CoxWithTest(m, SummedProportionalHazards.tests(source, m,
                    source.proportionalHazardsSums(m.ties()), events, varies, assign, termLabels));
        }
    }

    /**
     * The rows summed per cluster for R's robust variance ({@link ClusterScores}: one more pass over the rows and a
     * shuffle of 2p doubles per cluster and partition); with case weights that are not all whole numbers and no
     * cluster column, each row its own cluster (R's default then, as in memory); else null (the model-based variance).
     */
    private ClusterScores clusters(List<String> covariates) {
        boolean robust = columns.cluster() != null
                || columns.weight() != null && ClusterScores.fractionalWeights(data, columns, covariates);
        return robust ? new ClusterScores(data, columns, covariates) : null;
    }

    /**
     * Harrell's C of the model's linear predictor with its infinitesimal-jackknife standard error, as the in-memory
     * fit reports it (R {@code concordance(fit)}): the linear predictor β'(x − means) is computed on the rows as the
     * in-memory fit computes it (column by column, the same double operations, aliased columns left out), then the
     * rows are counted per (stratum, time, status, linear predictor) with Σw and Σw², one aggregation, and
     * {@link ConcordanceIndex#ofCells} runs on the driver. With a cluster column the cells are split by cluster too
     * and the influences are summed per cluster before squaring, as the in-memory fit with clusters does. Cells: about
     * the distinct covariate patterns × times (× clusters) (few with factors and whole-day times; about the rows with a
     * continuous covariate, 48 bytes each on the driver).
     */
    Concordance concordance(CoxModel m, List<String> covariates) {
        List<String> used = new ArrayList<>(columns.used());
        used.addAll(covariates);
        double[] coef = m.coef();
        double[] means = m.means();
        Column lp = functions.lit(0.0);
        for (int j = 0; j < coef.length; j++) {
            if (!Double.isNaN(coef[j])) {
                lp = lp.plus(functions.lit(coef[j]).multiply(column(covariates.get(j)).cast("double")
                        .minus(functions.lit(means[j]))));
            }
        }
        Column w = columns.weight() == null ? functions.lit(1.0) : column(columns.weight()).cast("double");
        Column stratum = columns.strata() == null ? functions.lit("") : column(columns.strata()).cast("string");
        Column cluster = columns.cluster() == null ? functions.lit("") : column(columns.cluster()).cast("string");
        Dataset<Row> cells = complete(data, used).groupBy(stratum.as("s"), cluster.as("c"),
                column(columns.time()).cast("double").as("t"),
                functions.when(isEvent(columns), 1.0).otherwise(0.0).as("e"), lp.as("lp"))
                .agg(functions.sum(w).as("w"), functions.sum(w.multiply(w)).as("w2"));
        ColumnarChunk c = ColumnarChunk.collect(cells, 2);
        boolean[] event = new boolean[c.size];
        for (int i = 0; i < c.size; i++) {
            event[i] = c.numbers[1][i] == 1;
        }
        int[] strata = columns.strata() == null ? null : org.survkit.stats.model.Factor.of(c.labels(0)).codes();
        return ConcordanceIndex.ofCells(c.numbers[0], event, c.numbers[2], strata, c.numbers[3], c.numbers[4],
                columns.cluster() == null ? null : c.codes[1]);
    }

    /**
     * The Fine–Gray model of one cause (R cmprsk {@code crr}: its estimates and robust standard errors) on numeric
     * covariate columns: the status column's {@code censorCode} marks censored rows, {@code cause} the cause of
     * interest, every other value a competing cause. One pass per Newton step and one for the robust variance
     * ({@link SparkFineGraySource}).
     */
    public FineGrayModel fineGray(FineGrayRegression engine, List<String> covariates, double cause,
            double censorCode) {
        checkCovariates(covariates);
        try (SparkFineGraySource source = new SparkFineGraySource(data, columns, covariates, cause, censorCode)) {
            return engine.fit(source, cause, censorCode);
        }
    }

    private void checkCovariates(List<String> covariates) {
        for (String c : covariates) {
            if (!List.of(data.columns()).contains(c)) {
                throw new IllegalArgumentException("no covariate column '" + c + "' in the data; its columns are "
                        + String.join(", ", data.columns()));
            }
        }
    }

    /** The rows with every column used present. */
    static Dataset<Row> complete(Dataset<Row> data, SurvivalColumns c) {
        return complete(data, c.used());
    }

    /** The rows without a null or NaN in any of the columns (as the command line leaves out missing values). */
    static Dataset<Row> complete(Dataset<Row> data, List<String> columns) {
        Column keep = functions.lit(true);
        for (String name : columns) {
            Column c = column(name);
            keep = keep.and(c.isNotNull());
            if (data.schema().apply(name).dataType() instanceof NumericType) {
                keep = keep.and(functions.not(functions.isnan(c.cast("double"))));
            }
        }
        return data.filter(keep);
    }

    /** A column by its name as written, dots included ({@code ph.ecog} is a column, not a field of {@code ph}). */
    static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }

    /** Whether a row's status is an event: equal to the event value (a boolean column: true). */
    static Column isEvent(SurvivalColumns c) {
        return column(c.status()).cast("double").equalTo(c.eventValue());
    }

    /** The distinct values of a string column in survkit's level order. */
    static List<String> levels(Dataset<Row> rows, String column) {
        List<String> out = new ArrayList<>();
        for (Row r : rows.select(col(column)).distinct().collectAsList()) {
            out.add(r.getString(0));
        }
        out.sort(LevelOrder.NATURAL);
        return out;
    }

    static Map<String, Integer> codes(List<String> levels) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            m.put(levels.get(i), i);
        }
        return m;
    }
}
