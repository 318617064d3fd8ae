package org.survkit.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.report.analysis.StudyAnalysis.Excluded;
import org.survkit.study.Eligibility;
import org.survkit.study.Eligibility.Criterion;
import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import org.survkit.study.rules.RuleExpression;

/** Which criterion a row is counted under: the first it fails; what a missing value does to each kind of rule. */
class EligibleRowsTest {

    static final List<String> COLUMNS = List.of("age", "guardian", "stage", "ecog");

    private static Study study(List<Criterion> include, List<Criterion> exclude) {
        Study s = StudyReader.parse("data: c.csv\ntime: t\nevent: e\n", Path.of("/tmp/study.yaml"));
        return s.withEligibility(new Eligibility(include, exclude));
    }

    private static Criterion include(String rule, String reason, int position) {
        return new Criterion(true, RuleExpression.parse(rule), reason, 0, position);
    }

    private static Criterion exclude(String rule, String reason, int position) {
        return new Criterion(false, RuleExpression.parse(rule), reason, 0, position);
    }

    private static EligibleRows apply(Study s, String... rows) {
        List<String[]> cells = new ArrayList<>();
        for (String r : rows) {
            cells.add(r.split(",", -1));
        }
        return EligibleRows.of(s, DataTable.of(Path.of("c.csv"), COLUMNS, cells, Missing.standard()));
    }

    private static List<String> reasons(EligibleRows e, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(e.reason(i) == null ? "eligible" : e.reason(i));
        }
        return out;
    }

    @Test
    void eachRowIsCountedUnderTheFirstCriterionItFails() {
        Study s = study(List.of(include("age >= 18 or guardian == \"yes\"", "minor without guardian", 1),
                include("ecog <= 2", "ECOG above 2", 2)), List.of(exclude("stage == \"IV\"", "stage IV", 1)));
        EligibleRows e = apply(s,
                "40,,II,1", // eligible
                "12,no,IV,3", // fails all three: the first include rule
                "12,yes,II,1", // a minor with a guardian: the 'or' holds
                "50,,IV,3", // ECOG and stage: the second include rule
                "50,,IV,0", // stage IV
                ",yes,II,0", // age missing, but the guardian decides the 'or'
                ",no,II,0", // age missing and no guardian: undecided, excluded as missing
                "30,no,II,", // ECOG missing: undecided include rule
                "30,no,,1"); // stage missing: the exclude rule is undecided and does not exclude
        assertThat(reasons(e, 9)).containsExactly("eligible", "minor without guardian", "eligible", "ECOG above 2",
                "stage IV", "eligible", "missing value of 'age' for criterion \"minor without guardian\"",
                "missing value of 'ecog' for criterion \"ECOG above 2\"", "eligible");
        assertThat(e.eligible()).containsExactly(0, 2, 5, 8);
        assertThat(e.excludedCount()).isEqualTo(5);
        // per reason in the order of the criteria, each criterion's own reason first (also at 0)
        assertThat(e.excluded()).extracting(Excluded::reason, Excluded::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("minor without guardian", 1),
                org.assertj.core.groups.Tuple.tuple("missing value of 'age' for criterion \"minor without guardian\"", 1),
                org.assertj.core.groups.Tuple.tuple("ECOG above 2", 1),
                org.assertj.core.groups.Tuple.tuple("missing value of 'ecog' for criterion \"ECOG above 2\"", 1),
                org.assertj.core.groups.Tuple.tuple("stage IV", 1));
        assertThat(e.excluded().get(0).firstRows()).containsExactly(2);
        assertThat(e.eligibleTable().size()).isEqualTo(4);
        assertThat(e.eligibleTable().where(1)).isEqualTo("c.csv, data row 3"); // located as in the whole file
    }

    @Test
    void aCriterionThatExcludesNoRowIsListedWithZeroAndMissingValuesOfSeveralColumnsAreNamed() {
        Study s = study(List.of(include("age >= 18 and ecog <= 2", "adult with ECOG 0-2", 1)),
                List.of(exclude("stage == \"IV\"", "stage IV", 1)));
        EligibleRows e = apply(s, "40,,II,1", ",,II,", "50,,II,1");
        assertThat(e.reason(1)).isEqualTo("missing values of 'age', 'ecog' for criterion \"adult with ECOG 0-2\"");
        assertThat(e.excluded()).extracting(Excluded::reason, Excluded::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("adult with ECOG 0-2", 0),
                org.assertj.core.groups.Tuple.tuple("missing values of 'age', 'ecog' for criterion"
                        + " \"adult with ECOG 0-2\"", 1),
                org.assertj.core.groups.Tuple.tuple("stage IV", 0));
    }

    @Test
    void withoutCriteriaEveryRowIsEligibleAndTheTableIsTheSame() {
        Study s = study(List.of(), List.of());
        DataTable t = DataTable.of(Path.of("c.csv"), COLUMNS, List.<String[]>of(new String[] {"1", "", "", ""}),
                Missing.standard());
        EligibleRows e = EligibleRows.of(s, t);
        assertThat(e.criteria()).isFalse();
        assertThat(e.eligibleTable()).isSameAs(t);
        assertThat(e.excluded()).isEmpty();
    }
}
