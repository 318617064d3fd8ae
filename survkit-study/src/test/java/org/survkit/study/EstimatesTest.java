package org.survkit.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.MedianRule;
import org.survkit.stats.logrank.Weighting;
import org.survkit.stats.preset.Preset;

/** Preset resolution: the preset supplies defaults, an option given wins. */
class EstimatesTest {

    @Test
    void thePresetSuppliesTheDefaults() {
        Estimates r = Estimates.resolve(Preset.R, null, null, null, null, null);
        assertThat(r.confType()).isEqualTo(ConfidenceType.LOG);
        assertThat(r.medianRule()).isEqualTo(MedianRule.R);
        assertThat(r.confLevel()).isEqualTo(0.95);
        assertThat(r.at()).isEmpty();
        assertThat(r.tau()).isNaN();
        Estimates prism = Estimates.resolve(Preset.PRISM, null, null, null, null, null);
        assertThat(prism.medianRule()).isEqualTo(MedianRule.MIDPOINT);
        assertThat(prism.test(null)).isEqualTo(Weighting.LOGRANK);
        assertThat(Estimates.resolve(null, null, null, null, null, null).preset()).isEqualTo(Preset.SURVKIT);
        assertThat(Estimates.resolve(null, null, null, null, null, null).confType()).isEqualTo(ConfidenceType.LOG_LOG);
    }

    @Test
    void anOptionGivenWinsOverThePreset() {
        Estimates e = Estimates.resolve(Preset.R, ConfidenceType.PLAIN, 0.9, MedianRule.FIRST_AT_OR_BELOW,
                new double[] {12}, 24.0);
        assertThat(e.confType()).isEqualTo(ConfidenceType.PLAIN);
        assertThat(e.confLevel()).isEqualTo(0.9);
        assertThat(e.medianRule()).isEqualTo(MedianRule.FIRST_AT_OR_BELOW);
        assertThat(e.at()).containsExactly(12);
        assertThat(e.tau()).isEqualTo(24);
        assertThat(e.test(Weighting.GEHAN)).isEqualTo(Weighting.GEHAN);
    }
}
