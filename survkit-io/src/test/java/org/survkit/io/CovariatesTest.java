package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covariate columns for regression: numeric or text, categorical override, interactions, complete cases. */
class CovariatesTest {

    private static final Path LUNG = Fixtures.dataset("lung.csv");
    private static final CohortSpec BASE = CohortSpec.builder().time("time").event("status");

    @TempDir
    Path dir;

    private Cohort read(String content, CohortSpec spec) {
        return CohortReader.read(Fixtures.text(dir, "c.csv", content), spec);
    }

    @Test
    void numericAndTextColumnsAreTellApart() {
        Cohort cohort = read("time,status,age,arm,score\n"
                + "1,1,61.5,A,1e2\n"
                + "2,0, 70 ,b , -3\n"
                + "3,1,NA,A,.5\n"
                + "4,1,55,Placebo arm,0\n", BASE.covariates(List.of("age", "arm", "score")));

        assertThat(cohort.size()).isEqualTo(3);
        assertThat(cohort.covariates()).extracting(Covariate::name, Covariate::isNumeric, Covariate::size)
                .containsExactly(tuple("age", true, 3), tuple("arm", false, 3), tuple("score", true, 3));
        assertThat(cohort.covariate("age").numeric()).containsExactly(61.5, 70.0, 55.0);
        assertThat(cohort.covariate("age").text()).isNull();
        // text is trimmed, case kept
        assertThat(cohort.covariate("arm").text()).containsExactly("A", "b", "Placebo arm");
        assertThat(cohort.covariate("arm").numeric()).isNull();
        assertThat(cohort.covariate("score").numeric()).containsExactly(100.0, -3.0, 0.0);
        assertThat(cohort.covariate("nope")).isNull();
        assertThat(cohort.exclusions()).containsExactly(
                new Exclusion("missing covariate (column 'age')", "age", 1, List.of(4)));
        assertThat(cohort.warnings()).isEmpty();
        assertThat(cohort.weights()).isNull();
        assertThat(cohort.cluster()).isNull();
        assertThat(cohort.start()).isNull();
    }

    @Test
    void noCovariatesGiveAnEmptyList() {
        Cohort cohort = read("time,status,age\n1,1,\n", BASE);

        assertThat(cohort.covariates()).isEmpty();
        assertThat(cohort.size()).isEqualTo(1);
    }

    @Test
    void aNumberLikeColumnWithTextBecomesTextWithAWarning() {
        // the non-number comes late, after numbers that were already stored as such
        Cohort cohort = read("time,status,stage\n1,1,1\n2,1,2\n3,1,3a\n4,1,2\n5,1,1.0\n",
                BASE.covariates(List.of("stage")));

        Covariate stage = cohort.covariate("stage");
        assertThat(stage.isNumeric()).isFalse();
        assertThat(stage.text()).containsExactly("1", "2", "3a", "2", "1.0");
        assertThat(cohort.warnings()).singleElement().asString()
                .contains("covariate column 'stage' was read as categorical (text)")
                .contains("value \"3a\" (line 4) is the first of 1 value that is not, against 4 that are")
                .contains("--na");
    }

    @Test
    void typeIsDecidedOnAllRowsAsRDoesBeforeNaOmit() {
        // the only non-number is in a row excluded for its missing time: the column is still text
        Cohort cohort = read("time,status,x\n1,1,1\nNA,1,unknown\n2,1,2\n", BASE.covariates(List.of("x")));

        assertThat(cohort.size()).isEqualTo(2);
        assertThat(cohort.covariate("x").text()).containsExactly("1", "2");
    }

    @Test
    void categoricalForcesTextEvenForNumbers() {
        CohortSpec spec = BASE.covariates(List.of("stage", "age")).categorical(List.of(" stage "));
        Cohort cohort = read("time,status,stage,age\n1,1,1,50\n2,0,3,60\n3,1, 2 ,70\n4,1,1,80\n", spec);

        assertThat(spec.categorical()).containsExactly("stage");
        assertThat(cohort.covariate("stage").isNumeric()).isFalse();
        assertThat(cohort.covariate("stage").text()).containsExactly("1", "3", "2", "1");
        assertThat(cohort.covariate("age").isNumeric()).isTrue();
        assertThat(cohort.warnings()).isEmpty();
    }

    @Test
    void categoricalMustNameACovariateColumn() {
        assertThatThrownBy(() -> read("time,status,stage\n1,1,1\n",
                BASE.covariates(List.of("stage", "age")).categorical(List.of("Stage"))))
                .isInstanceOf(InputException.class)
                .hasMessage("c.csv: 'Stage' is listed with --categorical but is not a column of the covariates "
                        + "(stage, age). Did you mean 'stage'? Add the column to --covariates, or remove it from "
                        + "--categorical.");
        assertThatThrownBy(() -> read("time,status,stage\n1,1,1\n", BASE.categorical(List.of("stage"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("(none were given with --covariates)");
    }

    @Test
    void interactionTermsReadEachColumnOnce() {
        CohortSpec spec = BASE.covariates(List.of("age", " sex : age ", "age:stage", "sex"))
                .categorical(List.of("stage"));
        Cohort cohort = read("time,status,age,sex,stage,other\n"
                + "1,1,50,1,I,x\n"
                + "2,1,60,2,,x\n"
                + "3,0,70,1,II,x\n", spec);

        assertThat(spec.covariates()).containsExactly("age", "sex:age", "age:stage", "sex");
        assertThat(spec.covariateColumns()).containsExactly("age", "sex", "stage");
        assertThat(cohort.covariates()).extracting(Covariate::name).containsExactly("age", "sex", "stage");
        assertThat(cohort.covariate("sex").numeric()).containsExactly(1.0, 1.0);
        assertThat(cohort.covariate("stage").text()).containsExactly("I", "II");
        // a column used only inside an interaction is still required to be complete
        assertThat(cohort.exclusions()).containsExactly(
                new Exclusion("missing covariate (column 'stage')", "stage", 1, List.of(3)));
    }

    @Test
    void badInteractionTerms() {
        assertThatThrownBy(() -> read("time,status,age\n1,1,1\n", BASE.covariates(List.of("age:"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the covariate term 'age:' (--covariates) has an empty column name");
        assertThatThrownBy(() -> read("time,status,age,sex\n1,1,1,1\n", BASE.covariates(List.of("age:sx"))))
                .isInstanceOf(InputException.class)
                .hasMessage("c.csv, line 1: there is no column 'sx' (given with --covariates) in the header. Did "
                        + "you mean 'sex'? Available columns: time, status, age, sex. Give one of these names "
                        + "exactly as written in the header.");
        // a header name that itself contains ':' is explained
        assertThatThrownBy(() -> read("time,status,a:b\n1,1,1\n", BASE.covariates(List.of("a:b"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is read as the interaction of the columns 'a', 'b', but there is no column "
                        + "'a'. The header has a column named 'a:b'");
    }

    @Test
    void unknownCovariateColumnGetsTheSameHelpAsTime() {
        assertThatThrownBy(() -> CohortReader.read(LUNG,
                BASE.eventValue("2").covariates(List.of("age", "ph_ecog"))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("lung.csv, line 1: there is no column 'ph_ecog' (given with --covariates) "
                        + "in the header. Did you mean 'ph.ecog'? Available columns: inst, time, status, age");
    }

    @Test
    void aColumnMayServeSeveralRoles() {
        Cohort cohort = read("time,status,sex\n1,1,1\n2,0,2\n3,1,\n",
                BASE.group("sex").strata("sex").covariates(List.of("sex", "sex")));

        assertThat(cohort.group()).containsExactly("1", "2");
        assertThat(cohort.strata()).containsExactly("1", "2");
        assertThat(cohort.covariates()).singleElement().satisfies(c -> assertThat(c.numeric())
                .containsExactly(1.0, 2.0));
        // counted once, under the first reason
        assertThat(cohort.exclusions()).extracting(Exclusion::reason).containsExactly("missing group (column 'sex')");
    }

    @Test
    void lungCompleteCasesMatchRsCoxph() {
        // R 4.2.2, survival 3.5-3: coxph(Surv(time, status) ~ age + sex + ph.ecog + wt.loss, lung)$n == 213
        Cohort cohort = CohortReader.read(LUNG,
                BASE.eventValue("2").covariates(List.of("age", "sex", "ph.ecog", "wt.loss")));

        assertThat(cohort.rowsRead()).isEqualTo(228);
        assertThat(cohort.size()).isEqualTo(213);
        // which(is.na(lung$wt.loss)) + 1 -> 2 21 37 45 57 ...; ph.ecog missing on line 15 only
        assertThat(cohort.exclusions()).containsExactly(
                new Exclusion("missing covariate (column 'ph.ecog')", "ph.ecog", 1, List.of(15)),
                new Exclusion("missing covariate (column 'wt.loss')", "wt.loss", 14, List.of(2, 21, 37, 45, 57)));
        assertThat(cohort.covariates()).allSatisfy(c -> {
            assertThat(c.isNumeric()).isTrue();
            assertThat(c.size()).isEqualTo(213);
        });
        // first kept row is line 3: 3,455,2,68,1,0,90,90,1225,15
        assertThat(cohort.line()[0]).isEqualTo(3);
        assertThat(cohort.covariate("age").numeric()[0]).isEqualTo(68.0);
        assertThat(cohort.covariate("wt.loss").numeric()[0]).isEqualTo(15.0);
        assertThat(cohort.covariate("ph.ecog").numeric()[0]).isEqualTo(0.0);
    }

    @Test
    void lungWithMealCalMatchesRsCoxph() {
        // R: coxph(Surv(time, status) ~ age + sex + ph.ecog + wt.loss + meal.cal, lung)$n == 170; meal.cal has 47
        // NAs, of which 43 in rows complete otherwise
        Cohort cohort = CohortReader.read(LUNG,
                BASE.eventValue("2").covariates(List.of("age", "sex", "ph.ecog", "wt.loss", "meal.cal")));

        assertThat(cohort.size()).isEqualTo(170);
        assertThat(cohort.exclusions()).extracting(Exclusion::column, Exclusion::count)
                .containsExactly(tuple("ph.ecog", 1), tuple("wt.loss", 14), tuple("meal.cal", 43));
        assertThat(cohort.rowsExcluded()).isEqualTo(58);
    }

    @Test
    void decimalCommaInANumericCovariateIsReadOrNamed() {
        assertThat(read("time;status;bmi\n1;1;22\n2;1;22,5\n", BASE.covariates(List.of("bmi")))
                .covariate("bmi").numeric()).containsExactly(22.0, 22.5);
        assertThatThrownBy(() -> read("time,status,bmi\n1,1,22.5\n2,1,\"22,5\"\n", BASE.covariates(List.of("bmi"))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("c.csv, line 3, column 'bmi': value \"22,5\" is written with a decimal comma, "
                        + "but this column's numbers are read with a dot (62.5)")
                .hasMessageContaining("list it with --categorical");
        // as a categorical column, it is just a label
        Cohort cohort = read("time;status;code\n1;1;1,2\n", BASE.covariates(List.of("code"))
                .categorical(List.of("code")));
        assertThat(cohort.covariate("code").text()).containsExactly("1,2");
    }

    @Test
    void aStrayWordInAContinuousColumnIsAnError() {
        StringBuilder b = new StringBuilder("time,status,crp\n");
        for (int i = 0; i < 300; i++) {
            b.append(i + 1).append(",1,").append(i / 10.0).append('\n');
        }
        b.append("301,1,n.d.\n");

        assertThatThrownBy(() -> read(b.toString(), BASE.covariates(List.of("crp"))))
                .isInstanceOf(InputException.class)
                .hasMessage("c.csv, line 302, column 'crp': value \"n.d.\" is not a number, but the values above it "
                        + "in this column are numbers (more than 256 different ones). A covariate column must hold "
                        + "only numbers, or be categorical with few different values. If \"n.d.\" means a missing "
                        + "value, add it with --na; otherwise correct the value in the file.");
        Cohort cohort = read(b.toString(), BASE.covariates(List.of("crp")).naCodes(List.of("n.d.")));
        assertThat(cohort.covariate("crp").numeric()).hasSize(300);
        assertThat(cohort.exclusions()).extracting(Exclusion::count).containsExactly(1);
    }

    @Test
    void manyLevelsDrawAWarning() {
        StringBuilder b = new StringBuilder("time,status,id\n");
        for (int i = 0; i < 60; i++) {
            b.append(i + 1).append(",1,P").append(i).append('\n');
        }
        Cohort cohort = read(b.toString(), BASE.covariates(List.of("id")));

        assertThat(cohort.covariate("id").text()).hasSize(60);
        assertThat(cohort.warnings()).singleElement().asString()
                .contains("categorical covariate 'id' has 60 different values");
    }

    @Test
    void excelCovariateColumns() {
        Path file = Fixtures.xlsx(dir, "cov.xlsx", wb -> {
            Worksheet ws = wb.newWorksheet("Data");
            String[] names = {"time", "status", "age", "arm", "grade"};
            for (int c = 0; c < names.length; c++) {
                ws.value(0, c, names[c]);
            }
            Object[][] rows = {{10, 1, 64.5, "A", 1}, {20, 0, 0.1, "B", 2}, {30, 1, null, "A", 3}, {40, 1, 71, "B", 2}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (rows[r][c] instanceof String s) {
                        ws.value(r + 1, c, s);
                    }
                }
            }
        });

        Cohort cohort = CohortReader.read(file,
                BASE.covariates(List.of("age", "arm", "grade", "age:arm")).categorical(List.of("grade")));

        assertThat(cohort.size()).isEqualTo(3);
        assertThat(cohort.covariate("age").numeric()).containsExactly(64.5, 0.1, 71.0);
        assertThat(cohort.covariate("arm").text()).containsExactly("A", "B", "B");
        assertThat(cohort.covariate("grade").text()).containsExactly("1", "2", "2");
        assertThat(cohort.exclusions()).containsExactly(
                new Exclusion("missing covariate (column 'age')", "age", 1, List.of(4)));
    }

    @Test
    void specWithersAreImmutableAndNormalise() {
        CohortSpec base = CohortSpec.builder().time("t").event("e");
        CohortSpec spec = base.covariates(List.of(" age ", "", "a : b")).categorical(List.of("b", " "))
                .weights(" w ").cluster("id").start("t0");

        assertThat(base.covariates()).isEmpty();
        assertThat(base.categorical()).isEmpty();
        assertThat(base.weightsColumn()).isNull();
        assertThat(spec.covariates()).containsExactly("age", "a:b");
        assertThat(spec.covariateColumns()).containsExactly("age", "a", "b");
        assertThat(spec.categorical()).containsExactly("b");
        assertThat(spec.weightsColumn()).isEqualTo("w");
        assertThat(spec.clusterColumn()).isEqualTo("id");
        assertThat(spec.startColumn()).isEqualTo("t0");
        assertThat(spec).isEqualTo(base.start("t0").cluster("id").weights("w").categorical(List.of("b"))
                .covariates(List.of("age", "a:b")));
        assertThat(spec).isNotEqualTo(spec.weights(null));
        assertThat(spec.hashCode()).isEqualTo(base.start("t0").cluster("id").weights("w")
                .categorical(List.of("b")).covariates(List.of("age", "a:b")).hashCode());
        assertThat(spec.toString()).isEqualTo("CohortSpec[time=t, timeUnit=DAYS, event=e, covariates=[age, a:b], "
                + "categorical=[b], weights=w, cluster=id, start=t0]");
        assertThat(spec.covariates(null).covariates()).isEmpty();
    }

    @Test
    void covariateRecordChecksItsShape() {
        Covariate numeric = new Covariate("x", new double[] {1, 2}, null);
        Covariate text = new Covariate("g", null, new String[] {"a"});

        assertThat(numeric.isNumeric()).isTrue();
        assertThat(numeric.size()).isEqualTo(2);
        assertThat(text.isNumeric()).isFalse();
        assertThat(text.size()).isEqualTo(1);
        assertThat(numeric).isEqualTo(new Covariate("x", new double[] {1, 2}, null))
                .hasSameHashCodeAs(new Covariate("x", new double[] {1, 2}, null))
                .isNotEqualTo(new Covariate("x", new double[] {1, 3}, null));
        assertThat(text.toString()).isEqualTo("Covariate[name=g, text, size=1]");
        assertThatThrownBy(() -> new Covariate("x", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Covariate("x", new double[1], new String[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
