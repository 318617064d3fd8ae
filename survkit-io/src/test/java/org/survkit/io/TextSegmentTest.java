package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TextSegment} cell by cell: every cell's text is the text in the file, and its number is the one
 * {@link LocalNumbers#parse} gives the trimmed text (or NaN, then read from the text), whether the number was read
 * while the line was skipped (a plain number ended by the delimiter, a line feed or a carriage return) or afterwards
 * (blanks around it, a column that fills two slots, the end of the file, more than 18 digits).
 */
class TextSegmentTest {

    /** Plain numbers the stretch must give (not leave to the text parser). */
    private static final Pattern PLAIN = Pattern.compile("-?(\\d{1,15}(\\.\\d{0,3})?|\\.\\d{1,3})");

    @TempDir
    Path dir;

    @Test
    void cellsReadAsTheTextParserReadsThem() throws IOException {
        Random random = new Random(15);
        for (int file = 0; file < 200; file++) {
            char d = ",;\t".charAt(random.nextInt(3));
            String eol = random.nextBoolean() ? "\n" : "\r\n";
            List<String[]> rows = new ArrayList<>();
            StringBuilder b = new StringBuilder();
            for (int r = 1 + random.nextInt(60); r > 0; r--) {
                String[] row = {cell(random, d), cell(random, d), cell(random, d)};
                rows.add(row);
                b.append(String.join(String.valueOf(d), row)).append(eol);
            }
            if (random.nextBoolean()) {
                b.setLength(b.length() - eol.length()); // the last number ends with the file
            }
            Path path = Fixtures.text(dir, "t" + file + ".csv", b.toString());
            // column 1 fills two slots (the cell is recorded after the line is split, not during the scan)
            int[] columns = {0, 1, 2, 1};
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                TextSegment s = new TextSegment(columns, 3, d, 1000).parse(channel, channel.size(), 0, 0,
                        channel.size());
                assertThat(s.stopOffset()).isEqualTo(-1);
                assertThat(s.rows()).isEqualTo(rows.size());
                for (int r = 0; r < rows.size(); r++) {
                    s.at(r);
                    for (int slot = 0; slot < columns.length; slot++) {
                        String text = rows.get(r)[columns[slot]];
                        assertThat(s.text(slot)).as("file %d, row %d, slot %d", file, r, slot).isEqualTo(text);
                        for (DecimalMark mark : new DecimalMark[] {DecimalMark.POINT, DecimalMark.COMMA}) {
                            double read = s.number(slot, mark);
                            double expected = LocalNumbers.parse(text.trim(), mark);
                            if (read == read) {
                                assertThat(Double.doubleToRawLongBits(read)).as("%s with %s", text, mark)
                                        .isEqualTo(Double.doubleToRawLongBits(expected));
                            } else if (mark == DecimalMark.POINT) {
                                assertThat(PLAIN.matcher(text).matches()).as("'%s' left to the text parser", text)
                                        .isFalse();
                            }
                        }
                    }
                }
            }
        }
    }

    private static String cell(Random r, char d) {
        return switch (r.nextInt(12)) {
            case 0 -> new String[] {"", "-", ".", "+5", "1e5", "5.", d == ',' ? "5" : ",5", "1.2.3", "--1",
                    d == ',' ? "1" : "1,", "abc", "Männer", "-0", "007", "0.0000000000000000000012"}[r.nextInt(15)];
            case 1 -> " " + number(r, d) + (r.nextBoolean() ? " " : "");
            case 2 -> number(r, d) + "x";
            default -> number(r, d);
        };
    }

    /** Up to 20 digits, maybe a minus sign and a decimal mark (not the delimiter). */
    private static String number(Random r, char d) {
        StringBuilder s = new StringBuilder(r.nextInt(4) == 0 ? "-" : "");
        int digits = r.nextInt(3) == 0 ? 1 + r.nextInt(20) : 1 + r.nextInt(6);
        int point = r.nextInt(digits + 2) - 1;
        char mark = d == ',' || r.nextBoolean() ? '.' : ',';
        for (int i = 0; i < digits; i++) {
            if (i == point) {
                s.append(mark);
            }
            s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }
}
