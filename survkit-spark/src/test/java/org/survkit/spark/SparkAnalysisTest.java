package org.survkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.cli.ComparisonOptions;
import org.survkit.cli.MethodOptions;
import org.survkit.stats.PValueAdjustment;
import org.survkit.study.Estimates;

/** The Spark engine's view of a command's arguments, parsed by the command line's own definitions (no Spark). */
class SparkAnalysisTest {
    @Test
    void dataIsTheArgumentAsGivenSoThatURIsKeepTheirSlashes() {
        SparkAnalysis a = SparkAnalysis.parse("km", List.of("km", "s3a://bucket/registry.parquet", "--time", "t",
                "--event", "e", "--engine", "spark"));
        assertThat(a.data()).isEqualTo("s3a://bucket/registry.parquet");
        assertThat(a.refusal()).isNull();
    }

    @Test
    void theLocalMixinsResolveTheOptions() {
        SparkAnalysis a = SparkAnalysis.parse("compare", List.of("d.csv", "--time", "t", "--event", "e", "--group",
                "g", "--pairwise", "--adjust", "bonferroni", "--rmst", "365", "--landmark", "10", "--horizon", "200"));
        ComparisonOptions options = a.mixin(ComparisonOptions.class);
        Estimates est = a.mixin(MethodOptions.class).estimates(null, options.tau());
        assertThat(options.comparisons(est).adjust()).isEqualTo(PValueAdjustment.BONFERRONI);
        assertThat(est.tau()).isEqualTo(365.0);
        assertThat(a.landmark()).isEqualTo(10.0);
        assertThat(a.horizon()).isEqualTo(200.0);
        assertThat(a.refusal()).isNull();
    }

    @Test
    void anOptionNotBuiltIsRefusedWithItsReason() {
        SparkAnalysis a = SparkAnalysis.parse("cox", List.of("d.csv", "--time", "t", "--event", "e", "--covariates",
                "x", "--start", "entry"));
        assertThat(a.refusal()).contains("--start is not available with --engine spark: (start, stop] rows");
        SparkAnalysis firth = SparkAnalysis.parse("cox", List.of("d.csv", "--time", "t", "--event", "e",
                "--covariates", "x", "--firth"));
        assertThat(firth.refusal()).isNull();
        SparkAnalysis cluster = SparkAnalysis.parse("cox", List.of("d.csv", "--time", "t", "--event", "e",
                "--covariates", "x", "--cluster", "inst"));
        assertThat(cluster.refusal()).isNull();
        assertThat(cluster.text("--cluster")).isEqualTo("inst");
        SparkAnalysis km = SparkAnalysis.parse("km", List.of("d.csv", "--time", "t", "--event", "e", "--weights", "w"));
        assertThat(km.refusal()).contains("--weights is not available with --engine spark");
    }
}
