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
import org.survkit.report.CensorMark;
import org.survkit.report.KaplanMeierPlot;
import org.survkit.report.Palette;
import org.survkit.report.SurvivalScale;
import org.survkit.stats.ConfidenceType;
import org.survkit.stats.Factor;
import org.survkit.stats.GroupCurve;
import org.survkit.stats.KaplanMeier;
import org.survkit.stats.LogRankResult;
import org.survkit.stats.LogRankTest;
import org.survkit.stats.Preset;
import org.survkit.stats.Weighting;

/**
 * The Kaplan–Meier figure of the page: the cohort read as {@code survkit km} reads it (same option names), curves
 * from survkit-stats' {@link KaplanMeier}, the test from {@link LogRankTest} on the groups shown, drawn by
 * survkit-report's {@link KaplanMeierPlot}.
 */
final class FigureMaker {
    /** More curves than this cannot be told apart in one figure. */
    static final int MAX_GROUPS = 24;
    private static final Set<String> COHORT_OPTIONS = Set.of("time", "start_date", "end_date", "time_unit",
            "date_format", "event", "event_value", "na", "sheet", "landmark", "group", "conf_type", "conf_level",
            "preset", "median_rule", "test", "rho", "gamma", "strata", "at", "tau", "pairwise", "adjust", "trend",
            "scores", "conservative", "rmst", "table");
    private static final Set<String> FIGURE_OPTIONS = Set.of("groups", "colors", "confidence_bands", "risk_table",
            "median_lines", "censor_marks", "scale", "horizon", "time_label", "title", "legend_title", "show_test");

    private FigureMaker() {
    }

    /** {@return the SVG of the figure} */
    static String svg(Path data, ObjectNode options, ObjectNode figure) {
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
                    .eventValue(text(options, "event_value")).naCodes(list(options, "na")).sheet(text(options, "sheet"))
                    .group(group);
            Cohort c = CohortReader.read(data, spec);
            Double landmark = number(options, "landmark");
            if (landmark != null) {
                c = c.landmark(landmark);
            }
            if (c.size() == 0) {
                throw ApiError.badRequest("no rows left to draw after excluding " + c.rowsExcluded()
                        + " rows: check the column choices and missing codes.");
            }
            Preset preset = text(options, "preset") == null ? Preset.SURVKIT : Preset.parse(text(options, "preset"));
            ConfidenceType ct = text(options, "conf_type") == null ? preset.confType()
                    : ConfidenceType.parse(text(options, "conf_type"));
            Double level = number(options, "conf_level");
            KaplanMeier km = KaplanMeier.withDefaults().with(ct).withConfLevel(level == null ? 0.95 : level);
            String[] labels = c.group();
            List<GroupCurve> curves;
            if (labels == null) {
                curves = List.of(new GroupCurve("all", km.fit(c.time(), c.event())));
            } else {
                int k = Factor.of(labels).levelCount();
                if (k > MAX_GROUPS) {
                    throw ApiError.badRequest("column '" + group + "' has " + k + " distinct values: a figure shows at"
                            + " most " + MAX_GROUPS + " groups. Is it an identifier or a continuous measurement?"
                            + " Choose a grouping column with a few values.");
                }
                curves = km.fit(c.time(), c.event(), labels);
            }
            KaplanMeierPlot plot = KaplanMeierPlot.of(curves);
            List<String> shown = list(figure, "groups");
            if (!shown.isEmpty()) {
                plot = plot.withGroups(shown.toArray(new String[0]));
            }
            List<String> colors = list(figure, "colors");
            if (!colors.isEmpty()) {
                plot = plot.with(new Palette(colors));
            }
            boolean showTest = !figure.has("show_test") || figure.get("show_test").asBoolean(true);
            Set<String> shownSet = shown.isEmpty() ? null : new LinkedHashSet<>(shown);
            if (labels != null && showTest && (shownSet == null ? curves.size() : shownSet.size()) >= 2) {
                plot = plot.withTest(test(c, labels, shownSet, options, preset));
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
            Double horizon = number(figure, "horizon");
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
            return plot.svg();
        } catch (InputException e) {
            throw ApiError.badRequest(Messages.clean(e.getMessage(), data.getParent()));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static LogRankResult test(Cohort c, String[] labels, Set<String> shown, ObjectNode options, Preset preset) {
        String testName = text(options, "test");
        Weighting w = testName == null ? preset.weighting() : Weighting.parse(testName);
        LogRankTest engine = w == Weighting.FLEMING_HARRINGTON
                ? LogRankTest.withDefaults().withFlemingHarrington(orZero(number(options, "rho")),
                        orZero(number(options, "gamma")))
                : LogRankTest.withDefaults().with(w);
        if (shown == null) {
            return engine.test(c.time(), c.event(), Factor.of(labels), null);
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
        for (int i = 0; i < t.length; i++) {
            int r = keep.get(i);
            t[i] = c.time()[r];
            e[i] = c.event()[r];
            g[i] = labels[r];
        }
        return engine.test(t, e, Factor.of(g), null);
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
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
