package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How a Parquet DOUBLE becomes text: the shortest digits that read back as the same double, in plain notation. */
class ParquetValuesTest {

    @Test
    void usualNumbers() {
        assertThat(ParquetValues.doubleText(62.5)).isEqualTo("62.5");
        assertThat(ParquetValues.doubleText(-0.125)).isEqualTo("-0.125");
        assertThat(ParquetValues.doubleText(0.001)).isEqualTo("0.001");
        assertThat(ParquetValues.doubleText(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(ParquetValues.doubleText(306)).isEqualTo("306");
        assertThat(ParquetValues.doubleText(1e-5)).isEqualTo("0.00001");
        assertThat(ParquetValues.doubleText(1.5e20)).isEqualTo("150000000000000000000");
        assertThat(ParquetValues.doubleText(Double.NaN)).isEmpty();
    }

    /** Seeded doubles of every size and number of decimals: the text reads back exactly and is the shortest. */
    @Test
    void readsBackAsTheSameDouble() {
        Random random = new Random(2026);
        for (int i = 0; i < 20_000; i++) {
            double x = switch (i % 4) {
                case 0 -> Math.round(random.nextGaussian() * 1e6) / Math.pow(10, random.nextInt(9));
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 15);
                case 2 -> Double.longBitsToDouble(random.nextLong());
                default -> -random.nextInt(100_000) / 8.0;
            };
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                continue;
            }
            String text = ParquetValues.doubleText(x);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(x);
            assertThat(text).doesNotContain("E");
            BigDecimal shortest = new BigDecimal(Double.toString(x)).stripTrailingZeros();
            assertThat(new BigDecimal(text).stripTrailingZeros().precision()).as(text)
                    .isLessThanOrEqualTo(shortest.precision());
        }
    }
}
