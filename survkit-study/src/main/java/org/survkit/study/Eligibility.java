package org.survkit.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.survkit.study.rules.RuleExpression;

/**
 * A study's eligibility criteria, as a protocol lists them: the study file's {@code include} and {@code exclude}
 * lists of {@code {when: RULE, reason: TEXT}}, in the rule language of the group rules.
 *
 * <p>Semantics (STROBE's "reasons for non-participation at each stage"):
 * <ul>
 * <li>a row is analysed only if every {@code include} rule holds and no {@code exclude} rule holds;</li>
 * <li>an excluded row is counted once, under the <b>first</b> criterion it fails, in file order: the include rules
 *     in order, then the exclude rules in order; the flow diagram, the {@code excluded_by} column of
 *     {@code analysis.csv} and the methods paragraph name it by that criterion's {@code reason};</li>
 * <li>{@code reason} is the reason for exclusion, as the flow diagram lists it, for both kinds: an include rule
 *     {@code age >= 18} has the reason "younger than 18", an exclude rule {@code stage == "IV"} the reason
 *     "metastatic disease at inclusion";</li>
 * <li>rules are decided in three-valued logic ({@link RuleExpression#decide}): a comparison with a missing value
 *     is unknown. An include rule that is unknown excludes the row (its eligibility cannot be established), under
 *     its own reason {@link Criterion#missingReason}, e.g. {@code missing value of 'age' for criterion "younger
 *     than 18"}, so that the flow shows how many rows lacked the data to decide. An exclude rule that is unknown
 *     does not exclude (nothing shows the row meets it);</li>
 * <li>eligibility is decided before the follow-up time, the event and the groups are derived: the rows it
 *     excludes are not counted again as missing data, and their values are not read.</li>
 * </ul>
 *
 * @param include the include rules, in file order
 * @param exclude the exclude rules, in file order
 */
public record Eligibility(List<Criterion> include, List<Criterion> exclude) {

    private static final Eligibility NONE = new Eligibility(List.of(), List.of());

    public Eligibility {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        for (Criterion c : include) {
            if (!c.include()) {
                throw new IllegalArgumentException("an exclude rule among the include rules: " + c.key());
            }
        }
        for (Criterion c : exclude) {
            if (c.include()) {
                throw new IllegalArgumentException("an include rule among the exclude rules: " + c.key());
            }
        }
    }

    /** {@return no criteria: every row is eligible} */
    public static Eligibility none() {
        return NONE;
    }

    /** {@return whether there is no criterion} */
    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }

    /** {@return every criterion in the order rows are checked: the include rules, then the exclude rules} */
    public List<Criterion> criteria() {
        List<Criterion> all = new ArrayList<>(include);
        all.addAll(exclude);
        return List.copyOf(all);
    }

    /** {@return the columns the rules use, each once} */
    public Set<String> columnNames() {
        Set<String> out = new LinkedHashSet<>();
        for (Criterion c : criteria()) {
            out.addAll(c.when().columnNames());
        }
        return out;
    }

    /**
     * One criterion.
     *
     * @param include  an include rule (the row must satisfy it), else an exclude rule (the row must not)
     * @param when     the rule
     * @param reason   the reason for exclusion of the rows it excludes
     * @param line     line of the criterion's {@code when} in the study file (0 when not read from a file)
     * @param position 1-based index within its list
     */
    public record Criterion(boolean include, RuleExpression when, String reason, int line, int position) {
        public Criterion {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a criterion needs a reason");
            }
            if (position < 1) {
                throw new IllegalArgumentException("positions count from 1: " + position);
            }
        }

        /** {@return the list it belongs to: {@code include} or {@code exclude}} */
        public String list() {
            return include ? "include" : "exclude";
        }

        /** {@return the study-file key of its rule, e.g. {@code include[2].when}} */
        public String key() {
            return list() + "[" + position + "].when";
        }

        /**
         * The reason of the rows an include rule excludes because values it needs are missing.
         *
         * @param missing the columns whose value is missing (at least one)
         * @return e.g. {@code missing value of 'age' for criterion "younger than 18"}
         */
        public String missingReason(List<String> missing) {
            if (missing.isEmpty()) {
                throw new IllegalArgumentException("no missing column");
            }
            return (missing.size() == 1 ? "missing value of " : "missing values of ")
                    + String.join(", ", missing.stream().map(c -> "'" + c + "'").toList()) + missingSuffix();
        }

        /** {@return whether a reason of the flow is one of this criterion's missing-value reasons} */
        public boolean isMissingReason(String text) {
            return include && text.startsWith("missing value") && text.endsWith(missingSuffix());
        }

        private String missingSuffix() {
            return " for criterion \"" + reason + "\"";
        }
    }
}
