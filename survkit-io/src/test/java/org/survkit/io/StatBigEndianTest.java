package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big-endian SPSS and Stata files, built byte by byte here from the published layouts (R's haven writes the
 * machine's byte order only, little-endian on the machines survkit is built on).
 */
class StatBigEndianTest {

    private static final long SECONDS_PER_DAY = 86_400;

    @TempDir
    Path dir;

    /** A growing big-endian buffer. */
    private static final class Bytes {
        private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);

        Bytes ascii(String s) {
            buffer.put(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Bytes padded(String s, int width) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            buffer.put(b).put(new byte[width - b.length]);
            return this;
        }

        Bytes spaces(String s, int width) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            buffer.put(b);
            for (int i = b.length; i < width; i++) {
                buffer.put((byte) ' ');
            }
            return this;
        }

        Bytes i8(int... values) {
            for (int v : values) {
                buffer.put((byte) v);
            }
            return this;
        }

        Bytes i16(int... values) {
            for (int v : values) {
                buffer.putShort((short) v);
            }
            return this;
        }

        Bytes i32(int... values) {
            for (int v : values) {
                buffer.putInt(v);
            }
            return this;
        }

        Bytes i64(long v) {
            buffer.putLong(v);
            return this;
        }

        Bytes f64(double... values) {
            for (double v : values) {
                buffer.putDouble(v);
            }
            return this;
        }

        int position() {
            return buffer.position();
        }

        void longAt(int at, long v) {
            buffer.putLong(at, v);
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    private static Bytes savDictionary(int compression) {
        int f8 = 5 << 16 | 8 << 8;
        Bytes b = new Bytes().ascii("$FL2").spaces("@(#) SPSS DATA FILE survkit test", 60)
                .i32(2, 4, compression, 0, 2).f64(100).spaces("01 Jan 20", 9).spaces("10:00:00", 8).spaces("", 64)
                .padded("", 3);
        b.i32(2, 0, 1, 1, f8, f8).spaces("AGE", 8).i32(3).ascii("Age").i8(0).f64(99);
        b.i32(2, 0, 0, 0, f8, f8).spaces("DIED", 8);
        b.i32(2, 8, 0, 0, 1 << 16 | 8 << 8, 1 << 16 | 8 << 8).spaces("NAME", 8);
        b.i32(2, 0, 0, 0, 20 << 16 | 11 << 8, 20 << 16 | 11 << 8).spaces("DX", 8);
        b.i32(3, 2).f64(0).i8(5).ascii("Alive").padded("", 2).f64(1).i8(4).ascii("Dead").padded("", 3);
        b.i32(4, 1, 2);
        b.i32(7, 3, 4, 8, 1, 0, 0, 0, 1, compression, 1, 65001);
        String names = "AGE=age_years\tDIED=died\tNAME=name\tDX=diagnosis";
        b.i32(7, 13, 1, names.length()).ascii(names);
        b.i32(999, 0);
        return b;
    }

    private static double spssSeconds(LocalDate date) {
        return ChronoUnit.DAYS.between(LocalDate.of(1582, 10, 14), date) * (double) SECONDS_PER_DAY;
    }

    @Test
    void bigEndianSpssFilesUncompressedAndCompressed() {
        double dx = spssSeconds(LocalDate.of(2020, 1, 31));
        Bytes plain = savDictionary(0);
        plain.f64(45, 1).spaces("Zoë", 8).f64(dx).f64(99, -Double.MAX_VALUE).spaces("Bob", 8).f64(-Double.MAX_VALUE);
        Bytes compressed = savDictionary(1);
        compressed.i8(145, 101, 253, 253, 199, 255, 253, 255).spaces("Zoë", 8).f64(dx).spaces("Bob", 8)
                .i8(252, 0, 0, 0, 0, 0, 0, 0);

        for (Bytes file : List.of(plain, compressed)) {
            TablePreview preview = TablePreview.read(Fixtures.bytes(dir, "big.sav", file.bytes()), null, 10);

            assertThat(preview.columns()).containsExactly("age_years", "died", "name", "diagnosis");
            assertThat(preview.rows()).containsExactly(List.of("45", "Dead", "Zoë", "2020-01-31"),
                    List.of("", "", "Bob", ""));
            assertThat(preview.variableLabels()).containsExactly(Map.entry("age_years", "Age"));
            assertThat(preview.warnings()).containsExactly("big.sav, column 'age_years': 1 value declared "
                    + "user-missing in the SPSS file (99) was read as missing.");
        }
    }

    @Test
    void bigEndianStataFormat114() {
        Bytes b = new Bytes().i8(114, 1, 1, 0).i16(3).i32(2).padded("", 81).padded("", 18);
        b.i8(252, 7, 255);
        b.padded("grp", 33).padded("name", 33).padded("dx", 33);
        b.i16(0, 0, 0, 0);
        b.padded("%8.0g", 49).padded("%9s", 49).padded("%td", 49);
        b.padded("grplbl", 33).padded("", 33).padded("", 33);
        b.padded("Group", 81).padded("", 81).padded("Diagnosis", 81);
        b.i8(0).i32(0);
        double days = ChronoUnit.DAYS.between(LocalDate.of(1960, 1, 1), LocalDate.of(2020, 1, 31));
        b.i16(2).i8('Z', 'o', 0xE9, 0, 0, 0, 0).f64(days);
        b.i16(32_741).padded("Bob", 7).f64(0x1.0p1023);
        b.i32(8 + 16 + 8).padded("grplbl", 33).padded("", 3).i32(2, 8, 0, 4, 1, 2).ascii("One\0Two\0");

        TablePreview preview = TablePreview.read(Fixtures.bytes(dir, "big.dta", b.bytes()), null, 10);

        assertThat(preview.columns()).containsExactly("grp", "name", "dx");
        assertThat(preview.rows()).containsExactly(List.of("Two", "Zoé", "2020-01-31"), List.of("", "Bob", ""));
        assertThat(preview.variableLabels()).containsExactly(Map.entry("grp", "Group"), Map.entry("dx", "Diagnosis"));
    }

    @Test
    void bigEndianStataFormat118WithStrls() {
        Bytes b = new Bytes().ascii("<stata_dta><header><release>118</release><byteorder>MSF</byteorder><K>").i16(2)
                .ascii("</K><N>").i64(2).ascii("</N><label>").i16(0).ascii("</label><timestamp>").i8(0)
                .ascii("</timestamp></header><map>");
        int map = b.position();
        for (int i = 0; i < 14; i++) {
            b.i64(0);
        }
        b.ascii("</map><variable_types>").i16(DtaLayout.INT, DtaLayout.STRL).ascii("</variable_types><varnames>")
                .padded("grp", 129).padded("report", 129).ascii("</varnames><sortlist>").i16(0, 0, 0)
                .ascii("</sortlist><formats>").padded("%8.0g", 57).padded("%9s", 57)
                .ascii("</formats><value_label_names>").padded("grplbl", 129).padded("", 129)
                .ascii("</value_label_names><variable_labels>").padded("Group", 321).padded("Report", 321)
                .ascii("</variable_labels><characteristics></characteristics>");
        b.longAt(map + 8 * 9, b.position());
        b.ascii("<data>").i16(1).i16(2).i16(0).i32(1).i16(32_741).i16(2).i16(0).i32(1).ascii("</data>");
        b.longAt(map + 8 * 10, b.position());
        b.ascii("<strls>GSO").i32(2).i64(1).i8(130).i32(5).ascii("Zoë\0").ascii("</strls>");
        b.longAt(map + 8 * 11, b.position());
        b.ascii("<value_labels><lbl>").i32(8 + 8 + 4).padded("grplbl", 129).padded("", 3).i32(1, 4, 0, 1)
                .ascii("One\0").ascii("</lbl></value_labels></stata_dta>");

        TablePreview preview = TablePreview.read(Fixtures.bytes(dir, "big118.dta", b.bytes()), null, 10);

        assertThat(preview.rows()).containsExactly(List.of("One", "Zoë"), List.of("", "Zoë"));
        assertThat(preview.variableLabels()).containsExactly(Map.entry("grp", "Group"),
                Map.entry("report", "Report"));
    }
}
