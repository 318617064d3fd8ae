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
}
