package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview for the web app. */
class TablePreviewTest {

    @TempDir
    Path dir;

    @Test
    void readsHeaderFirstRowsAndGuessesTypes() {
        Path file = Fixtures.text(dir, "p.csv", "id;time;start;arm;notes;mixed\n"
                + "1;5.5;2020-01-01;A;;1\n"
                + "2;NA;2020-02-01T10:00;B;NA;x\n"
                + "3;7;.;A; ;2\n"
                + "4;8;2020-04-01;C;;3\n");

        TablePreview preview = TablePreview.read(file, null, 3);

        assertThat(preview.columns()).containsExactly("id", "time", "start", "arm", "notes", "mixed");
        assertThat(preview.rows()).hasSize(3);
        assertThat(preview.rows().get(0)).containsExactly("1", "5.5", "2020-01-01", "A", "", "1");
        assertThat(preview.types()).containsExactly(
                java.util.Map.entry("id", "number"), java.util.Map.entry("time", "number"),
                java.util.Map.entry("start", "date"), java.util.Map.entry("arm", "text"),
                java.util.Map.entry("notes", "empty"), java.util.Map.entry("mixed", "text"));
        assertThat(preview.warnings()).isEmpty();
    }

    @Test
    void stopsAtMaxRowsBeforeLaterProblems() {
        Path file = Fixtures.text(dir, "p.csv", "a,b\n1,2\n3,4\n5,6,7\n");

        assertThat(TablePreview.read(file, null, 2).rows()).containsExactly(List.of("1", "2"), List.of("3", "4"));
        assertThat(TablePreview.read(file, null, 0).rows()).isEmpty();
        assertThat(TablePreview.read(file, null, 0).types()).containsEntry("a", "empty");
        assertThatThrownBy(() -> TablePreview.read(file, null, 3)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("p.csv, line 4: this row has 3 values");
    }

    @Test
    void headerOnlyFileIsAnEmptyPreview() {
        TablePreview preview = TablePreview.read(Fixtures.text(dir, "h.csv", "a,b\n"), null, 5);

        assertThat(preview.columns()).containsExactly("a", "b");
        assertThat(preview.rows()).isEmpty();
    }

    @Test
    void listsAreImmutable() {
        TablePreview preview = TablePreview.read(Fixtures.text(dir, "h.csv", "a,b\n1,2\n"), null, 5);

        assertThatThrownBy(() -> preview.rows().get(0).set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> preview.types().put("c", "text")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void previewOfSecondSheet() {
        Path file = Fixtures.xlsx(dir, "two.xlsx", wb -> {
            wb.newWorksheet("First").value(0, 0, "x");
            var ws = wb.newWorksheet("Second");
            ws.value(0, 0, "y");
            ws.value(1, 0, 2.25);
        });

        TablePreview preview = TablePreview.read(file, "Second", 5);

        assertThat(preview.columns()).containsExactly("y");
        assertThat(preview.rows()).containsExactly(List.of("2.25"));
        assertThat(preview.types()).containsEntry("y", "number");
    }

    @Test
    void levelsListTheCodesOfCodedColumnsOverTheWholeFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        StringBuilder csv = new StringBuilder("time,status,arm\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i + 0.5).append(',').append(i == 97 ? "10" : i % 2 == 0 ? "2" : "1").append(',')
                    .append(i % 3 == 0 ? "NA" : i % 3 == 1 ? " B" : "A").append('\n');
        }
        java.nio.file.Path f = dir.resolve("c.csv");
        java.nio.file.Files.writeString(f, csv);
        java.util.Map<String, java.util.List<String>> levels = TablePreview.levels(f, null, 5);
        // status: numeric order (10 last, though it appears once, on line 99); arm: trimmed text, NA left out;
        // time: 100 distinct values, more than 5
        assertThat(levels).containsOnlyKeys("status", "arm");
        assertThat(levels.get("status")).containsExactly("1", "2", "10");
        assertThat(levels.get("arm")).containsExactly("A", "B");
    }
}
