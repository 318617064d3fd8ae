package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel reader ({@link ParallelTextReader}) reads every file as FastCSV does: on seeded messy files (three
 * delimiters, BOM, CRLF, blank lines (some of non-ASCII blanks only), quotes, lone carriage returns (also in a column
 * not read), ragged rows, decimal commas, missing codes, numbers that are not plain, non-ASCII labels), cut into stretches of a few bytes to a few megabytes, the cohort
 * (times, events, groups, covariates, weights, lines, exclusions, warnings, problems) or the error message is the
 * same as with the parallel reader switched off.
 */
class ParallelTextReaderTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        ParallelTextReader.enabled = true;
        ParallelTextReader.stretchBytes = 4 << 20;
    }

    @Test
    void readsSeededMessyFilesAsFastCsvDoes() {
        Random random = new Random(20261206);
        int parallelRead = 0;
        for (int i = 0; i < 600; i++) {
            char d = ",;\t".charAt(random.nextInt(3));
            String text = file(random, d);
            Path path = Fixtures.bytes(dir, "f" + i + ".csv", bytes(random, text));
            CohortSpec spec = spec(random);
            ParallelTextReader.enabled = false;
            String expected = outcome(path, spec);
            ParallelTextReader.enabled = true;
            ParallelTextReader.stretchBytes = new int[] {1, 7, 40, 300, 4 << 20}[random.nextInt(5)];
            String actual = outcome(path, spec);
            assertThat(actual).as("file %d, stretch %d:%n%s", i, ParallelTextReader.stretchBytes, text)
                    .isEqualTo(expected);
            parallelRead += text.indexOf('"') < 0 ? 1 : 0;
        }
        assertThat(parallelRead).as("files without quotes, read in parallel to the end").isGreaterThan(200);
    }

    @Test
    void plainNumbersParsedFromBytesEqualTheTextParser() {
        Random random = new Random(7);
        StringBuilder b = new StringBuilder("time,status,x\n");
        List<String> xs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String x = number(random);
            xs.add(x);
            b.append(random.nextInt(1000) / 100.0).append(",1,").append(x).append('\n');
        }
        Path path = Fixtures.text(dir, "n.csv", b.toString());
        ParallelTextReader.stretchBytes = 4096;
        Cohort cohort = CohortReader.read(path, CohortSpec.builder().time("time").event("status")
                .covariates(List.of("x")).decimal(DecimalMark.POINT).naCodes(List.of("?")).invalid(InvalidRows.EXCLUDE));
        double[] read = cohort.covariate("x").numeric();
        int k = 0;
        for (int i = 0; i < xs.size(); i++) {
            double expected = LocalNumbers.parse(xs.get(i).trim(), DecimalMark.POINT);
            if (expected == expected) {
                assertThat(Double.doubleToRawLongBits(read[k])).as(xs.get(i))
                        .isEqualTo(Double.doubleToRawLongBits(expected + 0.0));
                k++;
            }
        }
        assertThat(k).isEqualTo(read.length);
    }

    private static String number(Random r) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(4) == 0) {
            s.append('-');
        }
        int digits = 1 + r.nextInt(19);
        int point = r.nextInt(digits + 2) - 1;
        for (int i = 0; i < digits; i++) {
            if (i == point) {
                s.append('.');
            }
            s.append((char) ('0' + r.nextInt(10)));
        }
        return r.nextInt(10) == 0 ? " " + s + " " : s.toString();
    }

    private static String outcome(Path path, CohortSpec spec) {
        try {
            Cohort c = CohortReader.read(path, spec);
            return c + "\n" + java.util.Arrays.toString(c.time()) + java.util.Arrays.toString(c.event())
                    + java.util.Arrays.toString(c.group()) + java.util.Arrays.toString(c.line())
                    + java.util.Arrays.toString(c.weights()) + c.covariates() + c.eventCodes() + c.problems()
                    + "\nequals-hash " + c.hashCode();
        } catch (InputException e) {
            return "error: " + e.getMessage();
        }
    }

    private static byte[] bytes(Random r, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(5) != 0) {
            return body;
        }
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    private static CohortSpec spec(Random r) {
        CohortSpec spec = CohortSpec.builder().time("time").event("status").group("arm");
        if (r.nextBoolean()) {
            spec = spec.covariates(r.nextBoolean() ? List.of("x", "label") : List.of("x"));
        }
        if (r.nextInt(3) == 0) {
            spec = spec.weights("w");
        }
        if (r.nextInt(3) == 0) {
            spec = spec.naCodes(r.nextBoolean() ? List.of("-99") : List.of("unknown"));
        }
        spec = spec.decimal(new DecimalMark[] {DecimalMark.AUTO, DecimalMark.POINT, DecimalMark.COMMA}[r.nextInt(3)]);
        return spec.invalid(r.nextBoolean() ? InvalidRows.EXCLUDE : InvalidRows.STOP);
    }

    private static String file(Random r, char d) {
        String eol = r.nextInt(3) == 0 ? "\r\n" : "\n";
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0; i > 0; i--) {
            b.append(r.nextBoolean() ? "" : " " + d + " ").append(eol);
        }
        b.append(String.join(String.valueOf(d), "time", "status", "arm", "x", "label", "w")).append(eol);
        int rows = 1 + r.nextInt(r.nextInt(10) == 0 ? 3000 : 40);
        boolean mess = r.nextInt(3) == 0;
        for (int i = 0; i < rows; i++) {
            if (mess && r.nextInt(30) == 0) {
                b.append(r.nextBoolean() ? "" : r.nextInt(4) == 0 ? (r.nextBoolean() ? "\u00a0" : "\u2003")
                        + String.valueOf(d).repeat(5) : String.valueOf(d).repeat(5)).append(eol);
                continue;
            }
            List<String> cells = new ArrayList<>(List.of(time(r, d, mess), status(r, mess), arm(r, mess),
                    covariate(r, d, mess), label(r, mess), time(r, d, mess)));
            if (mess && r.nextInt(200) == 0) {
                cells.remove(cells.size() - 1);
            }
            if (mess && r.nextInt(100) == 0) {
                cells.set(2, "\"" + cells.get(2) + (r.nextBoolean() ? d + "x\"" : "\nnext\""));
            }
            b.append(String.join(String.valueOf(d), cells)).append(mess && r.nextInt(300) == 0 ? "\r" : eol);
        }
        if (r.nextInt(4) == 0) {
            b.append(eol).append(eol);
        } else if (r.nextInt(4) == 0) {
            b.setLength(b.length() - eol.length());
        }
        return b.toString();
    }

    private static String time(Random r, char d, boolean mess) {
        String t = String.valueOf(r.nextInt(5000) / 100.0);
        if (d == ';' && r.nextInt(3) > 0) {
            t = t.replace('.', ',');
        }
        if (!mess) {
            return t;
        }
        return switch (r.nextInt(40)) {
            case 0 -> "";
            case 1 -> "NA";
            case 2 -> "-3";
            case 3 -> " " + t + " ";
            case 4 -> "1e-3";
            case 5 -> "abc";
            case 6 -> "-99";
            case 7 -> "12.";
            case 8 -> ".";
            case 9 -> "1.234";
            case 10 -> "0.12345678901234567";
            default -> t;
        };
    }

    private static String status(Random r, boolean mess) {
        if (mess && r.nextInt(50) == 0) {
            return new String[] {"", "dead", "2", "NA", " 1"}[r.nextInt(5)];
        }
        return r.nextBoolean() ? "1" : "0";
    }

    private static String arm(Random r, boolean mess) {
        if (mess && r.nextInt(20) == 0) {
            return new String[] {"", "Männer", "  A", "Frauen ü", "NA"}[r.nextInt(5)];
        }
        return String.valueOf("ABC".charAt(r.nextInt(3)));
    }

    private static String covariate(Random r, char d, boolean mess) {
        String x = String.valueOf(Math.round(r.nextGaussian() * 1e4) / 1e4);
        if (d == ';' && r.nextBoolean()) {
            x = x.replace('.', ',');
        }
        if (mess && r.nextInt(60) == 0) {
            return new String[] {"", "n/a", "1e400", "+2", "-0", "007", "  3.5"}[r.nextInt(7)];
        }
        return x;
    }

    private static String label(Random r, boolean mess) {
        if (mess && r.nextInt(40) == 0) {
            return "";
        }
        if (mess && r.nextInt(40) == 0) { // a column often not read: its bytes are skipped fast, these one by one
            return new String[] {"lo\"w", "a\rb", "two words", "\u00a0", "x\u0001y", "\u2003", "très"}[r.nextInt(7)];
        }
        return new String[] {"low", "high", "mid", "ñ"}[r.nextInt(4)];
    }
}
