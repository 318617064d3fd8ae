package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case weights, cluster identifiers and entry times (counting-process data). */
class CoxColumnsTest {

    private static final CohortSpec BASE = CohortSpec.builder().time("time").event("status");

    @TempDir
    Path dir;

    private Cohort read(String content, CohortSpec spec) {
        return CohortReader.read(Fixtures.text(dir, "x.csv", content), spec);
    }

    @Test
    void weightsAreNumbersAtLeastZero() {
        Cohort cohort = read("time,status,w\n1,1,1\n2,0,0\n3,1,2.5\n4,1,NA\n5,1,1e-3\n", BASE.weights("w"));

        assertThat(cohort.weights()).containsExactly(1.0, 0.0, 2.5, 0.001);
        assertThat(cohort.exclusions()).containsExactly(
                new Exclusion("missing weight (column 'w')", "w", 1, List.of(5)));
    }

    @Test
    void negativeWeightIsAnError() {
        assertThatThrownBy(() -> read("time,status,w\n1,1,1\n2,0,-0.5\n", BASE.weights("w")))
                .isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 3, column 'w': value \"-0.5\" is negative; weights must be ≥ 0. Correct "
                        + "the value in the file (or exclude the row by leaving the cell empty).");
    }

    @Test
    void weightThatIsNotANumberIsAnError() {
        assertThatThrownBy(() -> read("time,status,w\n1,1,heavy\n", BASE.weights("w")))
                .isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 2, column 'w': value \"heavy\" is not a number. Case weights must be "
                        + "numbers ≥ 0. If \"heavy\" means a missing value, add it "
                        + "with --na.");
        assertThat(read("time;status;w\n1;1;0,5\n", BASE.weights("w")).weights()).containsExactly(0.5);
        assertThatThrownBy(() -> read("time,status,w\n1,1,1e999\n", BASE.weights("w")))
                .isInstanceOf(InputException.class).hasMessageContaining("value \"1e999\" is too large");
    }

    @Test
    void invalidWeightIsAnErrorEvenInARowThatWouldBeExcluded() {
        assertThatThrownBy(() -> read("time,status,w\nNA,1,-1\n2,1,1\n", BASE.weights("w")))
                .isInstanceOf(InputException.class).hasMessageContaining("line 2, column 'w'");
    }

    @Test
    void clusterIsKeptAsTrimmedText() {
        Cohort cohort = read("time,status,inst\n1,1, 01 \n2,0,1\n3,1,\n4,1,A-7\n", BASE.cluster("inst"));

        assertThat(cohort.cluster()).containsExactly("01", "1", "A-7");
        assertThat(cohort.exclusions()).containsExactly(
                new Exclusion("missing cluster (column 'inst')", "inst", 1, List.of(4)));
    }

    @Test
    void startTimesBeforeStopTimes() {
        Cohort cohort = read("start,stop,event\n0,5,1\n2.5,3,0\n,4,1\n1,,1\n", BASE.time("stop").event("event")
                .start("start"));

        assertThat(cohort.start()).containsExactly(0.0, 2.5);
        assertThat(cohort.time()).containsExactly(5.0, 3.0);
        assertThat(cohort.exclusions()).extracting(Exclusion::reason, Exclusion::firstLines).containsExactly(
                tuple("missing time (column 'stop')", List.of(5)),
                tuple("missing start time (column 'start')", List.of(4)));
    }

    @Test
    void startNotBeforeStopIsAnError() {
        CohortSpec spec = BASE.start("start");
        assertThatThrownBy(() -> read("start,time,status\n0,5,1\n12,10,1\n", spec))
                .isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 3, column 'start': value \"12\" is not before the stop time 10 (column "
                        + "'time'). Each row is the interval (start, stop] and needs start < stop; with --start the --time "
                        + "column is the end of the interval, not its length. Correct the row, or check that "
                        + "--start and --time are not swapped.");
        // equal is not allowed either (R's Surv: stop time must be > start time)
        assertThatThrownBy(() -> read("start,time,status\n3,3,1\n", spec))
                .isInstanceOf(InputException.class).hasMessageContaining("value \"3\" is not before the stop time 3");
    }

    @Test
    void badStartValues() {
        CohortSpec spec = BASE.start("start");
        assertThatThrownBy(() -> read("start,time,status\n-1,5,1\n", spec))
                .isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 2, column 'start': value \"-1\" is negative; entry times (--start) must be "
                        + "≥ 0. Correct the value in the file (or exclude the row by leaving the cell empty).");
        assertThatThrownBy(() -> read("start,time,status\nday 1,5,1\n", spec))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("value \"day 1\" is not a number. Entry times (--start) must be numbers ≥ 0");
    }

    @Test
    void startWithDatesIsNotSupported() {
        assertThatThrownBy(() -> read("dx,last,status,entry\n2020-01-01,2020-02-01,1,0\n",
                CohortSpec.builder().startDate("dx").endDate("last").event("status").start("entry")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("x.csv: an entry time column ('entry', --start) cannot be combined with "
                        + "dates (--start-date/--end-date); this is not supported.");
    }

    @Test
    void unknownExtraColumnsNameTheirOption() {
        assertThatThrownBy(() -> read("time,status,wt\n1,1,1\n", BASE.weights("w")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("there is no column 'w' (given with --weights)")
                .hasMessageContaining("Did you mean 'wt'?");
        assertThatThrownBy(() -> read("time,status,id\n1,1,1\n", BASE.cluster("ids")))
                .isInstanceOf(InputException.class).hasMessageContaining("(given with --cluster)");
        assertThatThrownBy(() -> read("time,status,entry\n1,1,0\n", BASE.start("entyr")))
                .isInstanceOf(InputException.class).hasMessageContaining("(given with --start)");
    }

    @Test
    void reasonsFollowTheDocumentedOrder() {
        Cohort cohort = read("t0,time,status,x,w,id\n"
                + ",1,1,,,\n"
                + "0,1,,,,\n"
                + "0,1,1,,,\n"
                + "0,1,1,1,,\n"
                + "0,1,1,1,1,\n"
                + "0,1,1,1,1,a\n", BASE.start("t0").covariates(List.of("x")).weights("w").cluster("id"));

        assertThat(cohort.size()).isEqualTo(1);
        assertThat(cohort.exclusions()).extracting(Exclusion::reason).containsExactly(
                "missing start time (column 't0')", "missing event (column 'status')",
                "missing covariate (column 'x')", "missing weight (column 'w')", "missing cluster (column 'id')");
    }

    @Test
    void stanfordHeartCountingProcessData() {
        // R: coxph(Surv(start, stop, event) ~ age + year + surgery + transplant + cluster(id), heart): n 172,
        // 75 events; subject 4 has the rows (0, 36] and (36, 39]
        Cohort cohort = CohortReader.read(Fixtures.dataset("heart.csv"), CohortSpec.builder().start("start")
                .time("stop").event("event").covariates(List.of("age", "year", "surgery", "transplant"))
                .cluster("id"));

        assertThat(cohort.size()).isEqualTo(172);
        int events = 0;
        for (boolean e : cohort.event()) {
            events += e ? 1 : 0;
        }
        assertThat(events).isEqualTo(75);
        assertThat(cohort.covariates()).allSatisfy(c -> assertThat(c.isNumeric()).isTrue());
        assertThat(cohort.cluster()[4]).isEqualTo("4");
        assertThat(cohort.start()[4]).isEqualTo(0.0);
        assertThat(cohort.time()[4]).isEqualTo(36.0);
        assertThat(cohort.start()[5]).isEqualTo(36.0);
        assertThat(cohort.time()[5]).isEqualTo(39.0);
        assertThat(cohort.covariate("transplant").numeric()[5]).isEqualTo(1.0);
    }

    @Test
    void cohortChecksTheNewArrays() {
        double[] time = {1, 2};
        boolean[] event = {true, false};
        int[] line = {2, 3};
        Covariate x = new Covariate("x", new double[] {0.5, 1.5}, null);
        Cohort cohort = new Cohort("x.csv", time, event, null, null, line, 2, List.of(), List.of(), List.of(x),
                new double[] {1, 1}, new String[] {"a", "b"}, new double[] {0, 0});

        assertThat(cohort.covariate("x")).isSameAs(x);
        assertThat(cohort).isEqualTo(new Cohort("x.csv", time, event, null, null, line, 2, List.of(), List.of(),
                List.of(new Covariate("x", new double[] {0.5, 1.5}, null)), new double[] {1, 1},
                new String[] {"a", "b"}, new double[] {0, 0}));
        assertThat(cohort).isNotEqualTo(new Cohort("x.csv", time, event, null, null, line, 2, List.of(), List.of(),
                List.of(x), new double[] {1, 2}, new String[] {"a", "b"}, new double[] {0, 0}));
        assertThat(cohort.toString()).contains("covariates=[x], weights=true, cluster=true, start=true");
        assertThat(new Cohort("x.csv", time, event, null, null, line, 2, List.of(), List.of()).covariates())
                .isEmpty();
        assertThatThrownBy(() -> new Cohort("x.csv", time, event, null, null, line, 2, List.of(), List.of(),
                List.of(new Covariate("x", new double[3], null)), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cohort("x.csv", time, event, null, null, line, 2, List.of(), List.of(),
                List.of(), new double[1], null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
