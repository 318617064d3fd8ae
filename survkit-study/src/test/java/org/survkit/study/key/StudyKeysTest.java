package org.survkit.study.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.survkit.io.InputException;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.logrank.Weighting;

/** The key registry: one key per path and per flag, one parser, messages that name the key as it was written. */
class StudyKeysTest {

    @Test
    void everyPathAndEveryFlagBelongsToOneKey() {
        Set<String> paths = new HashSet<>();
        Set<String> flags = new HashSet<>();
        for (StudyKey<?> k : StudyKeys.all()) {
            assertThat(paths.add(k.path())).as("path " + k.path()).isTrue();
            if (k.flag() != null) {
                assertThat(flags.add(k.flag())).as("flag " + k.flag()).isTrue();
            }
            assertThat(k.description()).as(k.path()).endsWith(".");
            assertThat(k.label()).as(k.path()).isNotBlank();
        }
        assertThat(StudyKeys.all()).hasSizeGreaterThan(60).first().isSameAs(StudyKeys.DATA_PATH);
    }

    @Test
    void everyFlagConstantIsUsedByAKey() throws Exception {
        Set<String> used = StudyKeys.byFlag().keySet();
        for (java.lang.reflect.Field f : StudyKeys.Flags.class.getFields()) {
            assertThat(used).as(f.getName()).contains((String) f.get(null));
        }
    }

    @Test
    void oneValueReadsTheSameFromEveryFrontEnd() {
        for (Where w : new Where[] {Where.COMMAND_LINE, Where.WEB_PAGE, Where.file("study.yaml", 3)}) {
            assertThat(StudyKeys.CONF_LEVEL.parse(" 0.9 ", w)).isEqualTo(0.9);
            assertThat(StudyKeys.CONF_TYPE.parse("LOGLOG", w)).isEqualTo(ConfidenceType.LOG_LOG);
            assertThat(StudyKeys.TEST.parse("Mantel_Cox", w)).isEqualTo(Weighting.LOGRANK);
            assertThat(StudyKeys.ADJUST.parse("fdr", w)).isEqualTo(PValueAdjustment.BH);
            assertThat(StudyKeys.PAIRWISE.parse("Yes", w)).isTrue();
            assertThat(StudyKeys.AT.parse("12, 36,60", w)).containsExactly(12, 36, 60);
            assertThat(StudyKeys.REFERENCE.parse("stage=II, sex = f", w)).containsEntry("stage", "II")
                    .containsEntry("sex", "f");
        }
    }

    @Test
    void aMistakeNamesTheKeyAsTheUserWroteIt() {
        assertThatThrownBy(() -> StudyKeys.CONF_LEVEL.parse("1.5", Where.COMMAND_LINE))
                .isInstanceOf(InputException.class)
                .hasMessage("--conf-level: 1.5 is not allowed; give a number between 0 and 1 (e.g. 0.95).");
        assertThatThrownBy(() -> StudyKeys.CONF_LEVEL.parse("1.5", Where.file("study.yaml", 12)))
                .hasMessage("study.yaml, line 12, 'conf_level': 1.5 is not allowed; give a number between 0 and 1"
                        + " (e.g. 0.95).");
        assertThatThrownBy(() -> StudyKeys.CONF_LEVEL.parse("1.5", Where.WEB_PAGE))
                .hasMessageStartingWith("Confidence level: 1.5 is not allowed");
        assertThatThrownBy(() -> StudyKeys.ADJUST.parse("tukey", Where.file("s.yaml", 4)))
                .hasMessage("s.yaml, line 4, 'comparisons.adjust': \"tukey\" is not allowed; use none, bonferroni,"
                        + " holm or bh.");
        assertThatThrownBy(() -> StudyKeys.HORIZON.parse("5,5", Where.COMMAND_LINE))
                .hasMessageContaining("write the decimal mark as a point: 5.5");
        assertThatThrownBy(() -> StudyKeys.TIES.parse("exakt", Where.file("s.yaml", 9)))
                .hasMessageContaining("'cox.ties'").hasMessageContaining("use efron, breslow or exact");
        assertThatThrownBy(() -> StudyKeys.AT.parse("12,-1", Where.COMMAND_LINE))
                .hasMessage("--at: -1 is not allowed; give numbers >= 0 (e.g. 12,36,60).");
    }

    @Test
    void figureFormatsAreAListOfWordsAndTheWidthARange() {
        assertThat(StudyKeys.FIGURE_FORMATS.parse("TIFF, svg,pdf,,tif", Where.COMMAND_LINE)).containsExactly(
                org.survkit.plot.FigureFormat.SVG, org.survkit.plot.FigureFormat.PDF, org.survkit.plot.FigureFormat.TIFF);
        assertThat(StudyKeys.FIGURE_FORMATS.choices()).containsExactly("svg", "png", "pdf", "eps", "tiff");
        assertThatThrownBy(() -> StudyKeys.FIGURE_FORMATS.parse("svg,jpg", Where.COMMAND_LINE))
                .hasMessage("--figure-formats: \"jpg\" is not allowed; use svg, png, pdf, eps and tiff, one or more"
                        + " (e.g. svg,png,pdf).");
        assertThatThrownBy(() -> StudyKeys.FIGURE_FORMATS.parse(" , ", Where.WEB_PAGE))
                .hasMessageStartingWith("Figure files: the list is empty; give one or more of svg, png");
        assertThat(StudyKeys.FIGURE_WIDTH.parse("85", Where.COMMAND_LINE)).isEqualTo(85);
        assertThatThrownBy(() -> StudyKeys.FIGURE_WIDTH.parse("8,5", Where.COMMAND_LINE))
                .hasMessageContaining("--figure-width: \"8,5\" is not a number (write the decimal mark as a point");
        assertThatThrownBy(() -> StudyKeys.FIGURE_WIDTH.parse("500", Where.COMMAND_LINE))
                .hasMessage("--figure-width: 500 is not allowed; give a number from 80 to 300 (e.g. 85).");
        assertThatThrownBy(() -> StudyKeys.DPI.parse("299.5", Where.COMMAND_LINE))
                .hasMessageStartingWith("--figure-dpi: 299.5 is not allowed; give the resolution in dots per inch");
    }

    @Test
    void theStudyFilesBlocksAllowTheirKeysFromTheRegistry() {
        assertThat(StudyKeys.namesIn("")).startsWith("data", "time", "event").contains("strata", "horizon", "preset",
                "median_rule", "tau", "comparisons", "cox", "competing_risks", "table1", "figures", "p_digits");
        assertThat(StudyKeys.namesIn("cox[]")).containsExactly("name", "covariates", "categorical", "reference", "ties",
                "firth", "cluster", "offset", "init", "iter_max", "zph_transform", "concordance");
        // case weights and entry times are the study's (weights, time.entry), one per study; the one-sample test is
        // the command line's only
        assertThat(StudyKeys.OFFSET.inStudyFile()).isTrue();
        assertThat(StudyKeys.EXPECTED.inStudyFile()).isFalse();
        assertThat(StudyKeys.namesIn("")).contains("weights");
        assertThat(StudyKeys.namesIn("time")).contains("entry");
        assertThat(StudyKeys.byFlag().get("--weights")).isSameAs(StudyKeys.WEIGHTS);
        assertThat(StudyKeys.byFlag().get("--start")).isSameAs(StudyKeys.ENTRY);
        assertThat(StudyKeys.namesIn("competing_risks")).containsExactly("column", "censor_value", "cause", "causes",
                "finegray", "plot", "rho", "strata");
        assertThat(StudyKeys.namesIn("groups")).containsExactly("column", "name", "order", "otherwise", "rules");
        assertThat(StudyKeys.namesIn("")).contains("include", "exclude");
        assertThat(StudyKeys.namesIn("include[]")).containsExactly("when", "reason");
        assertThat(StudyKeys.namesIn("exclude[]")).containsExactly("when", "reason");
    }

    @Test
    void presetDependentDefaultsSaySo() {
        assertThat(StudyKeys.CONF_TYPE.defaultValue()).isNull();
        assertThat(StudyKeys.CONF_TYPE.defaultText()).contains("preset");
        assertThat(StudyKeys.CONF_LEVEL.defaultValue()).isEqualTo(0.95);
        assertThat(StudyKeys.ADJUST.defaultValue()).isEqualTo(PValueAdjustment.HOLM);
    }
}
