package org.survkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.survkit.io.Cohort;
import org.survkit.io.CohortReader;
import org.survkit.io.CohortSpec;
import org.survkit.io.InputException;
import org.survkit.io.TimeUnit;
import org.survkit.study.Estimates;
import org.survkit.study.Study;
import org.survkit.study.key.StudyKeys;
import org.survkit.plot.FigureSize;
import org.survkit.plot.CensorMark;
import org.survkit.plot.KaplanMeierPlot;
import org.survkit.plot.LegendPosition;
import org.survkit.plot.LineTypes;
import org.survkit.plot.Palette;
import org.survkit.plot.SurvivalScale;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.cox.GroupScoreTest;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.model.Factor;

/**
 * The Kaplan–Meier figure of the page: the cohort read as {@code survkit km} reads it (same option names: missing
 * codes, decimal mark, invalid values, event and censored values, landmark, horizon, strata), curves from
 * survkit-stats' {@link KaplanMeier} in the study's group order (as the report orders them: the groups listed first,
 * in that order, then the others in their natural order), the test from {@link LogRankTest} on the groups shown,
 * drawn by survkit-plot's {@link KaplanMeierPlot}.
 */
final class FigureMaker {
    /** More curves than this cannot be told apart in one figure. */
    static final int MAX_GROUPS = 24;
    private static final Set<String> COHORT_OPTIONS = Set.of("time", "start_date", "end_date", "time_unit",
            "date_format", "decimal", "invalid", "event", "event_value", "censor_value", "na", "sheet", "landmark",
            "horizon", "group", "conf_type", "conf_level", "preset", "median_rule", "test", "rho", "gamma", "strata",
            "at", "tau", "pairwise", "adjust", "trend", "scores", "conservative", "rmst", "table", "weights", "start",
            // how the page prints (the figure's P in the study's P style and digits; the tables' choices ignored)
            StudyKeys.P_STYLE.flatName(), StudyKeys.P_DIGITS.flatName(), StudyKeys.HAZARD_RATIOS.flatName(),
            StudyKeys.TABLE1_P_VALUES.flatName(), StudyKeys.TABLE1_PERCENT.flatName(),
            StudyKeys.TABLE1_CONTINUOUS.flatName());
    private static final Set<String> FIGURE_OPTIONS = Set.of("groups", "colors", "confidence_bands", "risk_table",
            "median_lines", "censor_marks", "scale", "horizon", "time_label", "title", "legend_title", "show_test",
            "line_types", "legend", "formats", "width_mm", "dpi");

    private FigureMaker() {
    }

    /** {@return the SVG of the figure, groups in their natural order} */
    static String svg(Path data, ObjectNode options, ObjectNode figure) {
        return svg(data, options, figure, List.of());
    }

    /**
     * {@return the SVG of the figure}
     *
     * @param order the study's group order ({@code groups.order}): the legend's order and the colours' order
     */
    static String svg(Path data, ObjectNode options, ObjectNode figure, List<String> order) {
        options = options == null ? JsonBodies.MAPPER.createObjectNode() : options;
        figure = figure == null ? JsonBodies.MAPPER.createObjectNode() : figure;
        check(options, COHORT_OPTIONS, "options");
        check(figure, FIGURE_OPTIONS, "figure");
        String group = text(options, "group");
        String time = text(options, "time");
        String unitText = text(options, "time_unit");
        try {
            if (time == null && text(options, "start_date") == null) {
                throw ApiError.badRequest("say where the follow-up time is: a time column, or start and end dates.");
            }
            if (text(options, "event") == null) {
                throw ApiError.badRequest("choose the event column.");
            }
            CohortSpec spec = CohortSpec.builder().time(time).startDate(text(options, "start_date"))
                    .endDate(text(options, "end_date")).timeUnit(TimeUnit.parse(unitText == null ? "days" : unitText))
                    .dateFormat(text(options, "date_format")).event(text(options, "event"))
                    .decimal(WebValues.of(StudyKeys.DECIMAL, options, "decimal"))
                    .invalid(WebValues.of(StudyKeys.INVALID, options, "invalid"))
                    .eventValues(WebValues.of(StudyKeys.EVENT_VALUE, options, "event_value"))
                    .censorValues(WebValues.of(StudyKeys.EVENT_CENSOR_VALUE, options, "censor_value"))
                    .naCodes(list(options, "na")).sheet(text(options, "sheet")).group(group)
                    .strata(text(options, "strata"))
                    .weights(WebValues.of(StudyKeys.WEIGHTS, options, StudyKeys.WEIGHTS.flatName()))
                    .start(WebValues.of(StudyKeys.ENTRY, options, StudyKeys.ENTRY.flatName()));
            Cohort c = CohortReader.read(data, spec);
            Double landmark = WebValues.of(StudyKeys.LANDMARK, options, "landmark");
            if (landmark != null) {
                c = c.landmark(landmark);
            }
            // the study's horizon: follow-up censored there, so that the curves, the legend's events and its P
            // describe the same follow-up as the tables and the report (figure.horizon: the same, as pages sent it)
            Double horizon = WebValues.of(StudyKeys.HORIZON, options, "horizon");
            if (horizon == null) {
                horizon = WebValues.of(StudyKeys.HORIZON, figure, "horizon");
            }
            if (horizon != null) {
                c = c.horizon(horizon);
            }
            if (c.size() == 0) {
                throw ApiError.badRequest("no rows left to draw after excluding " + c.rowsExcluded()
                        + " rows: check the column choices and missing codes.");
            }
            Estimates estimates = WebValues.estimates(options);
            KaplanMeier km = KaplanMeier.withDefaults().with(estimates.confType()).withConfLevel(estimates.confLevel());
            String[] labels = c.group();
            boolean weighted = c.weights() != null || c.start() != null;
            List<GroupCurve> curves;
            if (weighted) {
                // R survfit(Surv(start, time, event) ~ group, weights = w), as km --weights/--start and the report
                curves = km.fit(c.start(), c.time(), c.event(), c.weights(), labels == null
                        ? Factor.single("all", c.size()) : Factor.ordered(labels, order));
            } else if (labels == null) {
                curves = List.of(new GroupCurve("all", km.fit(c.time(), c.event())));
            } else {
                int k = Factor.of(labels).levelCount();
                if (k > MAX_GROUPS) {
                    throw ApiError.badRequest("column '" + group + "' has " + k + " distinct values: a figure shows at"
                            + " most " + MAX_GROUPS + " groups. Is it an identifier or a continuous measurement?"
                            + " Choose a grouping column with a few values.");
                }
                curves = km.fit(c.time(), c.event(), Factor.ordered(labels, order));
            }
            KaplanMeierPlot plot = KaplanMeierPlot.of(curves).with(WebValues.output(options).pValueFormat());
            List<String> shown = list(figure, "groups");
            if (!shown.isEmpty()) {
                plot = plot.withGroups(shown.toArray(new String[0]));
            }
            List<String> colors = list(figure, "colors");
            if (!colors.isEmpty()) {
                plot = plot.with(Study.Figures.isGrey(colors) ? Palette.grey() : new Palette(colors));
            }
            LineTypes lineTypes = WebValues.of(StudyKeys.LINE_TYPES, figure, "line_types");
            if (lineTypes != null) {
                plot = plot.with(lineTypes);
            }
            LegendPosition position = WebValues.of(StudyKeys.LEGEND, figure, "legend");
            if (position != null) {
                plot = plot.with(position);
            }
            boolean showTest = !figure.has("show_test") || figure.get("show_test").asBoolean(true);
            Set<String> shownSet = shown.isEmpty() ? null : new LinkedHashSet<>(shown);
            if (labels != null && showTest && (shownSet == null ? curves.size() : shownSet.size()) >= 2) {
                if (weighted) {
                    // the log-rank test takes no weights or entry times: the report's Cox score test
                    GroupScoreTest st = GroupScoreTest.among(c.start(), c.time(), c.event(), c.weights(), labels,
                            order, shownSet, c.strata(), estimates.confLevel());
                    plot = plot.withPValue(st.robust() ? "Robust score" : "Cox score", st.test().pValue());
                } else {
                    plot = plot.withTest(test(c, labels, shownSet, WebValues.comparisons(options, estimates).engine()));
                }
            }
            plot = plot.withConfidenceBands(bool(figure, "confidence_bands", false))
                    .withRiskTable(bool(figure, "risk_table", true))
                    .withMedianLines(bool(figure, "median_lines", false));
            String marks = text(figure, "censor_marks");
            if ("none".equals(marks)) {
                plot = plot.withCensorMarks(false);
            } else if (marks != null) {
                plot = plot.with(Choices.parse(CensorMark.class, marks, "censor_marks"));
            }
            String scale = text(figure, "scale");
            if (scale != null) {
                plot = plot.with(Choices.parse(SurvivalScale.class, scale, "scale"));
            }
            if (horizon != null) {
                plot = plot.withHorizon(horizon);
            }
            String unitLabel = time != null ? unitText : (unitText == null ? "days" : unitText);
            if (unitLabel != null) {
                plot = plot.withTimeUnit(unitLabel);
            }
            if (text(figure, "time_label") != null) {
                plot = plot.withTimeLabel(text(figure, "time_label"));
            }
            if (text(figure, "title") != null) {
                plot = plot.withTitle(text(figure, "title"));
            }
            String legend = text(figure, "legend_title");
            if (legend != null || group != null) {
                plot = plot.withLegendTitle(legend != null ? legend : group);
            }
            return FigureSize.ofWidth(WebValues.ofOrDefault(StudyKeys.FIGURE_WIDTH, figure, "width_mm")).svg(plot);
        } catch (InputException e) {
            throw ApiError.badRequest(Messages.forPage(e.getMessage(), data.getParent()));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    /** The legend's test: the study's test on the groups shown, stratified as the study's comparisons are. */
    private static LogRankResult test(Cohort c, String[] labels, Set<String> shown, LogRankTest engine) {
        String[] strata = c.strata();
        if (shown == null) {
            return engine.test(c.time(), c.event(), Factor.of(labels), strata == null ? null : Factor.of(strata));
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (shown.contains(labels[i])) {
                keep.add(i);
            }
        }
        double[] t = new double[keep.size()];
        boolean[] e = new boolean[keep.size()];
        String[] g = new String[keep.size()];
        String[] st = strata == null ? null : new String[keep.size()];
        for (int i = 0; i < t.length; i++) {
            int r = keep.get(i);
            t[i] = c.time()[r];
            e[i] = c.event()[r];
            g[i] = labels[r];
            if (st != null) {
                st[i] = strata[r];
            }
        }
        return engine.test(t, e, Factor.of(g), st == null ? null : Factor.of(st));
    }

    private static void check(ObjectNode o, Set<String> allowed, String what) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw ApiError.badRequest("unknown " + what + " member '" + Datasets.clip(k) + "'; known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
            }
        }
    }

    static String text(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    static Double number(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText().trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'" + key + "' must be a number, not '" + Datasets.clip(v.asText()) + "'.");
        }
    }

    static boolean bool(ObjectNode o, String key, boolean otherwise) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? otherwise : v.asBoolean(otherwise);
    }

    static List<String> list(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else if (!v.asText().isBlank()) {
            for (String s : v.asText().split(",")) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
