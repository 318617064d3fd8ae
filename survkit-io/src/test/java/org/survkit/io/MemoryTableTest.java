package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table in memory reads as the same cells written to a CSV file: equal cohorts (rows, lines, exclusions with
 * their first lines, covariate types and levels, warnings) and the same messages.
 */
class MemoryTableTest {

    private static final List<String> HEADER = List.of("time", "status", "arm", "site", "age", "stage", "start",
            "end", "note");
    private static final List<String[]> ROWS = List.of(
            new String[] {"5", "1", "A", "x", "61.5", "II", "2010-01-01", "2010-03-01", "plain"},
            new String[] {"12.25", "0", " B ", "y", "70", "IV", "2010-01-05", "2011-01-01", "comma, \"quote\""},
            new String[] {"", "1", "A", "x", "NA", "II", "2010-02-01", "", "two\nlines"},
            new String[] {"7", "", "B", "y", "55", "III", "2010-02-01", "2010-09-01", "cr\r\nlf"},
            new String[] {"3", "1", "NA", "x", "48", "unknown", "2010-03-01", "2010-04-01", "  spaced  "},
            new String[] {"9", "0", "A", "", "66", "III", "2010-04-01", "2011-04-01", ""},
            new String[] {"1.5e1", "1", "B", "y", "x", "II", "2010-05-01", "2010-06-01", "-1"});

    @TempDir
    Path dir;

    /** The rows as a CSV file (RFC 4180) and as a memory table numbered by the lines of that file. */
    private record Both(Path file, MemoryTable table) {
    }

    private Both both(List<String> header, List<String[]> rows) {
        StringBuilder csv = new StringBuilder();
        int[] lines = new int[rows.size()];
        int line = 1 + append(csv, header.toArray(new String[0]));
        for (int i = 0; i < rows.size(); i++) {
            lines[i] = line;
            line += append(csv, rows.get(i));
        }
        Path file = Fixtures.text(dir, "rows.csv", csv.toString());
        MemoryTable table = new MemoryTable() {
            @Override
            public String source() {
                return file.toString();
            }

            @Override
            public String name() {
                return "rows.csv";
            }

            @Override
            public List<String> columns() {
                return header;
            }

            @Override
            public int size() {
                return rows.size();
            }

            @Override
            public int line(int row) {
                return lines[row];
            }

            @Override
            public String text(int row, int column) {
                return rows.get(row)[column];
            }
        };
        return new Both(file, table);
    }

    /** Appends one CSV record; returns the number of lines it takes. */
    private static int append(StringBuilder csv, String[] cells) {
        int lines = 1;
        for (int c = 0; c < cells.length; c++) {
            String s = cells[c];
            csv.append(c == 0 ? "" : ",");
            if (s.matches("(?s).*[,\"\r\n].*")) {
                csv.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(s);
            }
            lines += s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1).length - 1;
        }
        csv.append('\n');
        return lines;
    }

    private void assertSameCohort(Both b, CohortSpec spec) {
        Cohort fromFile = CohortReader.read(b.file(), spec);
        Cohort inMemory = CohortReader.read(b.table(), spec);
        assertThat(inMemory).isEqualTo(fromFile);
        for (Covariate c : fromFile.covariates()) {
            assertThat(inMemory.covariate(c.name()).levels()).as(c.name()).isEqualTo(c.levels());
        }
    }

    @Test
    void cohortsEqualTheFileReadOfTheSameCells() {
        Both b = both(HEADER, ROWS);
        CohortSpec base = CohortSpec.builder().time("time").event("status");
        assertSameCohort(b, base);
        assertSameCohort(b, base.group("arm").strata("site"));
        // numeric, text (a stray word: read as text, with a warning) and categorical covariates; a text column
        assertSameCohort(b, base.group("arm").covariates(List.of("age", "stage", "note", "arm:age")).categorical(
                List.of("stage")).naCodes(List.of("unknown")));
        assertSameCohort(b, CohortSpec.builder().startDate("start").endDate("end").event("status")
                .timeUnit(TimeUnit.MONTHS).eventValue("0"));
        Cohort c = CohortReader.read(b.table(), base.group("arm"));
        assertThat(c.source()).isEqualTo(b.file().toString());
        assertThat(c.line()).containsExactly(2, 3, 9, 10); // rows 3 and 4 take two lines each
        assertThat(c.exclusions()).extracting(Exclusion::reason, Exclusion::firstLines).containsExactly(
                org.assertj.core.groups.Tuple.tuple("missing time (column 'time')", List.of(4)),
                org.assertj.core.groups.Tuple.tuple("missing event (column 'status')", List.of(6)),
                org.assertj.core.groups.Tuple.tuple("missing group (column 'arm')", List.of(8)));
    }

    @Test
    void warningsAndMessagesAreTheFileRead() {
        List<String[]> censored = new ArrayList<>();
        for (String[] r : ROWS) {
            String[] copy = r.clone();
            copy[1] = "0";
            censored.add(copy);
        }
        Both b = both(HEADER, censored);
        assertSameCohort(b, CohortSpec.builder().time("time").event("status"));
        assertThat(CohortReader.read(b.table(), CohortSpec.builder().time("time").event("status")).warnings())
                .containsExactly("rows.csv: no row of column 'status' marks an event (values found: 0), so every"
                        + " row is censored.");
        for (CohortSpec wrong : List.of(CohortSpec.builder().time("tme").event("status"),
                CohortSpec.builder().time("note").event("status"),
                CohortSpec.builder().time("time").event("arm"))) {
            Throwable fromFile = catchThrowable(() -> CohortReader.read(b.file(), wrong));
            assertThat(fromFile).isInstanceOf(InputException.class);
            assertThatThrownBy(() -> CohortReader.read(b.table(), wrong)).isInstanceOf(InputException.class)
                    .hasMessage(fromFile.getMessage());
        }
        assertThatThrownBy(() -> CohortReader.read(both(List.of("time", "time"), List.<String[]>of()).table(),
                CohortSpec.builder().time("time").event("time"))).hasMessageStartingWith("rows.csv, line 1: the"
                        + " column name 'time' appears twice");
    }
}
