package org.survkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.survkit.io.InputException;
import org.survkit.study.Comparisons;
import org.survkit.study.Study;
import org.survkit.study.Estimates;
import org.survkit.study.Rmst;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;

/**
 * Reads the page's options (the command line's option names in snake_case) with the study keys' one parser, and
 * resolves them into the study model's parts, so that the page means what the command line and the study file mean.
 */
final class WebValues {
    private WebValues() {
    }

    /**
     * {@return the value of a field read by its study key (a list as a JSON array or a,b,c; pairs as an object
     * {"COL": "LEVEL"}), or null when absent}
     */
    static <T> T of(StudyKey<T> key, ObjectNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        if (v.isObject()) {
            List<String> items = new ArrayList<>();
            v.fields().forEachRemaining(e -> items.add(e.getKey() + "=" + e.getValue().asText()));
            return items.isEmpty() ? null : key.parseItems(items, Where.WEB_PAGE);
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.asText()));
            return key.parseItems(items, Where.WEB_PAGE);
        }
        return key.parse(v.asText(), Where.WEB_PAGE);
    }

    /** {@return the value of a field read by its study key, or the key's default when absent} */
    static <T> T ofOrDefault(StudyKey<T> key, ObjectNode o, String field) {
        T v = of(key, o, field);
        return v == null ? key.defaultValue() : v;
    }

    /**
     * {@return a list of labels as the study file reads one (missing-value codes, the group order): a JSON array's
     * items as written (a label may hold a comma), or a comma-separated text; empty when absent; each once}
     */
    static List<String> labels(StudyKey<List<String>> key, ObjectNode o, String field) {
        List<String> out = new ArrayList<>();
        for (String s : FigureMaker.list(o, field)) {
            String item = s.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (out.contains(item)) {
                throw new InputException(Where.WEB_PAGE.name(key) + ": '" + item + "' is listed twice.");
            }
            out.add(item);
        }
        return List.copyOf(out);
    }

    /** {@return the estimates the options ask for (preset resolved by the study model)} */
    static Estimates estimates(ObjectNode o) {
        return Estimates.resolve(of(StudyKeys.PRESET, o, "preset"), of(StudyKeys.CONF_TYPE, o, "conf_type"),
                of(StudyKeys.CONF_LEVEL, o, "conf_level"), of(StudyKeys.MEDIAN_RULE, o, "median_rule"),
                of(StudyKeys.AT, o, "at"), tau(o));
    }

    /** {@return the RMST horizon: tau, else the horizon of compare's rmst option} */
    private static Double tau(ObjectNode o) {
        Double tau = of(StudyKeys.TAU, o, "tau");
        return tau != null ? tau : of(StudyKeys.TAU, o, "rmst");
    }

    /** {@return the comparisons the options ask for} */
    static Comparisons comparisons(ObjectNode o, Estimates estimates) {
        return Comparisons.resolve(estimates, of(StudyKeys.TEST, o, "test"), of(StudyKeys.RHO, o, "rho"),
                of(StudyKeys.GAMMA, o, "gamma"), orDefault(of(StudyKeys.PAIRWISE, o, "pairwise"), true),
                of(StudyKeys.ADJUST, o, "adjust"), of(StudyKeys.TREND, o, "trend"), of(StudyKeys.SCORES, o, "scores"),
                of(StudyKeys.CONSERVATIVE, o, "conservative"), of(StudyKeys.TAU, o, "rmst") != null ? Rmst.YES : null,
                Where.WEB_PAGE).withHazardRatios(of(StudyKeys.HAZARD_RATIOS, o, StudyKeys.HAZARD_RATIOS.flatName()));
    }

    /**
     * What the page's study writes and how it prints, read by their study keys from the options ({@code p_style},
     * {@code p_digits}, {@code table1_p_values}, {@code table1_percent}, {@code table1_continuous}: the flags' names):
     * the folder report, no Word or Excel files.
     */
    static Study.Output output(ObjectNode o) {
        Integer digits = of(StudyKeys.P_DIGITS, o, StudyKeys.P_DIGITS.flatName());
        org.survkit.stats.PValueFormat.Style style = of(StudyKeys.P_STYLE, o, StudyKeys.P_STYLE.flatName());
        Boolean p = of(StudyKeys.TABLE1_P_VALUES, o, StudyKeys.TABLE1_P_VALUES.flatName());
        org.survkit.study.Percent percent = of(StudyKeys.TABLE1_PERCENT, o, StudyKeys.TABLE1_PERCENT.flatName());
        org.survkit.study.Summary continuous = of(StudyKeys.TABLE1_CONTINUOUS, o,
                StudyKeys.TABLE1_CONTINUOUS.flatName());
        org.survkit.study.Table1Style d = org.survkit.study.Table1Style.defaults();
        return new Study.Output(Study.Output.defaults().folder(), false,
                digits == null ? StudyKeys.P_DIGITS.defaultValue() : digits, style,
                new org.survkit.study.Table1Style(p == null ? d.pValues() : p, percent == null ? d.percent() : percent,
                        continuous == null ? d.continuous() : continuous));
    }

    private static Boolean orDefault(Boolean b, boolean fallback) {
        return b == null ? fallback : b;
    }
}
