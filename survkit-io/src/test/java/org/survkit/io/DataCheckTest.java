package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code survkit check}: every planted problem of a messy export named with its line in one run. */
class DataCheckTest {

    @TempDir
    Path dir;

    /** A hospital export: semicolons, decimal commas, thousands dots, day-first dates, statuses in words. */
    static final String MESSY = "id;diag_date;last_contact;vital_status;receptor;age;dose\n"
            + "1;03/01/2015;15/06/2019;Deceased;pos;61,5;1.250\n"
            + "2;17/02/2016;01/09/2020;Alive;neg;54,2;2.000\n"
            + "3;25/03/2016;31/04/2018;Decesed;Pos;70;1.500\n"
            + "4;05/05/2017;20/05/2021;alive; neg;48,9;1.000\n"
            + "5;12/07/2017;03/03/2019;Deceased;pos;unknown;1.750\n"
            + "6;30/08/2017;14/02/2022;Alive;neg;66,1;2.250\n"
            + "7;11/11/2018;01/01/2020;Dead;pos;59,0;1.250\n"
            + "8;02/02/2019;05/05/2023;Alive;;62,3;1.500\n";

    @Test
    void everyPlantedProblemIsNamedWithItsLineInOneRun() {
        Path f = Fixtures.text(dir, "export.csv", MESSY);
        DataCheck.Report r = DataCheck.run(f, CohortSpec.builder().startDate("diag_date").endDate("last_contact")
                .event("vital_status").eventValue("Deceased").censorValues(List.of("Alive")));
        assertThat(r.clean()).isFalse();
        assertThat(r.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.value()).containsExactlyInAnyOrder(
                "4 last_contact 31/04/2018", "4 vital_status Decesed", "8 vital_status Dead", "4 receptor Pos",
                "6 age unknown");
        assertThat(r.problemCount()).isEqualTo(5);
        assertThat(r.problems()).filteredOn(p -> p.value().equals("31/04/2018")).singleElement()
                .satisfies(p -> assertThat(p.what()).isEqualTo("is not a calendar date (April has 30 days)"));
        DataCheck.ColumnProfile age = r.columns().get(5);
        assertThat(age.type()).isEqualTo("number");
        assertThat(age.decimalMark()).isEqualTo(",");
        // a semicolon file whose numbers use decimal commas: 1.250 is 1250 (thousands dot), as the reader reads it
        assertThat(r.columns().get(6).decimalMark()).isEqualTo(",");
        assertThat(r.columns().get(1).dateFormat()).isEqualTo("dd/MM/yyyy");
        assertThat(r.columns().get(4).type()).isEqualTo("coded");
        assertThat(r.columns().get(4).missing()).isEqualTo(1);
        assertThat(r.eventCodes()).extracting(EventCode::value).contains("Deceased", "Alive", "Decesed", "alive",
                "Dead");
    }

    @Test
    void aCleanFileIsClean() {
        Path f = Fixtures.text(dir, "clean.csv", "time,status,arm\n1.5,1,A\n2,0,B\n3,1,A\n4,0,B\n");
        DataCheck.Report r = DataCheck.run(f, CohortSpec.builder().time("time").event("status"));
        assertThat(r.clean()).isTrue();
        assertThat(r.columns()).extracting(DataCheck.ColumnProfile::type).containsExactly("number", "coded", "coded");
    }

    @Test
    void withoutColumnsTheProfileStillFindsOddValues() {
        Path f = Fixtures.text(dir, "p.csv", "age,grade\n61,1\n62,2\nn/a,2\n70,3\n71,1\n");
        DataCheck.Report r = DataCheck.run(f, CohortSpec.builder());
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.value()).isEqualTo("n/a");
            assertThat(p.kind()).isEqualTo("odd-value");
        });
    }

    /**
     * Identifiers such as "RMBC-01" (the bundled rapamycin cohort's patient_id) are text, not a date column with
     * no known layout; a column given as the start or end date, or one whose values look like dates, still gets
     * the date problem.
     */
    @Test
    void freeTextIsNotADateProblemButAGivenDateColumnIs() {
        StringBuilder b = new StringBuilder("patient_id,start,last,status\n");
        for (int i = 1; i <= 40; i++) {
            b.append(String.format("RMBC-%02d,2010-03-%02d,soon %d,1%n", i, 1 + i % 28, i));
        }
        Path f = Fixtures.text(dir, "ids.csv", b.toString());
        DataCheck.Report free = DataCheck.run(f, CohortSpec.builder());
        assertThat(free.problems()).isEmpty();
        assertThat(free.columns()).extracting(DataCheck.ColumnProfile::type)
                .containsExactly("text", "date", "text", "coded");

        DataCheck.Report given = DataCheck.run(f, CohortSpec.builder().startDate("start").endDate("last"));
        assertThat(given.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("last");
            assertThat(p.what()).startsWith("no known date layout fits the column: \"soon 1\"");
        });
    }
}
