package org.survkit.study.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleExpressionTest {

    static final List<String> HEADER = List.of("er", "pr", "her2", "age", "grade", "ER status");

    /** Evaluates on one row; "~" marks a missing cell. */
    static boolean eval(String expr, String... cells) {
        RuleExpression e = RuleExpression.parse(expr).bind(HEADER);
        String[] row = Arrays.copyOf(cells, HEADER.size());
        return e.test(c -> row[c] == null || row[c].equals("~") ? null : row[c]);
    }

    static final String RECEPTOR = "(er == \"positive\" or pr == \"positive\") and her2 == \"negative\"";

    @ParameterizedTest(name = "er={0} pr={1} her2={2} -> {3}")
    @CsvSource({
        // full truth table of the ER/PR+ HER2- rule over positive/negative
        "positive, positive, positive, false",
        "positive, positive, negative, true",
        "positive, negative, positive, false",
        "positive, negative, negative, true",
        "negative, positive, positive, false",
        "negative, positive, negative, true",
        "negative, negative, positive, false",
        "negative, negative, negative, false",
        // missing values compare false: a missing ER with positive PR still qualifies
        "~, positive, negative, true",
        "~, negative, negative, false",
        "positive, ~, negative, true",
        "positive, positive, ~, false",
        "~, ~, ~, false",
        // text comparison ignores case and blanks around the value
        "POSITIVE, Negative, NEGATIVE, true",
    })
    void receptorRuleTruthTable(String er, String pr, String her2, boolean expected) {
        assertThat(eval(RECEPTOR, er, pr, her2)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on a={1}, b={2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "er == 'x' and pr == 'y' | x | y | true",
        "er == 'x' and pr == 'y' | x | n | false",
        "er == 'x' or pr == 'y'  | n | n | false",
        "er == 'x' or pr == 'y'  | n | y | true",
        "not er == 'x'           | x | y | false",
        "not er == 'x'           | n | y | true",
        "not (er == 'x' or pr == 'y') | n | n | true",
        // and binds tighter than or: a or (b and c)
        "er == 'x' or er == 'y' and pr == 'z' | x | n | true",
        "(er == 'x' or er == 'y') and pr == 'z' | x | n | false",
        // missing compares false for every operator; not negates that false
        "er != 'x'               | ~ | y | false",
        "not er == 'x'           | ~ | y | true",
        "er in ['a', 'b']        | ~ | y | false",
        "er not in ['a', 'b']    | ~ | y | false",
        "er not in ['a', 'b']    | c | y | true",
        "er in ['a', 'B']        | b | y | true",
        "er == pr                | A | a | true",
        "er == pr                | ~ | ~ | false",
        "er < pr                 | 2 | 10 | true",
        "er < pr                 | b | a10 | false",
        "er == 1 AnD pr == 2     | 1 | 2 | true",
        "er == 1 OR pr == 2      | 0 | 2 | true",
        "NOT er == 1             | 0 | 2 | true",
    })
    void logicAndMissingValues(String expr, String a, String b, boolean expected) {
        assertThat(eval(expr, a, b)).isEqualTo(expected);
    }

    @Test
    void numbersCompareNumerically() {
        assertThat(eval("age >= 50", null, null, null, "50")).isTrue();
        assertThat(eval("age >= 50", null, null, null, "9")).isFalse(); // not "9" > "50" as text
        assertThat(eval("age < 50.5", null, null, null, "50.25")).isTrue();
        assertThat(eval("age == 42", null, null, null, "42.0")).isTrue();
        assertThat(eval("age in [40, 41, 42]", null, null, null, "41")).isTrue();
        assertThat(eval("age > -1", null, null, null, "0")).isTrue();
        assertThat(eval("age >= 50", null, null, null, "~")).isFalse();
        assertThat(eval("grade == 'III'", null, null, null, null, "iii")).isTrue();
        assertThat(eval("`ER status` == 'pos'", null, null, null, null, null, "POS")).isTrue();
    }

    /** Decides on one row in three-valued logic; "~" marks a missing cell; "unknown" for null. */
    static String decide(String expr, String... cells) {
        RuleExpression e = RuleExpression.parse(expr).bind(HEADER);
        String[] row = Arrays.copyOf(cells, HEADER.size());
        Boolean b = e.decide(c -> row[c] == null || row[c].equals("~") ? null : row[c]);
        return b == null ? "unknown" : b.toString();
    }

    @ParameterizedTest(name = "{0} on a={1}, b={2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        // Kleene's logic (SQL's WHERE): a comparison with a missing value is unknown ...
        "er == 'x'               | ~ | y | unknown",
        "er != 'x'               | ~ | y | unknown",
        "er in ['a', 'b']        | ~ | y | unknown",
        "er not in ['a', 'b']    | ~ | y | unknown",
        "age >= 18               | ~ | y | unknown",
        // ... not keeps it unknown (where test() reads 'not false' = true) ...
        "not er == 'x'           | ~ | y | unknown",
        // ... and 'and' / 'or' propagate it unless the other side decides
        "er == 'x' and pr == 'y' | ~ | n | false",
        "er == 'x' and pr == 'y' | ~ | y | unknown",
        "er == 'x' or pr == 'y'  | ~ | y | true",
        "er == 'x' or pr == 'y'  | ~ | n | unknown",
        "pr == 'y' or er == 'x'  | ~ | y | true",
        "pr == 'n' and er == 'x' | ~ | y | false",
        // without missing values decide() is test()
        "er == 'x' and pr == 'y' | x | y | true",
        "not (er == 'x' or pr == 'y') | n | n | true",
        "er not in ['a', 'b']    | c | y | true",
    })
    void decideIsThreeValued(String expr, String a, String b, String expected) {
        String[] cells = {a, b, null, expr.startsWith("age") ? a : null};
        assertThat(decide(expr, cells)).isEqualTo(expected);
    }

    @Test
    void decideAgreesWithTestWheneverNoCellIsMissing() {
        String[] values = {"x", "y", "n"};
        for (String expr : List.of(RECEPTOR.replace("positive", "x").replace("negative", "n"),
                "not (er == 'x') or pr in ['y']", "er != pr and not her2 == 'n'")) {
            for (String a : values) {
                for (String b : values) {
                    for (String c : values) {
                        assertThat(decide(expr, a, b, c)).as(expr + " " + a + b + c)
                                .isEqualTo(Boolean.toString(eval(expr, a, b, c)));
                    }
                }
            }
        }
    }

    @Test
    void theMissingColumnsOfARowAreNamedInOrderOfUse() {
        RuleExpression e = RuleExpression.parse("age >= 18 and (er == 'x' or age < 90) and pr == 'y'").bind(HEADER);
        String[] row = {null, "y", null, null}; // er, pr, her2, age
        assertThat(e.missingIn(c -> c < row.length ? row[c] : null)).containsExactly("age", "er");
    }

    @Test
    void aTextCellComparedWithANumberIsAnError() {
        assertThatThrownBy(() -> eval("age >= 50", null, null, null, "unknown"))
                .isInstanceOf(RuleExpression.ValueError.class)
                .hasMessage("value \"unknown\" of column 'age' is not a number, but the rule compares it with 50");
    }

    @Test
    void columnsArePositionedAndBound() {
        RuleExpression e = RuleExpression.parse(RECEPTOR);
        assertThat(e.columnNames()).containsExactly("er", "pr", "her2");
        assertThat(e.positionOf("her2")).isEqualTo(44);
        assertThatThrownBy(() -> RuleExpression.parse("her3 == 'x'").bind(HEADER))
                .isInstanceOf(RuleExpression.SyntaxError.class).hasMessage("unknown column 'her3'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "er = 'x'                | 4  | '=' is not a comparison; write '==' to test equality",
        "er == 'x' && pr == 'y'  | 11 | '&' is not an operator here; write 'and'",
        "er == 'x                | 7  | the text starting with ' is not closed; add the closing '",
        "er == 'x' and           | 14 | the rule ends too early; expected a column, a text or a number",
        "er 'x'                  | 4  | unexpected text \"x\"; expected a comparison (==, !=, <, <=, >, >= or in [...]) after column 'er'",
        "er in 'x'               | 7  | unexpected text \"x\"; expected '[' to start the list after 'in', e.g. in [\"II\", \"III\"]",
        "er in ['x' 'y']         | 12 | unexpected text \"y\"; expected ',' or ']' in the list opened at position 7",
        "(er == 'x'              | 11 | the rule ends too early; expected ')' to close the '(' at position 1",
        "er == 'x')              | 10 | unexpected ')'; expected 'and', 'or' or the end of the rule",
        "er == #                 | 7  | unexpected character '#'; column names with spaces or symbols are written in backticks, texts in quotes",
        "'                       | 1  | the text starting with ' is not closed; add the closing '",
    })
    void syntaxErrorsHaveAPositionAndAFix(String expr, int position, String message) {
        assertThatThrownBy(() -> RuleExpression.parse(expr.strip()))
                .isInstanceOfSatisfying(RuleExpression.SyntaxError.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    @Test
    void emptyRule() {
        assertThatThrownBy(() -> RuleExpression.parse("  ")).hasMessageContaining("the rule is empty");
    }
}
