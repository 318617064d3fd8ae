package org.survkit.web;

import org.survkit.study.Comparisons;
import org.survkit.study.Estimates;
import org.survkit.study.Firth;
import org.survkit.study.Rmst;
import org.survkit.study.Summary;
import org.survkit.study.VariableType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.survkit.io.InputException;
import org.survkit.io.TimeUnit;
import org.survkit.plot.CensorMark;
import org.survkit.study.Eligibility;
import org.survkit.study.Study;
import org.survkit.study.rules.RuleExpression;
import org.survkit.stats.cox.Ties;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;
import org.survkit.plot.SurvivalScale;

/**
 * The {@link Study} (what {@code survkit report} runs) that a page's settings describe. Settings are
 * {@code {"options": {...km/compare options...}, "groups": {"order": [...]}, "figure": {...}, "table1": [...],
 * "cox": {"covariates", "categorical", "reference": {"COL": "LEVEL"}, "ties"}, "title", "endpoint"}};
 * {@code options} uses the CLI's option names, as the analyses do (missing-value codes {@code na}, {@code landmark},
 * {@code horizon}, ...); {@code groups.order} is the study's group order (the figure's legend order; the first group
 * is the reference of hazard ratios); {@code groups: {"name", "rules": [{"label", "when"}], "otherwise"}} are groups
 * derived by rules (the study's {@code groups.rules}, parsed by the study's rule language); {@code "include"} and
 * {@code "exclude": [{"when", "reason"}]} are the study's eligibility criteria. Every value is read by its study key.
 */
final class StudyFromSettings {
    private StudyFromSettings() {
    }

    /**
     * @param settings  the page's settings
     * @param studyFile where the study file is written (the data file sits next to it)
     * @param dataName  the data file's name
     */
    static Study study(ObjectNode settings, Path studyFile, String dataName) {
        ObjectNode o = object(settings, "options");
        ObjectNode f = object(settings, "figure");
        ObjectNode cox = object(settings, "cox");
        ObjectNode groupSettings = object(settings, "groups");
        try {
            String timeCol = FigureMaker.text(o, "time");
            String unitText = FigureMaker.text(o, "time_unit");
            String entry = WebValues.of(StudyKeys.ENTRY, o, StudyKeys.ENTRY.flatName());
            Study.Time time;
            if (timeCol != null) {
                time = new Study.Time(timeCol, null, null, null, unitText == null ? null
                        : TimeUnit.parse(unitText).name().toLowerCase(Locale.ROOT), entry, Map.of());
            } else {
                String from = FigureMaker.text(o, "start_date");
                String to = FigureMaker.text(o, "end_date");
                if (from == null || to == null) {
                    throw ApiError.badRequest("say where the follow-up time is: a time column, or start and end dates.");
                }
                TimeUnit unit = TimeUnit.parse(unitText == null ? "days" : unitText);
                time = new Study.Time(null, from, to, unit, unit.name().toLowerCase(Locale.ROOT), entry, Map.of());
            }
            String event = FigureMaker.text(o, "event");
            if (event == null) {
                throw ApiError.badRequest("choose the event column.");
            }
            String group = FigureMaker.text(o, "group");
            List<Study.GroupRule> rules = rules(groupSettings);
            Study.Groups groups;
            if (!rules.isEmpty()) {
                String name = FigureMaker.text(groupSettings, "name");
                String otherwise = FigureMaker.text(groupSettings, "otherwise");
                groups = new Study.Groups(name == null ? "group" : name, null, rules, otherwise,
                        WebValues.labels(StudyKeys.GROUP_ORDER, groupSettings, "order"), 0);
            } else {
                groups = group == null ? null : new Study.Groups(group, group, List.of(), null,
                        WebValues.labels(StudyKeys.GROUP_ORDER, groupSettings, "order"), 0);
            }
            Estimates estimates = WebValues.estimates(o);
            Comparisons comparisons = WebValues.comparisons(o, estimates);
            List<Study.Table1Item> table1 = new ArrayList<>();
            for (String c : FigureMaker.list(settings, "table1")) {
                table1.add(new Study.Table1Item(c, null, VariableType.AUTO, Summary.AUTO, List.of(), 0));
            }
            List<Study.CoxSpec> models = new ArrayList<>();
            List<String> covariates = FigureMaker.list(cox, "covariates");
            if (!covariates.isEmpty()) {
                Ties ties = WebValues.of(StudyKeys.TIES, cox, "ties");
                List<String> categorical = WebValues.of(StudyKeys.CATEGORICAL, cox, "categorical");
                Map<String, String> reference = WebValues.of(StudyKeys.REFERENCE, cox, "reference");
                org.survkit.stats.cox.ZphTransform zph = WebValues.of(StudyKeys.ZPH_TRANSFORM, cox, "zph_transform");
                org.survkit.stats.cox.ConcordanceWeighting concordance = WebValues.of(StudyKeys.CONCORDANCE, cox,
                        "concordance");
                double[] init = WebValues.of(StudyKeys.INIT, cox, "init");
                Integer iterMax = WebValues.of(StudyKeys.ITER_MAX, cox, "iter_max");
                String cluster = WebValues.of(StudyKeys.CLUSTER, cox, "cluster");
                String offset = WebValues.of(StudyKeys.OFFSET, cox, "offset");
                models.add(new Study.CoxSpec("Cox model", covariates, categorical == null ? List.of() : categorical,
                        reference == null ? Map.of() : reference, Firth.AUTO, ties == null ? Ties.EFRON : ties, 0,
                        init, iterMax == null ? StudyKeys.ITER_MAX.defaultValue() : iterMax, zph == null ? StudyKeys.ZPH_TRANSFORM.defaultValue()
                                : zph, concordance == null ? StudyKeys.CONCORDANCE.defaultValue() : concordance,
                        cluster, offset));
            }
            String marks = FigureMaker.text(f, "censor_marks");
            String scale = FigureMaker.text(f, "scale");
            Study.Figures figures = new Study.Figures(FigureMaker.bool(f, "confidence_bands", false),
                    FigureMaker.bool(f, "median_lines", false),
                    marks == null || marks.equals("none") ? CensorMark.PLUS
                            : Choices.parse(CensorMark.class, marks, "censor_marks"), FigureMaker.bool(f, "risk_table",
                            true), scale == null ? SurvivalScale.FRACTION
                            : Choices.parse(SurvivalScale.class, scale, "scale"),
                    WebValues.ofOrDefault(StudyKeys.FIGURE_FORMATS, f, "formats"),
                    WebValues.ofOrDefault(StudyKeys.DPI, f, "dpi"),
                    WebValues.ofOrDefault(StudyKeys.FIGURE_WIDTH, f, "width_mm"),
                    null, FigureMaker.list(f, "colors"), WebValues.ofOrDefault(StudyKeys.LINE_TYPES, f, "line_types"),
                    WebValues.ofOrDefault(StudyKeys.LEGEND, f, "legend"));
            Double landmark = WebValues.of(StudyKeys.LANDMARK, o, "landmark");
            List<String> na = WebValues.labels(StudyKeys.NA, o, "na");
            String title = FigureMaker.text(settings, "title");
            String endpoint = FigureMaker.text(settings, "endpoint");
            Double horizon = WebValues.of(StudyKeys.HORIZON, o, "horizon");
            if (horizon == null) {
                horizon = WebValues.of(StudyKeys.HORIZON, f, "horizon"); // as pages before the study model sent it
            }
            Study study = Study.builder(studyFile, new Study.Data(Path.of(dataName), FigureMaker.text(o, "sheet"),
                            na, FigureMaker.text(o, "date_format"), WebValues.of(StudyKeys.DECIMAL, o, "decimal"),
                            WebValues.of(StudyKeys.INVALID, o, "invalid"), 0), time, event(event, o))
                    .title(title).groups(groups).eligibility(eligibility(settings))
                    .strata(FigureMaker.text(o, "strata"))
                    .weights(WebValues.of(StudyKeys.WEIGHTS, o, StudyKeys.WEIGHTS.flatName()))
                    .endpoint(endpoint == null ? StudyKeys.ENDPOINT.defaultValue() : endpoint)
                    .horizon(horizon == null ? Double.NaN : horizon).landmark(landmark == null ? Double.NaN : landmark)
                    .estimates(estimates).table1(table1).comparisons(comparisons).cox(models).figures(figures)
                    .output(WebValues.output(o))
                    .build(k -> Where.WEB_PAGE);
            return study;
        } catch (InputException | IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    /** The event: its column, the values that are an event and those that mean censored, each read by its key. */
    static Study.Event event(String column, ObjectNode o) {
        return new Study.Event(column, WebValues.of(StudyKeys.EVENT_VALUE, o, "event_value"),
                WebValues.of(StudyKeys.EVENT_CENSOR_VALUE, o, "censor_value"), 0);
    }

    /** {@return whether the page's groups are derived by rules (a non-empty {@code groups.rules})} */
    static boolean hasRules(ObjectNode groupSettings) {
        return groupSettings != null && groupSettings.get("rules") instanceof com.fasterxml.jackson.databind.node.ArrayNode a
                && !a.isEmpty();
    }

    /**
     * The page's group rules ({@code groups.rules: [{"label", "when"}]}), parsed by the study's rule language.
     *
     * @throws ApiError 400 naming the rule and the position of a syntax error
     */
    static List<Study.GroupRule> rules(ObjectNode groupSettings) {
        List<Study.GroupRule> out = new ArrayList<>();
        if (!hasRules(groupSettings)) {
            return out;
        }
        int i = 0;
        for (com.fasterxml.jackson.databind.JsonNode r : groupSettings.get("rules")) {
            i++;
            if (!(r instanceof ObjectNode rule)) {
                throw ApiError.badRequest("group rule " + i + " must have a label and a condition.");
            }
            String label = FigureMaker.text(rule, "label");
            String when = FigureMaker.text(rule, "when");
            if (label == null || label.isBlank()) {
                throw ApiError.badRequest("group rule " + i + " needs a label.");
            }
            if (when == null || when.isBlank()) {
                throw ApiError.badRequest("group rule " + i + " ('" + label + "') needs a condition.");
            }
            try {
                out.add(new Study.GroupRule(label, org.survkit.study.rules.RuleExpression.parse(when), 0, i));
            } catch (org.survkit.study.rules.RuleExpression.SyntaxError e) {
                throw ApiError.badRequest("group rule " + i + " ('" + label + "'), position " + e.position() + ": "
                        + e.getMessage() + ".\n  " + when + "\n  " + " ".repeat(Math.max(0, e.position() - 1)) + "^");
            }
        }
        return out;
    }

    /** {@return whether the page's settings (or a request) have eligibility criteria (a non-empty include or exclude)}
     */
    static boolean hasCriteria(ObjectNode settings) {
        return settings != null && (settings.get("include") instanceof ArrayNode i && !i.isEmpty()
                || settings.get("exclude") instanceof ArrayNode e && !e.isEmpty());
    }

    /**
     * The page's eligibility criteria ({@code include} and {@code exclude}: {@code [{"when", "reason"}]}), parsed by
     * the study's rule language; the study file's rules: a reason is required and used once.
     *
     * @throws ApiError 400 naming the criterion (and the position of a syntax error)
     */
    static Eligibility eligibility(ObjectNode settings) {
        if (!hasCriteria(settings)) {
            return Eligibility.none();
        }
        java.util.Set<String> reasons = new java.util.HashSet<>();
        List<Eligibility.Criterion> include = criteria(settings, true, reasons);
        List<Eligibility.Criterion> exclude = criteria(settings, false, reasons);
        return new Eligibility(include, exclude);
    }

    private static List<Eligibility.Criterion> criteria(ObjectNode settings, boolean include,
            java.util.Set<String> reasons) {
        List<Eligibility.Criterion> out = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode list = settings.get(include ? "include" : "exclude");
        if (list == null || list.isNull()) {
            return out;
        }
        String what = include ? StudyKeys.INCLUDE_WHEN.label() : StudyKeys.EXCLUDE_WHEN.label();
        if (!(list instanceof ArrayNode a)) {
            throw ApiError.badRequest("'" + (include ? "include" : "exclude") + "' must be a list of {\"when\","
                    + " \"reason\"}.");
        }
        int i = 0;
        for (com.fasterxml.jackson.databind.JsonNode c : a) {
            i++;
            if (!(c instanceof ObjectNode o)) {
                throw ApiError.badRequest(what + " " + i + " must have a rule and a reason.");
            }
            String when = FigureMaker.text(o, "when");
            String reason = FigureMaker.text(o, "reason");
            if (when == null || when.isBlank()) {
                throw ApiError.badRequest(what + " " + i + " needs a rule, e.g. " + (include ? "age >= 18"
                        : "stage == \"IV\"") + ".");
            }
            if (reason == null || reason.isBlank()) {
                throw ApiError.badRequest(what + " " + i + " needs a reason: the reason for exclusion that the flow"
                        + " diagram lists, e.g. " + (include ? "younger than 18" : "metastatic disease at inclusion")
                        + ".");
            }
            reason = reason.strip();
            if (reason.contains("\n") || reason.contains("\r")) {
                throw ApiError.badRequest(what + " " + i + ": write the reason on one line.");
            }
            if (!reasons.add(reason)) {
                throw ApiError.badRequest(what + " " + i + ": the reason '" + reason + "' is used by another"
                        + " criterion; give each criterion its own reason.");
            }
            try {
                out.add(new Eligibility.Criterion(include, RuleExpression.parse(when), reason, 0, i));
            } catch (RuleExpression.SyntaxError e) {
                throw ApiError.badRequest(what + " " + i + " ('" + reason + "'), position " + e.position() + ": "
                        + e.getMessage() + ".\n  " + when + "\n  " + " ".repeat(Math.max(0, e.position() - 1)) + "^");
            }
        }
        return out;
    }

    private static ObjectNode object(ObjectNode parent, String key) {
        if (parent.get(key) instanceof ObjectNode o) {
            return o;
        }
        return JsonBodies.MAPPER.createObjectNode();
    }
}
