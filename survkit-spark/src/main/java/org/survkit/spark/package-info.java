/**
 * survkit on Apache Spark: Kaplan–Meier, the log-rank family, Cox regression with its proportional-hazards test,
 * cumulative incidence with Gray's test and Fine–Gray regression on a Spark {@code Dataset<Row>}
 * (Parquet, CSV, Delta, JDBC: any source Spark reads), with survkit-stats' result records and numbers.
 *
 * <p>Entry point: {@link org.survkit.spark.SparkSurvival}. What moves where: the cluster counts the rows per
 * (stratum, group, time, status) ({@code FrequencyTable}) and, for Cox, sums the risk sets per (stratum, time,
 * status) at each Newton step ({@code SparkRiskSetSource}; Fine–Gray: per time with the competing failures apart,
 * {@code SparkFineGraySource}); with a cluster column (R's robust variance by cluster) one more pass sums each row's
 * score residuals per cluster ({@code ClusterScores}); the driver runs survkit-stats' one implementation of
 * each statistic on those sums. Spark is a dependency of this module only; see DESIGN.md beside the module's pom.
 */
package org.survkit.spark;
