package org.survkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.survkit.stats.cox.CoxRiskSetSums;

/** The array sizes of the Spark Cox fit's risk-set sums at 10^7-10^8 keys (continuous times: one key per row). */
class CoxSizesTest {

    @Test
    void keysTimesStrideIsExactBelowTheArrayLimit() {
        int rs = CoxRiskSetSums.riskStride(8);
        assertEquals(45, rs);
        assertEquals(12_001L * 16 * rs, SparkRiskSetSource.cells(12_001L * 16, rs));
        assertEquals(47_000_000 * 45, SparkRiskSetSource.cells(47_000_000, rs));
    }

    @Test
    void aProductBeyondAnArrayIsAMessageNotAWrappedInt() {
        int rs = CoxRiskSetSums.riskStride(8);
        // 10^8 rows with continuous times, 8 covariates: 4.5e9 sums; in int arithmetic 10^8 * 45 wraps to 205,032,704
        assertTrue(100_000_000 * rs > 0 && 100_000_000 * rs < 100_000_000L * rs);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkRiskSetSource.cells(100_000_000L, rs));
        assertTrue(e.getMessage().contains("100000000 of them x 45 numbers"), e.getMessage());
        assertTrue(e.getMessage().contains("round the times"), e.getMessage());
        // 48 million keys: int arithmetic gives a negative length
        assertTrue(48_000_000 * rs < 0);
        assertThrows(IllegalArgumentException.class, () -> SparkRiskSetSource.cells(48_000_000L, rs));
    }
}
