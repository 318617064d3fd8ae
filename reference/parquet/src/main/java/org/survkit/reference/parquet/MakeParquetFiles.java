package org.survkit.reference.parquet;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes survkit-io's Parquet test files with Apache Parquet's own Java writer (parquet-hadoop 1.18.2), an
 * implementation independent of survkit's reader, and beside each set the CSV of what survkit must deliver.
 *
 * <ul>
 * <li>{@code types_<codec>_<v1|v2>_<dict|plain>.parquet}: 300 seeded rows of every flat column type (INT32,
 * INT64, FLOAT, DOUBLE, BOOLEAN, strings, DATE, TIMESTAMP in ms/µs/ns, INT96, DECIMAL on INT32/INT64/fixed
 * bytes, unsigned INT32, a DOUBLE that is always null), most columns nullable, in row groups of about 100 rows
 * and pages of at most 40 rows; for each codec (UNCOMPRESSED, SNAPPY, GZIP, ZSTD), page format (v1 with the 1.0 writer, v2 with the 2.0
 * writer, whose plain encodings are DELTA_BINARY_PACKED, DELTA_BYTE_ARRAY and RLE booleans) and dictionary
 * on/off; and {@code types_zstd_v1_split.parquet}, BYTE_STREAM_SPLIT where the writer allows it. Expected text:
 * {@code types_expected.csv}.</li>
 * <li>{@code lung.parquet} beside {@code lung.csv} (so {@code examples/lung/lung.parquet}; SNAPPY, dictionary, v1)
 * and {@code lung_v2_zstd.parquet} in the output folder (ZSTD, v2 pages, DELTA_BINARY_PACKED): {@code lung.csv}
 * with each column an optional INT32 (an empty cell → null).</li>
 * <li>{@code nested.parquet}: a group column ({@code address}); {@code list.parquet}: a repeated column
 * ({@code visits}).</li>
 * </ul>
 *
 * <p>Arguments: the output folder, the path of {@code lung.csv}.
 */
public final class MakeParquetFiles {

    private static final int ROWS = 300;
    private static final String TYPES = """
            message cohort {
              required int32 id;
              optional int64 big;
              optional float ratio;
              optional double time;
              optional boolean smoker;
              optional binary arm (STRING);
              optional int32 diag (DATE);
              optional int64 seen_ms (TIMESTAMP(MILLIS,true));
              optional int64 seen_us (TIMESTAMP(MICROS,false));
              optional int64 seen_ns (TIMESTAMP(NANOS,true));
              optional int96 seen_96;
              optional int32 dose (DECIMAL(9,2));
              optional int64 cost (DECIMAL(18,3));
              optional fixed_len_byte_array(9) grant (DECIMAL(20,4));
              optional int32 count32 (INTEGER(32,false));
              required binary note;
              optional double nothing;
            }
            """;
    private static final List<String> ARMS = List.of("Arm A", "Arm B", "Bras C – éé", "", "control");
    private static final long DAY_MS = 86_400_000L;

    private MakeParquetFiles() {
    }

    /**
     * Writes the files.
     *
     * @param args the output folder, the path of lung.csv
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<Object[]> rows = typesRows();
        writeExpected(out.resolve("types_expected.csv"), rows);
        MessageType schema = MessageTypeParser.parseMessageType(TYPES);
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.GZIP, CompressionCodecName.ZSTD)) {
            for (WriterVersion version : WriterVersion.values()) {
                for (boolean dictionary : new boolean[] {true, false}) {
                    String name = "types_" + codec.name().toLowerCase() + "_"
                            + (version == WriterVersion.PARQUET_1_0 ? "v1" : "v2") + "_"
                            + (dictionary ? "dict" : "plain") + ".parquet";
                    try (ParquetWriter<Group> w = writer(out.resolve(name), schema, codec, version, dictionary)) {
                        SimpleGroupFactory f = new SimpleGroupFactory(schema);
                        for (Object[] row : rows) {
                            w.write(typesGroup(f, row));
                        }
                    }
                }
            }
        }
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(deleted(
                out.resolve("types_zstd_v1_split.parquet")))).withConf(new Configuration(false)).withType(schema)
                .withCompressionCodec(CompressionCodecName.ZSTD).withDictionaryEncoding(false)
                .withByteStreamSplitEncoding(true).withRowGroupSize(4096L).withPageSize(1024)
                .withPageRowCountLimit(40).build()) {
            SimpleGroupFactory f = new SimpleGroupFactory(schema);
            for (Object[] row : rows) {
                w.write(typesGroup(f, row));
            }
        }
        List<String> lung = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        writeLung(Path.of(args[1]).resolveSibling("lung.parquet"), lung, CompressionCodecName.SNAPPY, WriterVersion.PARQUET_1_0);
        writeLung(out.resolve("lung_v2_zstd.parquet"), lung, CompressionCodecName.ZSTD, WriterVersion.PARQUET_2_0);
        writeNested(out);
    }

    private static ParquetWriter<Group> writer(Path file, MessageType schema, CompressionCodecName codec,
            WriterVersion version, boolean dictionary) throws IOException {
        Files.deleteIfExists(file);
        return ExampleParquetWriter.builder(new LocalOutputFile(file)).withConf(new Configuration(false))
                .withType(schema).withCompressionCodec(codec).withWriterVersion(version)
                .withDictionaryEncoding(dictionary).withRowGroupSize(4096L).withPageSize(1024)
                .withPageRowCountLimit(40).build();
    }

    /**
     * The seeded values: per row id, big, ratio, time, smoker, arm, diag (epoch day), seen (epoch ms), dose
     * (hundredths), cost (thousandths), grant (unscaled BigInteger, scale 4), count32 (unsigned as long), note;
     * null for missing.
     */
    private static List<Object[]> typesRows() {
        Random random = new Random(20_261_206L);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            Object[] r = new Object[13];
            r[0] = i;
            r[1] = missing(random) ? null : random.nextLong() >> random.nextInt(60);
            r[2] = missing(random) ? null : (float) (random.nextGaussian() * 10);
            r[3] = missing(random) ? null : i % 7 == 0 ? (double) random.nextInt(2000)
                    : Math.round(random.nextDouble() * 3000 * 1000) / 1000.0 + random.nextDouble() * 1e-9;
            r[4] = missing(random) ? null : random.nextBoolean();
            r[5] = missing(random) ? null : ARMS.get(random.nextInt(ARMS.size()));
            r[6] = missing(random) ? null : (long) (random.nextInt(40_000) - 5_000);
            r[7] = missing(random) ? null : (random.nextLong() % (80L * 365 * DAY_MS)) + 10L * 365 * DAY_MS;
            r[8] = missing(random) ? null : (long) (random.nextInt(2_000_000) - 1_000_000);
            r[9] = missing(random) ? null : random.nextLong() % 100_000_000_000L;
            r[10] = missing(random) ? null
                    : new BigInteger(56, random).multiply(BigInteger.valueOf(random.nextInt(1000) + 1))
                            .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
            r[11] = missing(random) ? null : Integer.toUnsignedLong(random.nextInt());
            r[12] = "note " + (char) ('a' + i % 26) + i % 13;
            rows.add(r);
        }
        return rows;
    }

    private static boolean missing(Random random) {
        return random.nextInt(100) < 15;
    }

    private static Group typesGroup(SimpleGroupFactory f, Object[] r) {
        Group g = f.newGroup().append("id", (Integer) r[0]);
        if (r[1] != null) {
            g.append("big", (Long) r[1]);
        }
        if (r[2] != null) {
            g.append("ratio", (Float) r[2]);
        }
        if (r[3] != null) {
            g.append("time", (Double) r[3]);
        }
        if (r[4] != null) {
            g.append("smoker", (Boolean) r[4]);
        }
        if (r[5] != null) {
            g.append("arm", (String) r[5]);
        }
        if (r[6] != null) {
            g.append("diag", (int) (long) (Long) r[6]);
        }
        if (r[7] != null) {
            long ms = (Long) r[7];
            g.append("seen_ms", ms);
            g.append("seen_us", ms * 1000 + 123);
            g.append("seen_ns", ms * 1_000_000 + 456_789);
            long day = Math.floorDiv(ms, DAY_MS);
            long nanos = Math.floorMod(ms, DAY_MS) * 1_000_000L;
            g.append("seen_96", new NanoTime((int) (day + 2_440_588L), nanos));
        }
        if (r[8] != null) {
            g.append("dose", (int) (long) (Long) r[8]);
        }
        if (r[9] != null) {
            g.append("cost", (Long) r[9]);
        }
        if (r[10] != null) {
            g.append("grant", Binary.fromConstantByteArray(fixed((BigInteger) r[10], 9)));
        }
        if (r[11] != null) {
            g.append("count32", (int) (long) (Long) r[11]);
        }
        g.append("note", Binary.fromString((String) r[12]));
        return g;
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        Arrays.fill(out, value.signum() < 0 ? (byte) 0xFF : 0);
        System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
        return out;
    }

    /** What survkit delivers: numbers in plain notation with their shortest digits, dates as yyyy-MM-dd. */
    private static void writeExpected(Path file, List<Object[]> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,big,ratio,time,smoker,arm,diag,seen_ms,seen_us,seen_ns,seen_96,dose,cost,grant,count32,note,"
                    + "nothing\n");
            for (Object[] r : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(r[0].toString());
                cells.add(r[1] == null ? "" : r[1].toString());
                cells.add(r[2] == null ? "" : plain(new BigDecimal(Float.toString((Float) r[2]))));
                cells.add(r[3] == null ? "" : plain(new BigDecimal(Double.toString((Double) r[3]))));
                cells.add(r[4] == null ? "" : r[4].toString());
                cells.add(r[5] == null ? "" : quoted((String) r[5]));
                cells.add(r[6] == null ? "" : LocalDate.ofEpochDay((Long) r[6]).toString());
                String seen = r[7] == null ? "" : LocalDate.ofEpochDay(Math.floorDiv((Long) r[7], DAY_MS)).toString();
                cells.addAll(List.of(seen, seen, seen, seen));
                cells.add(r[8] == null ? "" : plain(BigDecimal.valueOf((Long) r[8], 2)));
                cells.add(r[9] == null ? "" : plain(BigDecimal.valueOf((Long) r[9], 3)));
                cells.add(r[10] == null ? "" : plain(new BigDecimal((BigInteger) r[10], 4)));
                cells.add(r[11] == null ? "" : r[11].toString());
                cells.add((String) r[12]);
                cells.add("");
                w.write(String.join(",", cells) + "\n");
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static void writeLung(Path file, List<String> lines, CompressionCodecName codec, WriterVersion version)
            throws IOException {
        String[] names = lines.get(0).replace("\"", "").split(",", -1);
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (String name : names) {
            builder.optional(PrimitiveTypeName.INT32).named(name);
        }
        MessageType renamed = builder.named("lung");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(deleted(file)))
                .withConf(new Configuration(false)).withType(renamed).withCompressionCodec(codec)
                .withWriterVersion(version).withDictionaryEncoding(version == WriterVersion.PARQUET_1_0)
                .withRowGroupSize(2048L).build()) {
            SimpleGroupFactory f = new SimpleGroupFactory(renamed);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Group g = f.newGroup();
                for (int c = 0; c < names.length; c++) {
                    if (!cells[c].isEmpty() && !cells[c].equals("NA")) {
                        g.append(names[c], Integer.parseInt(cells[c]));
                    }
                }
                w.write(g);
            }
        }
    }

    private static Path deleted(Path file) throws IOException {
        Files.deleteIfExists(file);
        return file;
    }

    private static void writeNested(Path out) throws IOException {
        MessageType nested = MessageTypeParser.parseMessageType(
                "message m { required int32 id; optional group address { optional binary city (STRING); } }");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(deleted(
                out.resolve("nested.parquet")))).withConf(new Configuration(false)).withType(nested).build()) {
            SimpleGroupFactory f = new SimpleGroupFactory(nested);
            Group g = f.newGroup().append("id", 1);
            g.addGroup("address").append("city", "Lyon");
            w.write(g);
        }
        MessageType list = MessageTypeParser.parseMessageType(
                "message m { required int32 id; repeated int32 visits; }");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(deleted(
                out.resolve("list.parquet")))).withConf(new Configuration(false)).withType(list).build()) {
            SimpleGroupFactory f = new SimpleGroupFactory(list);
            w.write(f.newGroup().append("id", 1).append("visits", 3).append("visits", 5));
        }
    }
}
