package org.survkit.study.file;

import org.survkit.study.Study;
import org.survkit.study.Comparisons;
import org.survkit.study.Firth;
import org.survkit.study.Rmst;
import org.survkit.study.Summary;
import org.survkit.study.VariableType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.survkit.io.InputException;
import org.survkit.io.TimeUnit;
import org.survkit.plot.CensorMark;
import org.survkit.plot.FigureFormat;
import org.survkit.plot.SurvivalScale;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.logrank.Weighting;

class StudyReaderTest {

    static final Path SOURCE = Path.of("/tmp/studies/study.yaml");

    static final String MINIMAL = """
            data: cohort.csv
            time: months
            event: dead
            """;

    private static Study parse(String yaml) {
        return StudyReader.parse(yaml, SOURCE);
    }

    private static String error(String yaml) {
        try {
            parse(yaml);
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    /** A study runs in memory: engine: spark is refused with what to do, never ignored; engine: local is read. */
    @Test
    void engineSparkIsRefusedNotIgnored() {
        assertThat(error(MINIMAL + "engine: spark\n")).isEqualTo("study.yaml, line 4, 'engine': spark is not"
                + " available for a study yet: survkit report and the web app run a study's analyses in memory."
                + " Remove the key (or write 'engine: local') to run the study here, or run its analyses on Spark one"
                + " by one: survkit km|compare|cox|cif DATA --engine spark.");
        assertThat(error(MINIMAL + "spark_master: local[2]\n")).startsWith("study.yaml, line 4, 'spark_master': is"
                + " the Spark master of the spark engine");
        assertThat(parse(MINIMAL + "engine: local\n").data()).isEqualTo(parse(MINIMAL).data());
    }

    @Test
    void tableOneStylePStyleAndHazardRatiosAreReadAndWrittenBack() {
        Study s = parse(MINIMAL + """
                p_style: ama
                table1:
                  p_values: no
                  percent: "n (%)"
                  continuous: median_iqr
                  variables:
                    - age
                    - {column: grade, summary: mean_sd}
                comparisons:
                  hazard_ratios: [mantel_haenszel, cox]
                """);
        assertThat(s.output().pStyle()).isEqualTo(org.survkit.stats.PValueFormat.Style.AMA);
        assertThat(s.pValueFormat().text(0.0312)).isEqualTo(".03");
        assertThat(s.output().table1Style()).isEqualTo(new org.survkit.study.Table1Style(false, org.survkit.study.Percent.N,
                org.survkit.study.Summary.MEDIAN_IQR));
        assertThat(s.table1()).extracting(Study.Table1Item::column).containsExactly("age", "grade");
        assertThat(s.comparisons().hazardRatios()).containsExactly(
                org.survkit.stats.logrank.HazardRatioMethod.MANTEL_HAENSZEL,
                org.survkit.stats.logrank.HazardRatioMethod.COX);
        assertThat(s.comparisons().primaryHazardRatio(s.estimates().preset()))
                .as("survkit's preset reports Cox when it is shown")
                .isEqualTo(org.survkit.stats.logrank.HazardRatioMethod.COX);
        String yaml = StudyWriter.write(s, java.util.List.of());
        Study back = StudyReader.parse(yaml, SOURCE);
        assertThat(back.output().pStyle()).isEqualTo(s.output().pStyle());
        assertThat(back.output().table1Style()).isEqualTo(s.output().table1Style());
        assertThat(back.table1()).extracting(Study.Table1Item::column).containsExactly("age", "grade");
        assertThat(back.comparisons().hazardRatios()).isEqualTo(s.comparisons().hazardRatios());
        // the plain list form stays the plain list form, with the defaults
        Study plain = parse(MINIMAL + "table1: [age]\n");
        assertThat(plain.output().table1Style()).isEqualTo(org.survkit.study.Table1Style.defaults());
        assertThat(StudyWriter.write(plain, java.util.List.of())).contains("table1:\n  - column: \"age\"\n")
                .doesNotContain("p_style").doesNotContain("hazard_ratios");
        assertThat(plain.comparisons().hazardRatios()).hasSize(3);
        // Prism reports the Mantel-Haenszel ratio: the primary one under its preset
        assertThat(parse(MINIMAL + "preset: prism\n").comparisons().primaryHazardRatio(
                org.survkit.stats.preset.Preset.PRISM)).isEqualTo(
                        org.survkit.stats.logrank.HazardRatioMethod.MANTEL_HAENSZEL);
        assertThat(error(MINIMAL + "p_style: apa\n")).contains("'p_style': \"apa\" is not allowed; use digits, nejm,"
                + " ama or lancet.");
        assertThat(error(MINIMAL + "comparisons:\n  hazard_ratios: [cox, wald]\n")).contains(
                "\"wald\" is not allowed; use cox, mantel_haenszel and oe, one or more (e.g. cox,mantel_haenszel,oe).");
        assertThat(error(MINIMAL + "table1:\n  percent: \"%\"\n")).contains("use n/N (%) or n (%).");
        assertThat(error(MINIMAL + "table1:\n  p_value: no\n")).contains("Did you mean 'p_values'?");
    }

    @Test
    void coxFittingOptionsAreReadAndWrittenBack() {
        Study s = parse(MINIMAL + """
                cox:
                  - covariates: [age, sex]
                    init: [0.01, -0.3]
                    iter_max: 1
                    zph_transform: rank
                    concordance: uno
                  - covariates: [age]
                """);
        Study.CoxSpec m = s.cox().get(0);
        assertThat(m.init()).containsExactly(0.01, -0.3);
        assertThat(m.iterMax()).isEqualTo(1);
        assertThat(m.zphTransform()).isEqualTo(org.survkit.stats.cox.ZphTransform.RANK);
        assertThat(m.concordance()).isEqualTo(org.survkit.stats.cox.ConcordanceWeighting.UNO);
        Study.CoxSpec plain = s.cox().get(1);
        assertThat(plain.init()).isNull();
        assertThat(plain.iterMax()).isEqualTo(20);
        assertThat(plain.zphTransform()).isEqualTo(org.survkit.stats.cox.ZphTransform.KM);
        assertThat(plain.concordance()).isEqualTo(org.survkit.stats.cox.ConcordanceWeighting.HARRELL);
        String yaml = StudyWriter.write(s, java.util.List.of());
        assertThat(yaml).contains("    init: [0.01, -0.3]\n    iter_max: 1\n    zph_transform: rank\n"
                + "    concordance: uno\n");
        assertThat(StudyReader.parse(yaml, SOURCE).cox()).isEqualTo(s.cox().stream()
                .map(c -> new Study.CoxSpec(c.name(), c.covariates(), c.categorical(), c.reference(), c.firth(),
                        c.ties(), StudyReader.parse(yaml, SOURCE).cox().get(s.cox().indexOf(c)).line(), c.init(),
                        c.iterMax(), c.zphTransform(), c.concordance(), c.cluster(), c.offset())).toList());
        assertThat(error(MINIMAL + "cox:\n  - covariates: [age]\n    iter_max: 0\n")).contains("line 6,"
                + " 'cox[1].iter_max': 0 is not allowed; give the maximum number of iterations");
        assertThat(error(MINIMAL + "cox:\n  - covariates: [age]\n    concordance: somers\n")).contains(
                "'cox[1].concordance': \"somers\" is not allowed; use harrell or uno.");
    }

    @Test
    void lineTypesLegendAndGreyAreReadAndWrittenBack() {
        Study.Figures d = parse(MINIMAL).figures();
        assertThat(d.lineTypes()).isEqualTo(org.survkit.plot.LineTypes.AUTO);
        assertThat(d.legend()).isEqualTo(org.survkit.plot.LegendPosition.INSIDE);
        Study s = parse(MINIMAL + "figures: {line_types: dashed, legend: none, colors: grey}\n");
        assertThat(s.figures().lineTypes()).isEqualTo(org.survkit.plot.LineTypes.DASHED);
        assertThat(s.figures().legend()).isEqualTo(org.survkit.plot.LegendPosition.NONE);
        assertThat(s.figures().palette()).isEqualTo(org.survkit.plot.Palette.grey());
        String yaml = StudyWriter.write(s, java.util.List.of());
        assertThat(yaml).contains("  line_types: dashed\n  legend: none\n");
        assertThat(StudyReader.parse(yaml, SOURCE).figures()).isEqualTo(s.figures());
        assertThat(error(MINIMAL + "figures:\n  line_types: dotted\n")).contains("line 5, 'figures.line_types':"
                + " \"dotted\" is not allowed; use auto, solid or dashed.");
        assertThat(error(MINIMAL + "figures:\n  legend: top\n")).contains("'figures.legend': \"top\" is not"
                + " allowed; use inside, right, bottom or none.");
    }

    @Test
    void readsTheExampleStudyFile() {
        Study s = StudyReader.read(Path.of("../examples/rapamycin-mbc/study.yaml"));
        assertThat(s.title()).startsWith("Rapamycin in metastatic breast cancer");
        assertThat(s.data().path()).isEqualTo(Path.of("cohort.csv"));
        assertThat(s.time().from()).isEqualTo("rapamycin_start");
        assertThat(s.time().to()).isEqualTo("last_contact");
        assertThat(s.time().unit()).isEqualTo(TimeUnit.MONTHS);
        assertThat(s.event().column()).isEqualTo("vital_status");
        assertThat(s.event().value()).isEqualTo("dead");
        assertThat(s.groups().name()).isEqualTo("subgroup");
        assertThat(s.groups().rules()).extracting(Study.GroupRule::label)
                .containsExactly("ER/PR+ HER2−", "Triple positive", "Triple negative");
        assertThat(s.groups().rules().get(0).when().columnNames()).containsExactly("er", "pr", "her2");
        assertThat(s.groups().otherwise()).isEqualTo("Other/unknown");
        assertThat(s.horizon()).isEqualTo(60);
        assertThat(s.at()).containsExactly(12, 36, 60);
        assertThat(s.table1()).hasSize(7);
        assertThat(s.table1().get(0).type()).isEqualTo(VariableType.CONTINUOUS);
        assertThat(s.table1().get(0).summary()).isEqualTo(Summary.MEAN_SD);
        assertThat(s.table1().get(1).levels()).containsExactly("I", "II", "III");
        assertThat(s.table1().get(1).type()).isEqualTo(VariableType.CATEGORICAL);
        assertThat(s.table1().get(3).levels()).containsExactly("yes", "no");
        assertThat(s.comparisons().pairwise()).isTrue();
        assertThat(s.comparisons().adjust()).isEqualTo(PValueAdjustment.HOLM);
        assertThat(s.cox()).singleElement().satisfies(c -> {
            assertThat(c.covariates()).containsExactly("subgroup", "age");
            assertThat(c.firth()).isEqualTo(Firth.AUTO);
            assertThat(c.ties()).isEqualTo(Ties.EFRON);
        });
        assertThat(s.output().folder()).isEqualTo(Path.of("report"));
        assertThat(s.figures().scale()).isEqualTo(SurvivalScale.PERCENT);
        assertThat(s.outputDir()).isEqualTo(Path.of("../examples/rapamycin-mbc/report").toAbsolutePath().normalize());
    }

    @Test
    void shorthandsAndDefaults() {
        Study s = parse(MINIMAL);
        assertThat(s.data().path()).isEqualTo(Path.of("cohort.csv"));
        assertThat(s.time().column()).isEqualTo("months");
        assertThat(s.time().unit()).isNull();
        assertThat(s.event().value()).isNull();
        assertThat(s.groups()).isNull();
        assertThat(s.horizon()).isNaN();
        assertThat(s.at()).isEmpty();
        assertThat(s.comparisons()).usingRecursiveComparison().isEqualTo(Comparisons.defaults(s.estimates()));
        assertThat(s.comparisons().rmst()).isEqualTo(Rmst.AUTO);
        assertThat(s.estimates().tau()).isNaN();
        assertThat(s.strata()).isNull();
        assertThat(s.confType()).isEqualTo(ConfidenceType.LOG_LOG);
        assertThat(s.confLevel()).isEqualTo(0.95);
        assertThat(s.output().folder()).isEqualTo(Path.of("report"));
        assertThat(s.outputDir()).isEqualTo(Path.of("/tmp/studies/report"));
        assertThat(s.dataFile()).isEqualTo(Path.of("/tmp/studies/cohort.csv"));
        assertThat(s.figures()).isEqualTo(Study.Figures.defaults());
    }

    @Test
    void horizonAloneGivesTheTimePoint() {
        Study s = parse(MINIMAL + "horizon: 60\n");
        assertThat(s.at()).containsExactly(60);
    }

    @Test
    void figureFilesWidthAndResolution() {
        // R is not involved: the formats, width and resolution are the study file's words
        Study s = parse(MINIMAL + "figures: {formats: [pdf, TIF, png, pdf], width_mm: 85, dpi: 600}\n");
        assertThat(s.figures().formats()).containsExactly(FigureFormat.SVG, FigureFormat.PNG, FigureFormat.PDF,
                FigureFormat.TIFF);
        assertThat(s.figures().widthMm()).isEqualTo(85);
        assertThat(s.figures().dpi()).isEqualTo(600);
        assertThat(parse(MINIMAL).figures().formats()).containsExactly(FigureFormat.SVG, FigureFormat.PNG);
        assertThat(parse(MINIMAL).figures().widthMm()).isEqualTo(170);
        // the older key still works: png: no is formats: [svg]
        assertThat(parse(MINIMAL + "figures: {png: no}\n").figures().formats()).containsExactly(FigureFormat.SVG);
        assertThat(parse(MINIMAL + "figures: {png: yes}\n").figures().png()).isTrue();
        assertThat(error(MINIMAL + "figures: {png: yes, formats: [svg, pdf]}\n")).isEqualTo("study.yaml, line 4,"
                + " 'figures.png': give the figure files once: 'formats' replaces 'png' (png: yes is formats: [svg,"
                + " png]); remove 'png'.");
        assertThat(error(MINIMAL + "figures: {formats: [svg, jpeg]}\n")).isEqualTo("study.yaml, line 4,"
                + " 'figures.formats': \"jpeg\" is not allowed; use svg, png, pdf, eps and tiff, one or more (e.g."
                + " svg,png,pdf).");
        assertThat(error(MINIMAL + "figures: {width_mm: 40}\n")).isEqualTo("study.yaml, line 4,"
                + " 'figures.width_mm': 40 is not allowed; give a number from 80 to 300 (e.g. 85).");
        // written back as read
        Study back = parse(StudyWriter.write(s, java.util.List.of()));
        assertThat(back.figures()).isEqualTo(s.figures());
    }

    @Test
    void groupsByColumnWithOrderAndOtherOptions() {
        Study s = parse(MINIMAL + """
                groups: {column: arm, order: [placebo, low, high]}
                comparisons: {test: fh, rho: 0, gamma: 1, adjust: bh, trend: true, scores: [0, 1, 2]}
                cox:
                  name: Full
                  covariates: [arm, age, "arm:age"]
                  categorical: [age]
                  reference: {arm: placebo}
                  firth: yes
                conf_type: log
                conf_level: 0.9
                figures: {png: no, dpi: 150, censor_marks: tick}
                table1:
                  - age
                  - {column: stage, levels: [I, II]}
                """);
        assertThat(s.groups().column()).isEqualTo("arm");
        assertThat(s.groups().name()).isEqualTo("arm");
        assertThat(s.groups().order()).containsExactly("placebo", "low", "high");
        assertThat(s.comparisons().test()).isEqualTo(Weighting.FLEMING_HARRINGTON);
        assertThat(s.comparisons().gamma()).isEqualTo(1);
        assertThat(s.comparisons().adjust()).isEqualTo(PValueAdjustment.BH);
        assertThat(s.comparisons().scores()).containsExactly(0, 1, 2);
        Study.CoxSpec c = s.cox().get(0);
        assertThat(c.name()).isEqualTo("Full");
        assertThat(c.covariates()).containsExactly("arm", "age", "arm:age");
        assertThat(c.reference()).containsEntry("arm", "placebo");
        assertThat(c.firth()).isEqualTo(Firth.YES);
        assertThat(c.ties()).isEqualTo(Ties.BRESLOW); // coxphf's default with Firth
        assertThat(s.confType()).isEqualTo(ConfidenceType.LOG);
        assertThat(s.confLevel()).isEqualTo(0.9);
        assertThat(s.figures().png()).isFalse();
        assertThat(s.figures().dpi()).isEqualTo(150);
        assertThat(s.figures().censorMarks()).isEqualTo(CensorMark.TICK);
        assertThat(s.table1().get(0).column()).isEqualTo("age");
        assertThat(s.table1().get(0).type()).isEqualTo(VariableType.AUTO);
        assertThat(s.table1().get(1).type()).isEqualTo(VariableType.CATEGORICAL);
    }

    @Test
    void eventValueKeepsYamlWordsAsWritten() {
        // YAML 1.1 would read yes/no/on/off as booleans: the study file keeps them as text
        assertThat(parse("data: c.csv\ntime: t\nevent: {column: died, value: yes}\n").event().value()).isEqualTo("yes");
        assertThat(parse("data: c.csv\ntime: t\nevent: {column: status, value: 2}\n").event().value()).isEqualTo("2");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void unknownKeyNamesTheLineAndTheClosestKey() {
        String m = error(MINIMAL + "horizn: 60\n");
        assertThat(m).isEqualTo("study.yaml, line 4: unknown key 'horizn'. Did you mean 'horizon'? Allowed here: "
                + String.join(", ", StudyReader.TOP_KEYS) + ".");
    }

    @Test
    void unknownNestedKeyNamesItsBlock() {
        String m = error("""
                data: cohort.csv
                time:
                  from: start
                  to: end
                  units: months
                event: dead
                """);
        assertThat(m).startsWith("study.yaml, line 5: unknown key 'units' in 'time'. Did you mean 'unit'?")
                .contains("Allowed here: column, from, to, unit, entry.");
    }

    @Test
    void badValuesNameKeyLineAndWhatIsAllowed() {
        assertThat(error(MINIMAL + "horizon: -5\n")).isEqualTo("study.yaml, line 4, 'horizon': -5 is not allowed;"
                + " give a time > 0 in the time unit of the study (e.g. 60 for 5 years in months).");
        assertThat(error(MINIMAL + "horizon: five years\n")).isEqualTo(
                "study.yaml, line 4, 'horizon': \"five years\" is not a number; e.g. 60.");
        assertThat(error(MINIMAL + "comparisons:\n  adjust: tukey\n")).isEqualTo("study.yaml, line 5,"
                + " 'comparisons.adjust': \"tukey\" is not allowed; use none, bonferroni, holm or bh.");
        assertThat(error(MINIMAL + "comparisons:\n  pairwise: maybe\n")).isEqualTo("study.yaml, line 5,"
                + " 'comparisons.pairwise': \"maybe\" is not allowed; use yes or no.");
        assertThat(error("data: c.csv\ntime: {from: a, to: b, unit: fortnights}\nevent: d\n")).isEqualTo(
                "study.yaml, line 2, 'time.unit': \"fortnights\" is not a time unit; use days, weeks, months (days /"
                        + " 30.4375) or years (days / 365.25).");
        assertThat(error(MINIMAL + "conf_level: 95\n")).contains("line 4, 'conf_level': 95 is not allowed; give a"
                + " number between 0 and 1");
        assertThat(error(MINIMAL + "at: [12, soon]\n")).isEqualTo("study.yaml, line 4, 'at': \"soon\" is not a"
                + " number; e.g. 12,36,60.");
        assertThat(error(MINIMAL + "table1:\n  - {column: age, type: numeric}\n")).isEqualTo("study.yaml, line 5,"
                + " 'table1[1].type': \"numeric\" is not allowed; use categorical, continuous or auto.");
        assertThat(error(MINIMAL + "cox:\n  - covariates: [age]\n    firth: sometimes\n")).contains("line 6,"
                + " 'cox[1].firth': \"sometimes\" is not allowed; use yes, no or auto");
        assertThat(error(MINIMAL + "figures: {dpi: 20}\n")).contains("'figures.dpi': 20 is not allowed");
        assertThat(parse(MINIMAL + "cox:\n  - covariates: [age]\n    ties: exact\n").cox().get(0).ties())
                .isEqualTo(Ties.EXACT);
        assertThat(error(MINIMAL + "comparisons:\n  expected: exp_haz\n")).contains("'expected' is a command-line"
                + " option only (--expected); a study file (and the report) does not take it.");
        assertThat(error(MINIMAL + "cox:\n  - covariates: [age]\n    firth: yes\n    ties: exact\n"))
                .contains("'cox.ties': cannot be combined with 'firth': the exact partial likelihood");
        assertThat(error(MINIMAL + "p_digits: 6\n")).contains("line 4, 'p_digits': 6 is not allowed; give the"
                + " significant digits of P values, 1 to 4");
        assertThat(parse(MINIMAL + "p_digits: 2\n").pValueFormat().text(0.0013112)).isEqualTo("0.0013");
        assertThat(parse(MINIMAL).output().pValueDigits()).isEqualTo(3);
        assertThat(error(MINIMAL + "figures: {colors: [\"#0072B2\", red]}\n")).contains("'figures.colors': \"red\" is"
                + " not a colour; write colours as \"#RRGGBB\"");
        assertThat(parse(MINIMAL + "figures: {colors: [\"#0072b2\", \"#D55E00\"]}\n").figures().palette().colors())
                .containsExactly("#0072B2", "#D55E00");
    }

    @Test
    void missingAndContradictorySections() {
        assertThat(error("time: t\nevent: e\n")).isEqualTo("study.yaml: the key 'data' is missing; add for example"
                + " 'data: {path: cohort.csv}'.");
        assertThat(error("data: c.csv\ntime: {from: a}\nevent: e\n")).contains("'time': time from dates needs both"
                + " 'from'");
        assertThat(error("data: c.csv\ntime: {column: t, from: a, to: b}\nevent: e\n")).contains(
                "give either 'column'");
        assertThat(error(MINIMAL + "groups: {name: g}\n")).contains("line 4, 'groups': say how groups are formed");
        assertThat(error(MINIMAL + "groups:\n  rules:\n    - label: A\n")).isEqualTo("study.yaml, line 6,"
                + " 'groups.rules[1]': the rule 'A' has no condition; write 'when: er == \"negative\"'.");
        assertThat(error(MINIMAL + "groups:\n  rules:\n    - {label: A, when: x == 1}\n    - {label: A, when: x == 2}\n"))
                .contains("line 7, 'groups.rules[2]': the label 'A' is used by an earlier rule");
        assertThat(error(MINIMAL + "table1: age\n")).contains("line 4, 'table1': expected a list");
        assertThat(error(MINIMAL + "cox:\n  - {name: M}\n")).contains("'cox[1]': list the model's covariates");
        assertThat(error(MINIMAL + "cox:\n  - {covariates: [a, \"a:c\"], categorical: [b]}\n")).isEqualTo("study.yaml,"
                + " line 5, 'cox[1].categorical': 'b' is not among the covariates (a, c).");
        assertThat(error(MINIMAL + "cox:\n  - {covariates: [a], reference: {b: x}}\n")).isEqualTo("study.yaml,"
                + " line 5, 'cox[1].reference': 'b' is not among the covariates (a).");
    }

    @Test
    void badRuleExpressionNamesRuleLineAndPosition() {
        String m = error(MINIMAL + """
                groups:
                  name: subgroup
                  rules:
                    - label: "Triple negative"
                      when: er == "negative" and pr = "negative"
                """);
        assertThat(m).isEqualTo("study.yaml, line 8, 'groups.rules[1].when': rule 'Triple negative', position 25:"
                + " '=' is not a comparison; write '==' to test equality.\n"
                + "  er == \"negative\" and pr = \"negative\"\n"
                + "                          ^");
        assertThat(error(MINIMAL + "groups:\n  rules:\n    - {label: A, when: \"(er == 'x'\"}\n"))
                .contains("rule 'A', position 11: the rule ends too early; expected ')' to close the '(' at position 1.");
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeys() {
        assertThat(error("data: c.csv\ntime: t\n  event: e\n")).startsWith("study.yaml, line 3, column ")
                .contains("this is not valid YAML");
        assertThat(error("data: c.csv\ntime: t\nevent: e\ntime: u\n")).isEqualTo("study.yaml, line 4: the key 'time'"
                + " appears twice in the same block (first on line 2); keep one.");
        assertThat(error("- a\n- b\n")).contains("a study file is a block of 'key: value' lines");
    }

    @Test
    void missingStudyFile() {
        assertThatThrownBy(() -> StudyReader.read(Path.of("/nonexistent/study.yaml")))
                .isInstanceOf(InputException.class).hasMessageContaining("no such study file");
    }
}
