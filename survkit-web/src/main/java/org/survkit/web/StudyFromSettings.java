package org.survkit.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.survkit.io.TimeUnit;
import org.survkit.report.CensorMark;
import org.survkit.report.Study;
import org.survkit.report.SurvivalScale;
import org.survkit.stats.ConfidenceType;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.Preset;
import org.survkit.stats.Ties;
import org.survkit.stats.Weighting;

/**
 * The {@link Study} (what {@code survkit report} runs) that a page's settings describe. Settings are
 * {@code {"options": {...km/compare options...}, "figure": {...}, "table1": [...], "cox": {...}, "title", "endpoint"}};
 * {@code options} uses the CLI's option names, as the analyses do.
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
        try {
            String timeCol = FigureMaker.text(o, "time");
            String unitText = FigureMaker.text(o, "time_unit");
            Study.Time time;
            if (timeCol != null) {
                time = new Study.Time(timeCol, null, null, null, unitText == null ? null
                        : TimeUnit.parse(unitText).name().toLowerCase(Locale.ROOT), Map.of());
            } else {
                String from = FigureMaker.text(o, "start_date");
                String to = FigureMaker.text(o, "end_date");
                if (from == null || to == null) {
                    throw ApiError.badRequest("say where the follow-up time is: a time column, or start and end dates.");
                }
                TimeUnit unit = TimeUnit.parse(unitText == null ? "days" : unitText);
                time = new Study.Time(null, from, to, unit, unit.name().toLowerCase(Locale.ROOT), Map.of());
            }
            String event = FigureMaker.text(o, "event");
            if (event == null) {
                throw ApiError.badRequest("choose the event column.");
            }
            String group = FigureMaker.text(o, "group");
            Study.Groups groups = group == null ? null : new Study.Groups(group, group, List.of(), null, List.of(), 0);
            Preset preset = FigureMaker.text(o, "preset") == null ? Preset.SURVKIT
                    : Preset.parse(FigureMaker.text(o, "preset"));
            ConfidenceType ct = FigureMaker.text(o, "conf_type") == null ? preset.confType()
                    : ConfidenceType.parse(FigureMaker.text(o, "conf_type"));
            Double level = FigureMaker.number(o, "conf_level");
            String testName = FigureMaker.text(o, "test");
            Weighting w = testName == null ? preset.weighting() : Weighting.parse(testName);
            Double rho = FigureMaker.number(o, "rho");
            Double gamma = FigureMaker.number(o, "gamma");
            String adjust = FigureMaker.text(o, "adjust");
            Study.Comparisons comparisons = new Study.Comparisons(w, rho == null ? 0 : rho, gamma == null ? 0 : gamma,
                    FigureMaker.bool(o, "pairwise", true), adjust == null ? PValueAdjustment.HOLM
                            : PValueAdjustment.parse(adjust), FigureMaker.bool(o, "trend", false), new double[0],
                    Study.Rmst.AUTO, Double.NaN, 0);
            List<String> atText = FigureMaker.list(o, "at");
            double[] at = new double[atText.size()];
            for (int i = 0; i < at.length; i++) {
                try {
                    at[i] = Double.parseDouble(atText.get(i));
                } catch (NumberFormatException e) {
                    throw ApiError.badRequest("survival times ('at') must be numbers, not '"
                            + Datasets.clip(atText.get(i)) + "'.");
                }
            }
            List<Study.Table1Item> table1 = new ArrayList<>();
            for (String c : FigureMaker.list(settings, "table1")) {
                table1.add(new Study.Table1Item(c, null, Study.VariableType.AUTO, Study.Summary.AUTO, List.of(), 0));
            }
            List<Study.CoxSpec> models = new ArrayList<>();
            List<String> covariates = FigureMaker.list(cox, "covariates");
            if (!covariates.isEmpty()) {
                String ties = FigureMaker.text(cox, "ties");
                models.add(new Study.CoxSpec("Cox model", covariates, FigureMaker.list(cox, "categorical"), Map.of(),
                        Study.Firth.AUTO, ties == null ? Ties.EFRON : Ties.parse(ties), 0));
            }
            String marks = FigureMaker.text(f, "censor_marks");
            String scale = FigureMaker.text(f, "scale");
            Study.Figures figures = new Study.Figures(FigureMaker.bool(f, "confidence_bands", false),
                    FigureMaker.bool(f, "median_lines", false),
                    marks == null || marks.equals("none") ? CensorMark.PLUS
                            : Choices.parse(CensorMark.class, marks, "censor_marks"), FigureMaker.bool(f, "risk_table",
                            true), scale == null ? SurvivalScale.FRACTION
                            : Choices.parse(SurvivalScale.class, scale, "scale"),
                    true, 300, null, FigureMaker.list(f, "colors"));
            Double landmark = FigureMaker.number(o, "landmark");
            String title = FigureMaker.text(settings, "title");
            String endpoint = FigureMaker.text(settings, "endpoint");
            return new Study(studyFile, title, new Study.Data(Path.of(dataName), FigureMaker.text(o, "sheet"),
                    FigureMaker.list(o, "na"), FigureMaker.text(o, "date_format"), 0), time,
                    new Study.Event(event, FigureMaker.text(o, "event_value"), 0), groups,
                    endpoint == null ? "Overall survival" : endpoint, Double.NaN,
                    landmark == null ? Double.NaN : landmark, at, table1, comparisons, models, null, Path.of("report"),
                    figures, ct, level == null ? 0.95 : level, 3);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static ObjectNode object(ObjectNode parent, String key) {
        if (parent.get(key) instanceof ObjectNode o) {
            return o;
        }
        return JsonBodies.MAPPER.createObjectNode();
    }
}
