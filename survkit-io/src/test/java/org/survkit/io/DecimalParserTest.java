package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The regex-free number parser against {@link Double#parseDouble}. */
class DecimalParserTest {

    @Test
    void agreesWithParseDoubleOnSeededRandomDecimals() {
        Random random = new Random(20240611L);
        for (int i = 0; i < 200_000; i++) {
            String s = switch (i % 5) {
                case 0 -> Long.toString(random.nextInt(100_000));
                case 1 -> String.format(Locale.ROOT, "%.3f", random.nextDouble() * 5000);
                case 2 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(20) - 10));
                case 3 -> "-" + random.nextInt(1000) + "." + Long.toString(Math.abs(random.nextLong()));
                default -> String.format(Locale.ROOT, "%.17g", random.nextGaussian() * 1e6);
            };
            assertThat(DecimalParser.parse(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    /** The bytes path (a stretch's own thread) for the 17 significant digits pandas and numpy write, and more. */
    @Test
    void exactBytesAgreeWithParseDoubleBeyondFifteenDigits() {
        Random random = new Random(20261206L);
        for (int i = 0; i < 100_000; i++) {
            double d = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
            String s = switch (i % 3) {
                case 0 -> Double.toString(d).contains("E") ? String.format(Locale.ROOT, "%.17f", d)
                        : Double.toString(d);
                case 1 -> String.format(Locale.ROOT, "%.17f", d);
                default -> String.format(Locale.ROOT, "%.25f", d);
            };
            byte[] b = (" x" + s + "y").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(DecimalParser.exact(b, 2, 2 + s.length())).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "12", "-0.5", "+3", ".5", "3.", "1e3", "1E-3", "2.5e+2", "0.1", "123456789012345",
        "1234567890123456789", "0.000000000000000000000001"})
    void acceptsPlainDecimals(String s) {
        assertThat(DecimalParser.parse(s)).isEqualTo(Double.parseDouble(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "e3", "1e", "1e+", "1.2.3", "1,5", "1 000", "NaN", "Infinity",
        "-Infinity", "0x10", "1d", "2f", "abc", " 1", "1 ", "1..2", "--1"})
    void rejectsAnythingElse(String s) {
        assertThat(DecimalParser.parse(s)).as(s).isNaN();
    }

    @Test
    void recognisesDecimalCommas() {
        assertThat(DecimalParser.looksLikeDecimalComma("1,5")).isTrue();
        assertThat(DecimalParser.looksLikeDecimalComma("-12,25")).isTrue();
        assertThat(DecimalParser.looksLikeDecimalComma("1,000,000")).isTrue();
        assertThat(DecimalParser.looksLikeDecimalComma("1,")).isFalse();
        assertThat(DecimalParser.looksLikeDecimalComma(",5")).isFalse();
        assertThat(DecimalParser.looksLikeDecimalComma("a,b")).isFalse();
        assertThat(DecimalParser.looksLikeDecimalComma("15")).isFalse();
    }
}
