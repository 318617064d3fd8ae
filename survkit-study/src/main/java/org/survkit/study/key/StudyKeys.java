package org.survkit.study.key;

import static org.survkit.study.key.KeyBuilder.key;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.survkit.io.DecimalMark;
import org.survkit.io.InvalidRows;
import org.survkit.io.OptionNames;
import org.survkit.io.TimeUnit;
import org.survkit.plot.LegendPosition;
import org.survkit.plot.LineTypes;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.cox.ConcordanceWeighting;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.cox.ZphTransform;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.MedianRule;
import org.survkit.stats.logrank.HazardRatioMethod;
import org.survkit.stats.logrank.Weighting;
import org.survkit.stats.preset.Preset;
import org.survkit.plot.FigureFormat;
import org.survkit.plot.FigureSize;
import org.survkit.study.CifPlot;
import org.survkit.study.Engine;
import org.survkit.study.Firth;
import org.survkit.study.Percent;
import org.survkit.study.Rmst;
import org.survkit.study.Summary;
import org.survkit.study.VariableType;
import org.survkit.study.key.StudyKey.Kind;

/**
 * Every option of a study, once: the study file's keys, the web app's fields and the command line's flags are
 * these. A new option is one constant here (with its documentation), one record component of the study model and
 * the code that uses it; the front ends, the JSON Schema ({@code survkit schema}) and the help texts follow.
 *
 * <p>Paths are the study file's keys, dotted inside blocks ({@code comparisons.adjust}); {@code []} marks the items
 * of a list of blocks ({@code cox[].ties}: each Cox model's {@code ties}). Flags are given as compile-time constants
 * in {@link Flags} so that command-line annotations can use them.
 */
public final class StudyKeys {
    private StudyKeys() {
    }

    /**
     * The command line's flags, as constants for annotations; each belongs to one key below. The flags of a cohort's
     * columns and of how its cells are read are survkit-io's {@link OptionNames} (whose messages cite them), so that
     * each flag is spelt once.
     */
    public static final class Flags {
        private Flags() {
        }

        public static final String SHEET = OptionNames.SHEET;
        public static final String NA = OptionNames.NA;
        public static final String DATE_FORMAT = OptionNames.DATE_FORMAT;
        public static final String TIME = OptionNames.TIME;
        public static final String START_DATE = OptionNames.START_DATE;
        public static final String END_DATE = OptionNames.END_DATE;
        public static final String TIME_UNIT = OptionNames.TIME_UNIT;
        public static final String EVENT = OptionNames.EVENT;
        public static final String EVENT_VALUE = OptionNames.EVENT_VALUE;
        public static final String GROUP = OptionNames.GROUP;
        public static final String STRATA = OptionNames.STRATA;
        public static final String LANDMARK = "--landmark";
        public static final String HORIZON = "--horizon";
        public static final String TITLE = "--title";
        public static final String ENDPOINT = "--endpoint";
        public static final String PRESET = "--preset";
        public static final String CONF_TYPE = "--conf-type";
        public static final String CONF_LEVEL = "--conf-level";
        public static final String MEDIAN_RULE = "--median-rule";
        public static final String AT = "--at";
        public static final String TAU = "--tau";
        public static final String TEST = "--test";
        public static final String RHO = "--rho";
        public static final String GAMMA = "--gamma";
        public static final String PAIRWISE = "--pairwise";
        public static final String ADJUST = "--adjust";
        public static final String TREND = "--trend";
        public static final String SCORES = "--scores";
        public static final String CONSERVATIVE = "--conservative";
        public static final String COVARIATES = OptionNames.COVARIATES;
        public static final String CATEGORICAL = OptionNames.CATEGORICAL;
        public static final String REFERENCE = "--reference";
        public static final String TIES = "--ties";
        public static final String FIRTH = "--firth";
        public static final String WEIGHTS = OptionNames.WEIGHTS;
        public static final String CLUSTER = OptionNames.CLUSTER;
        public static final String START = OptionNames.START;
        public static final String OFFSET = "--offset";
        public static final String INIT = "--init";
        public static final String ITER_MAX = "--iter-max";
        public static final String ZPH_TRANSFORM = "--zph-transform";
        public static final String CONCORDANCE = "--concordance";
        public static final String EXPECTED = "--expected";
        public static final String CENSOR_VALUE = OptionNames.CENSOR_VALUE;
        public static final String CAUSE = "--cause";
        public static final String TABLE1 = "--table1";
        public static final String OUTPUT = "--out";
        public static final String P_DIGITS = "--p-digits";
        public static final String P_STYLE = "--p-style";
        public static final String HAZARD_RATIOS = "--hazard-ratios";
        public static final String TABLE1_P_VALUES = "--table1-p-values";
        public static final String TABLE1_PERCENT = "--table1-percent";
        public static final String TABLE1_CONTINUOUS = "--table1-continuous";
        public static final String DOCX = "--docx";
        public static final String DECIMAL = OptionNames.DECIMAL;
        public static final String INVALID = OptionNames.INVALID;
        public static final String LINE_TYPES = "--line-types";
        public static final String LEGEND = "--legend";
        public static final String FIGURE_FORMATS = "--figure-formats";
        public static final String FIGURE_WIDTH = "--figure-width";
        public static final String FIGURE_DPI = "--figure-dpi";
        public static final String ENGINE = "--engine";
        public static final String MASTER = "--master";
    }

    // ------------------------------------------------------------------------------------------------ data

    public static final StudyKey<String> DATA_PATH = key("data.path", null, "Data file",
            "The cohort file (.csv, .tsv, .txt, .xlsx, SPSS .sav/.zsav, Stata .dta or .parquet), relative to the study"
                    + " file.")
            .text();
    public static final StudyKey<String> SHEET = key("data.sheet", Flags.SHEET, "Excel sheet",
            "The Excel sheet to read (default: the first).").text();
    public static final StudyKey<List<String>> NA = key("data.na", Flags.NA, "Missing-value codes",
            "More codes that mean a missing value (empty cells, NA and . always do), e.g. unknown, -99.")
            .texts(Kind.TEXTS);
    public static final StudyKey<String> DATE_FORMAT = key("data.date_format", Flags.DATE_FORMAT, "Date format",
            "The pattern of text dates, e.g. dd/MM/yyyy (default ISO yyyy-MM-dd); Excel date cells are read as dates.")
            .text();
    public static final StudyKey<DecimalMark> DECIMAL = key("data.decimal", Flags.DECIMAL, "Decimal mark",
            "The decimal mark of numbers: auto (detected per column: 62,5 is read as 62.5, and a semicolon-separated"
                    + " file is a decimal-comma file), . or ,. Thousands separators are understood either way.")
            .choice(java.util.Arrays.asList(DecimalMark.values()), DecimalMark::id, Map.of("dot", DecimalMark.POINT,
                    "point", DecimalMark.POINT, "period", DecimalMark.POINT, "comma", DecimalMark.COMMA),
                    DecimalMark.AUTO, "auto");
    public static final StudyKey<InvalidRows> INVALID = key("data.invalid", Flags.INVALID, "Invalid values",
            "What happens to rows with an invalid value in a column the analysis uses (a time that is not a number,"
                    + " a misspelt status): stop (list every problem, analyse nothing) or exclude (leave those rows out,"
                    + " counted per reason in the flow of rows).").choice(InvalidRows.class, InvalidRows::id,
                            InvalidRows.STOP);

    // ------------------------------------------------------------------------------------------------ follow-up

    public static final StudyKey<String> TIME_COLUMN = key("time.column", Flags.TIME, "Follow-up time",
            "The column with the follow-up time, a number >= 0.").column();
    public static final StudyKey<String> TIME_FROM = key("time.from", Flags.START_DATE, "Start date",
            "Or: the column with the date follow-up starts (with the end date).").column();
    public static final StudyKey<String> TIME_TO = key("time.to", Flags.END_DATE, "End date",
            "The column with the date of the event or of the last follow-up.").column();
    public static final StudyKey<TimeUnit> TIME_UNIT = key("time.unit", Flags.TIME_UNIT, "Time unit",
            "The unit of time: from dates, days, weeks, months (days / 30.4375) or years (days / 365.25); with a"
                    + " time column, the unit it is in (for labels).")
            .choice(TimeUnit.class, u -> u.name().toLowerCase(Locale.ROOT), TimeUnit.DAYS);
    public static final StudyKey<String> ENTRY = key("time.entry", Flags.START, "Entry time",
            "A column of entry times, in the follow-up time's unit: each row is followed over (entry, time], R's"
                    + " Surv(entry, time, event) — delayed entry (left truncation: registry entry after diagnosis, age"
                    + " as the time scale) or rows split where a covariate changes. The Kaplan–Meier estimates and the"
                    + " Cox models use it; a report then compares the groups by the Cox score test.").column();
    public static final StudyKey<String> EVENT_COLUMN = key("event.column", Flags.EVENT, "Event column",
            "The column with the event status. Without an event value, 1/true/yes/dead/died/death/event are events"
                    + " and 0/false/no/alive/censored censored.").column();
    public static final StudyKey<List<String>> EVENT_VALUE = key("event.value", Flags.EVENT_VALUE, "Event values",
            "The value(s) that are an event, e.g. dead or Deceased,DOD (ignoring case; as numbers when they are)."
                    + " Other values are censored, except a word meaning death and a misspelling of an event value,"
                    + " which are named as problems.").texts(Kind.TEXTS);
    public static final StudyKey<List<String>> EVENT_CENSOR_VALUE = key("event.censor_value", Flags.CENSOR_VALUE,
            "Censored values", "The value(s) that mean censored, e.g. alive,lost. With event values too, any other"
                    + " value is a problem; alone, every other value is an event.").texts(Kind.TEXTS);
    public static final StudyKey<Double> LANDMARK = key("landmark", Flags.LANDMARK, "Landmark",
            "Landmark analysis: only patients still followed after this time are analysed, with time measured from"
                    + " it (the remedy for immortal-time bias when inclusion required surviving a period).")
            .number(0, false, Double.POSITIVE_INFINITY, true, null, "30");
    public static final StudyKey<Double> HORIZON = key("horizon", Flags.HORIZON, "Horizon",
            "Administrative censoring at this time (the time's unit): follow-up beyond it is censored there and"
                    + " events after it are not counted (60 with months: 5-year survival). With a landmark, counted"
                    + " from it.").positiveTime("60");

    // ------------------------------------------------------------------------------------------------ groups

    public static final StudyKey<String> GROUP_COLUMN = key("groups.column", Flags.GROUP, "Groups",
            "The column whose values are the compared groups.").column();
    public static final StudyKey<String> GROUP_NAME = key("groups.name", null, "Group variable",
            "The name of a group variable derived by rules (a column of the analysis dataset).").text();
    public static final StudyKey<List<String>> GROUP_ORDER = key("groups.order", null, "Group order",
            "The groups in display order; the first is the reference of hazard ratios.").texts(Kind.TEXTS);
    public static final StudyKey<String> GROUP_OTHERWISE = key("groups.otherwise", null, "Other rows",
            "The label of rows no rule matches (without it they are excluded as a missing group).").text();
    public static final StudyKey<String> RULE_LABEL = key("groups.rules[].label", null, "Group label",
            "The label of the group a rule defines.").text();
    public static final StudyKey<String> RULE_WHEN = key("groups.rules[].when", null, "Rule",
            "The condition, e.g. er == \"positive\" and her2 in [\"negative\", \"0\"]; the first rule that holds wins.")
            .text();
    public static final StudyKey<String> STRATA = key("strata", Flags.STRATA, "Strata",
            "A column that stratifies the comparisons (a stratified log-rank test) and the Cox models (a separate"
                    + " baseline hazard per value).").column();

    public static final StudyKey<String> WEIGHTS = key("weights", Flags.WEIGHTS, "Case weights",
            "A column of case weights (numbers >= 0; a row of weight 2 counts as two patients) for the Kaplan–Meier"
                    + " estimates and the Cox models (R survfit and coxph weights); a report then compares the groups by"
                    + " the Cox score test, robust with non-integer weights as in R.").column();

    // ------------------------------------------------------------------------------------------------ eligibility

    public static final StudyKey<String> INCLUDE_WHEN = key("include[].when", null, "Inclusion rule",
            "An inclusion criterion in the rule language of the group rules, e.g. age >= 18: a row is analysed only"
                    + " if every include rule holds; a rule left undecided by a missing value excludes the row (under"
                    + " 'missing value of COLUMN for criterion REASON').").text();
    public static final StudyKey<String> INCLUDE_REASON = key("include[].reason", null, "Reason (inclusion rule)",
            "The reason for exclusion of the rows the include rule leaves out, as the flow diagram lists it, e.g."
                    + " younger than 18; each excluded row is counted under the first criterion it fails (include"
                    + " rules in order, then exclude rules).").text();
    public static final StudyKey<String> EXCLUDE_WHEN = key("exclude[].when", null, "Exclusion rule",
            "An exclusion criterion in the rule language of the group rules, e.g. stage == \"IV\": a row where it"
                    + " holds is not analysed; a rule left undecided by a missing value does not exclude.").text();
    public static final StudyKey<String> EXCLUDE_REASON = key("exclude[].reason", null, "Reason (exclusion rule)",
            "The reason for exclusion of the rows the exclude rule leaves out, as the flow diagram lists it, e.g."
                    + " metastatic disease at inclusion.").text();

    // ------------------------------------------------------------------------------------------------ report

    public static final StudyKey<String> TITLE = key("title", Flags.TITLE, "Title",
            "The report's title (default: the endpoint and the file name).").text();
    public static final StudyKey<String> ENDPOINT = key("endpoint", Flags.ENDPOINT, "Endpoint",
            "The endpoint's name in titles and text.").text("Overall survival");
    public static final StudyKey<String> OUTPUT = key("output", Flags.OUTPUT, "Output folder",
            "The folder for report.html, tables and figures, relative to the study file.").text("report");
    public static final StudyKey<Boolean> DOCX = key("docx", Flags.DOCX, "Word report",
            "Also write report.docx (the report as a Word document: native tables in journal style, figures at print"
                    + " resolution, the methods) and tables.xlsx (one sheet per table, numbers as numbers).").bool(false);
    public static final StudyKey<Integer> P_DIGITS = key("p_digits", Flags.P_DIGITS, "P-value digits",
            "Significant digits of P values in tables and figures (below 0.001 always < 0.001).").integer(
                    PValueFormat.MIN_DIGITS, PValueFormat.MAX_DIGITS, 3,
                    "the significant digits of P values, 1 to 4 (default 3: 0.00612; 1 prints 0.006)");
    public static final StudyKey<PValueFormat.Style> P_STYLE = key("p_style", Flags.P_STYLE, "P-value style",
            "How P values print in the report's tables, figures and text, the web page and the command line's text"
                    + " (which otherwise prints them as R does): digits (p_digits significant digits, < 0.001), nejm"
                    + " (0.03, 0.004, <0.001), ama (JAMA: .03, .004, <.001) or lancet (0·035, <0·0001).")
            .choice(PValueFormat.Style.CHOICES, PValueFormat.Style::id, Map.of(), PValueFormat.Style.DIGITS,
                    PValueFormat.Style.DIGITS.id());

    public static final StudyKey<Engine> ENGINE = key("engine", Flags.ENGINE, "Engine",
            "Where km, compare, cox, cif and finegray run: local (in memory, the default) or spark (Apache Spark over"
                    + " any source it reads, e.g. Parquet; the same numbers; needs the survkit-spark module, which"
                    + " ./survkit adds). A study file (survkit report, the web app) runs in memory: it refuses spark.")
            .choice(Engine.class, Engine::word, Engine.LOCAL);
    public static final StudyKey<String> SPARK_MASTER = key("spark_master", Flags.MASTER, "Spark master",
            "The Spark master of the spark engine: local[*] (every core of this machine, the default), local[2],"
                    + " spark://host:7077 or yarn.").text("local[*]");

    // ------------------------------------------------------------------------------------------------ estimates

    public static final StudyKey<Preset> PRESET = key("preset", Flags.PRESET, "Defaults of",
            "Reproduce another package's defaults (CI type, median rule, test); an option given explicitly still"
                    + " wins.").choice(Preset.class, Preset::id, Preset.SURVKIT);
    public static final StudyKey<ConfidenceType> CONF_TYPE = key("conf_type", Flags.CONF_TYPE, "Confidence interval",
            "The transform of the confidence intervals of survival and cumulative incidence: log-log (stays inside"
                    + " 0–1), log (R's default) or plain.").choice(Arrays.asList(ConfidenceType.values()), ConfidenceType::rName,
                            Map.of("loglog", ConfidenceType.LOG_LOG, "linear", ConfidenceType.PLAIN), null,
                            "the preset's (survkit: log-log)");
    public static final StudyKey<Double> CONF_LEVEL = key("conf_level", Flags.CONF_LEVEL, "Confidence level",
            "The level of every confidence interval.").number(0, true, 1, true, 0.95, "0.95");
    public static final StudyKey<MedianRule> MEDIAN_RULE = key("median_rule", Flags.MEDIAN_RULE, "Median rule",
            "How the median is read where the curve sits at exactly 50%: r (midpoint of the flat stretch if the curve"
                    + " drops later), midpoint (Prism) or first (lifelines).")
            .choice(Arrays.asList(MedianRule.values()), MedianRule::id, Map.of(), null, "the preset's (r)");
    public static final StudyKey<double[]> AT = key("at", Flags.AT, "Survival at",
            "Times at which survival is reported with its CI and number at risk (default: the horizon).")
            .numbers(0, "12,36,60");
    public static final StudyKey<Double> TAU = key("tau", Flags.TAU, "RMST horizon",
            "The horizon of restricted mean survival times (default: the shortest group's last follow-up time).")
            .positiveTime("60");

    // ------------------------------------------------------------------------------------------------ comparisons

    public static final StudyKey<Weighting> TEST = key("comparisons.test", Flags.TEST, "Test",
            "The weighted log-rank test: logrank (Mantel–Cox), gehan (Gehan–Breslow–Wilcoxon), tarone (Tarone–Ware),"
                    + " peto (Peto–Peto) or fh (Fleming–Harrington, with rho and gamma).")
            .choice(Arrays.asList(Weighting.values()), Weighting::id, Map.of("log-rank", Weighting.LOGRANK,
                    "mantel-cox", Weighting.LOGRANK, "wilcoxon", Weighting.GEHAN, "tarone-ware",
                    Weighting.TARONE_WARE, "peto-peto", Weighting.PETO, "fleming-harrington",
                    Weighting.FLEMING_HARRINGTON), null, "the preset's (logrank)");
    public static final StudyKey<Double> RHO = key("comparisons.rho", Flags.RHO, "ρ",
            "Fleming–Harrington ρ: weight S(t−)^ρ (1 − S(t−))^γ.").number(0, false, Double.POSITIVE_INFINITY, true,
                    0.0, "1");
    public static final StudyKey<Double> GAMMA = key("comparisons.gamma", Flags.GAMMA, "γ",
            "Fleming–Harrington γ.").number(0, false, Double.POSITIVE_INFINITY, true, 0.0, "1");
    public static final StudyKey<Boolean> PAIRWISE = key("comparisons.pairwise", Flags.PAIRWISE, "Pairwise",
            "Also test every pair of groups, with raw and adjusted P.").bool(true);
    public static final StudyKey<PValueAdjustment> ADJUST = key("comparisons.adjust", Flags.ADJUST, "Adjustment",
            "Multiple-comparison adjustment of the pairwise P values: none, bonferroni, holm or bh"
                    + " (Benjamini–Hochberg).").choice(Arrays.asList(PValueAdjustment.values()), PValueAdjustment::id,
                            Map.of("fdr", PValueAdjustment.BH, "benjamini-hochberg", PValueAdjustment.BH),
                            PValueAdjustment.HOLM, "holm");
    public static final StudyKey<Boolean> TREND = key("comparisons.trend", Flags.TREND, "Trend",
            "Also the 1-df test for trend over the ordered groups.").bool(false);
    public static final StudyKey<double[]> SCORES = key("comparisons.scores", Flags.SCORES, "Trend scores",
            "The groups' scores for the trend test (default: the group values when numbers, else 1..k).")
            .numbers(Double.NEGATIVE_INFINITY, "1,2,3");
    public static final StudyKey<Boolean> CONSERVATIVE = key("comparisons.conservative", Flags.CONSERVATIVE,
            "Prism's conservative statistic", "Also Prism's conservative statistic Σ(O−E)²/E.").bool(false);
    public static final StudyKey<String> EXPECTED = key("comparisons.expected", Flags.EXPECTED,
            "Expected cumulative hazard", "A column with each subject's expected cumulative hazard over its own"
                    + " follow-up (e.g. from a life table or a historical control): the one-sample log-rank test of"
                    + " the observed against the expected events, (O − E)²/E on 1 df (R survdiff(Surv(time, status) ~"
                    + " offset(exp(-expected)))). Replaces the group comparison.").column().commandLineOnly();
    public static final StudyKey<List<HazardRatioMethod>> HAZARD_RATIOS = key("comparisons.hazard_ratios",
            Flags.HAZARD_RATIOS, "Hazard ratios", "The two-group hazard ratios the pairwise table shows: cox (a Cox"
                    + " model with the group alone), mantel_haenszel (as GraphPad Prism) and oe (log-rank observed/"
                    + "expected); the primary one is the preset's software's (Cox; Mantel–Haenszel for prism) when"
                    + " shown, else the first.").choices(Arrays.asList(HazardRatioMethod.values()),
                            HazardRatioMethod::id);
    public static final StudyKey<Rmst> RMST = key("comparisons.rmst", null, "Compare RMST",
            "When restricted mean survival times are compared: auto (when the curves cross or the group fails the PH"
                    + " test), yes or no.").choice(Rmst.class, Rmst::word, Rmst.AUTO);

    // ------------------------------------------------------------------------------------------------ Cox models

    public static final StudyKey<String> COX_NAME = key("cox[].name", null, "Model name",
            "The model's name in the report.").text();
    public static final StudyKey<List<String>> COVARIATES = key("cox[].covariates", Flags.COVARIATES, "Covariates",
            "The model's terms: columns (the group variable by its name), interactions a:b.").texts(Kind.COLUMNS);
    public static final StudyKey<List<String>> CATEGORICAL = key("cox[].categorical", Flags.CATEGORICAL,
            "Categorical", "Numeric-looking columns to treat as factors.").texts(Kind.COLUMNS);
    public static final StudyKey<Map<String, String>> REFERENCE = key("cox[].reference", Flags.REFERENCE,
            "Reference levels", "The reference level of a factor, COLUMN=LEVEL (default: the first group, else the"
                    + " first level in sorted order).").pairs("stage=II");
    public static final StudyKey<Ties> TIES = key("cox[].ties", Flags.TIES, "Ties",
            "How tied event times are handled: efron (R's default), breslow (SAS's, Stata's) or exact (the exact"
                    + " partial likelihood, R's ties = \"exact\": slow with many deaths at one time; no case weights).")
            .choice(Ties.class, Ties::id, Ties.EFRON);
    public static final StudyKey<Firth> FIRTH = key("cox[].firth", Flags.FIRTH, "Firth's correction",
            "Firth's penalized likelihood: auto (added when the standard fit runs to infinity), yes or no.")
            .choice(Firth.class, Firth::word, Firth.AUTO);
    public static final StudyKey<String> CLUSTER = key("cox[].cluster", Flags.CLUSTER, "Cluster",
            "A cluster identifier: robust (sandwich) standard errors.").column();
    public static final StudyKey<String> OFFSET = key("cox[].offset", Flags.OFFSET, "Offset",
            "A column with a known part of each row's log hazard, its coefficient fixed at 1 (R: + offset(x) in the"
                    + " coxph formula), e.g. the log of an expected rate.").column();
    public static final StudyKey<double[]> INIT = key("cox[].init", Flags.INIT, "Starting values",
            "Starting values of the coefficients, one per coefficient in the model's order (factor levels each"
                    + " count; R coxph's init). The first log-likelihood and the score and likelihood-ratio tests are"
                    + " then at these values, as in R.").numbers(Double.NEGATIVE_INFINITY, "0.01,-0.3");
    public static final StudyKey<Integer> ITER_MAX = key("cox[].iter_max", Flags.ITER_MAX, "Maximum iterations",
            "The most Newton–Raphson iterations of the Cox fit (R coxph.control(iter.max), default 20); 1 gives R's"
                    + " one-step estimates from the starting values.").integer(1, 1000, 20,
                            "the maximum number of iterations, a whole number from 1 to 1000 (R's default is 20)");
    public static final StudyKey<ZphTransform> ZPH_TRANSFORM = key("cox[].zph_transform", Flags.ZPH_TRANSFORM,
            "PH test time scale", "The time scale of the proportional-hazards test (R cox.zph's transform): km (R's"
                    + " default: 1 − Kaplan–Meier, robust to a few long times), rank, identity (time itself) or log.")
            .choice(ZphTransform.class, ZphTransform::id, ZphTransform.KM);
    public static final StudyKey<ConcordanceWeighting> CONCORDANCE = key("cox[].concordance", Flags.CONCORDANCE,
            "Concordance", "The model's concordance index: harrell (every comparable pair alike, R's default) or uno"
                    + " (pairs weighted by 1/G(t)², G the censoring curve: R concordance(fit, timewt = \"n/G2\"),"
                    + " less dependent on the censoring; not for (start, stop] data).")
            .choice(ConcordanceWeighting.class, ConcordanceWeighting::id, ConcordanceWeighting.HARRELL);

    // ------------------------------------------------------------------------------------------------ competing risks

    public static final StudyKey<String> CR_COLUMN = key("competing_risks.column", null, "Cause column",
            "The column with the status codes: the censoring code and one code per cause (default: the event"
                    + " column).").column();
    public static final StudyKey<String> CENSOR_VALUE = key("competing_risks.censor_value", null,
            "Censoring code", "The code (number or word) of censored rows; every other code is a cause.").text();
    public static final StudyKey<String> CAUSE = key("competing_risks.cause", Flags.CAUSE, "Cause of interest",
            "The cause of the Fine–Gray model (default: the first cause).").text();
    public static final StudyKey<Map<String, String>> CAUSES = key("competing_risks.causes", null, "Causes",
            "The cause codes with their labels, in display order (CODE: LABEL); when given, any other code is an"
                    + " error (default: every code, labelled Cause k).").pairs("1=Relapse,2=Death");
    public static final StudyKey<List<String>> FINEGRAY_COVARIATES = key("competing_risks.finegray.covariates",
            null, "Fine–Gray covariates", "The Fine–Gray model's terms; the group is added as a factor.")
            .texts(Kind.COLUMNS);
    public static final StudyKey<List<String>> FINEGRAY_CATEGORICAL = key("competing_risks.finegray.categorical",
            null, "Fine–Gray categorical", "Numeric-looking columns of the Fine–Gray model to treat as factors.")
            .texts(Kind.COLUMNS);
    public static final StudyKey<Map<String, String>> FINEGRAY_REFERENCE = key("competing_risks.finegray.reference",
            null, "Fine–Gray reference levels", "The reference level of a factor of the Fine–Gray model.")
            .pairs("stage=II");
    public static final StudyKey<CifPlot> CIF_PLOT = key("competing_risks.plot", null, "Cumulative incidence figure",
            "stacked (cause 1 from the axis, the next on top) or lines (one line per cause).")
            .choice(CifPlot.class, CifPlot::word, CifPlot.STACKED);
    public static final StudyKey<Double> GRAY_RHO = key("competing_risks.rho", null, "ρ of Gray's test",
            "cmprsk's rho: > 0 weighs early differences.").number(0, false, Double.POSITIVE_INFINITY, true, 0.0, "1");
    public static final StudyKey<String> GRAY_STRATA = key("competing_risks.strata", null, "Strata of Gray's test",
            "A column that stratifies Gray's tests (cmprsk strata).").column();

    // ------------------------------------------------------------------------------------------------ Table 1

    public static final StudyKey<String> TABLE1 = key("table1[].column", Flags.TABLE1, "Table 1",
            "A variable of Table 1 (n (%) or mean ± SD / median [IQR] overall and by group, P, SMD); on the command"
                    + " line a list, one item each.").column();
    public static final StudyKey<String> TABLE1_LABEL = key("table1[].label", null, "Row label",
            "The row's label (default: the column name).").text();
    public static final StudyKey<VariableType> TABLE1_TYPE = key("table1[].type", null, "Variable type",
            "categorical, continuous or auto (continuous when every value is a number with more than 5 distinct"
                    + " values).").choice(VariableType.class, VariableType::word, VariableType.AUTO);
    public static final StudyKey<Summary> TABLE1_SUMMARY = key("table1[].summary", null, "Summary",
            "mean_sd, median_iqr or auto (median [IQR] when a rank test is chosen); default: table1.continuous.")
            .choice(Summary.class, Summary::word, Summary.AUTO);
    public static final StudyKey<Boolean> TABLE1_P_VALUES = key("table1.p_values", Flags.TABLE1_P_VALUES,
            "Table 1 P values", "A P column comparing the groups in Table 1 (CONSORT advises against baseline P"
                    + " values in randomised trials: no).").bool(true);
    public static final StudyKey<Percent> TABLE1_PERCENT = key("table1.percent", Flags.TABLE1_PERCENT,
            "Table 1 counts", "How Table 1 shows a level's count: \"n/N (%)\" (9/43 (20.9)) or \"n (%)\" (9 (20.9)).")
            .choice(Percent.class, Percent::word, Percent.N_OF_N);
    public static final StudyKey<Summary> TABLE1_CONTINUOUS = key("table1.continuous", Flags.TABLE1_CONTINUOUS,
            "Table 1 continuous", "The summary of continuous variables without their own summary: mean_sd,"
                    + " median_iqr or auto (median [IQR] when a rank test is chosen).")
            .choice(Summary.class, Summary::word, Summary.AUTO);
    public static final StudyKey<List<String>> TABLE1_LEVELS = key("table1[].levels", null, "Levels",
            "A categorical variable's levels in display order.").texts(Kind.TEXTS);

    // ------------------------------------------------------------------------------------------------ figures

    public static final StudyKey<Boolean> CONFIDENCE_BANDS = key("figures.confidence_bands", null,
            "Confidence bands", "Pointwise confidence bands around the Kaplan–Meier curves.").bool(false);
    public static final StudyKey<Boolean> MEDIAN_LINES = key("figures.median_lines", null, "Median lines",
            "Dashed lines at 50% survival down to each median reached.").bool(false);
    public static final StudyKey<String> CENSOR_MARKS = key("figures.censor_marks", null, "Censor marks",
            "How censored patients are marked: plus (R), tick (Prism) or none.")
            .choice(List.of("plus", "tick", "none"), s -> s, Map.of(), "plus", "plus");
    public static final StudyKey<Boolean> RISK_TABLE = key("figures.risk_table", null, "Numbers at risk",
            "The number-at-risk table under the curves.").bool(true);
    public static final StudyKey<String> SCALE = key("figures.scale", null, "Survival scale",
            "Survival as a fraction (0–1) or in percent.")
            .choice(List.of("fraction", "percent"), s -> s, Map.of(), "fraction", "fraction");
    public static final StudyKey<List<FigureFormat>> FIGURE_FORMATS = key("figures.formats", Flags.FIGURE_FORMATS,
            "Figure files", "The files every figure is written as: svg (always: the report shows it), png and tiff"
                    + " (raster at the resolution below; TIFF LZW-compressed), pdf and eps (vector, for journals: PDF"
                    + " with its fonts embedded, EPS with its text as outlines), e.g. svg,png,pdf.")
            .choices(Arrays.asList(FigureFormat.values()), FigureFormat::id, Map.of("tif", FigureFormat.TIFF),
                    List.of(FigureFormat.SVG, FigureFormat.PNG));
    public static final StudyKey<Double> FIGURE_WIDTH = key("figures.width_mm", Flags.FIGURE_WIDTH,
            "Figure width (mm)", "The printed width of the figures in millimetres: 170 (two columns), 85 (one"
                    + " column) or any width from 80 to 300; text and lines scale with it (8 pt text at 170 mm, 7 pt at"
                    + " 85 mm).").number(FigureSize.MIN_WIDTH_MM, false, FigureSize.MAX_WIDTH_MM, false,
                            FigureSize.FULL_WIDTH_MM, "85");
    public static final StudyKey<Integer> DPI = key("figures.dpi", Flags.FIGURE_DPI, "Resolution (PNG, TIFF)",
            "The resolution of the PNG and TIFF files in dots per inch.").integer(72, 1200, 300,
                    "the resolution in dots per inch, a whole number from 72 to 1200 (journals ask for 300 to 600)");
    public static final StudyKey<Boolean> PNG = key("figures.png", null, "PNG files",
            "Deprecated, the same as formats: yes means [svg, png], no means [svg]; write formats instead.")
            .bool(true);
    public static final StudyKey<String> TIME_LABEL = key("figures.time_label", null, "Time axis title",
            "The figures' time axis title (default: from the unit and the start date column).").text();
    public static final StudyKey<List<String>> COLORS = key("figures.colors", null, "Group colours",
            "The groups' colours in group order, #RRGGBB (default: Okabe–Ito, colour-blind safe), or grey for black,"
                    + " dark and light grey (greyscale print).").texts(Kind.TEXTS);
    public static final StudyKey<LineTypes> LINE_TYPES = key("figures.line_types", Flags.LINE_TYPES, "Line types",
            "Distinct line types per group (solid, dashed, dotted, dot-dash, …) in the Kaplan–Meier, log(−log) and"
                    + " cumulative-incidence line figures: auto (when two groups' colours would print as nearly the same"
                    + " grey, as the default colours do), solid (colour only) or dashed (always).")
            .choice(LineTypes.class, LineTypes::word, LineTypes.AUTO);
    public static final StudyKey<LegendPosition> LEGEND = key("figures.legend", Flags.LEGEND, "Legend position",
            "Where the curves' legend goes: inside (the plot, where it covers no curve), right, bottom, or none (each"
                    + " group named at the right end of its curve).")
            .choice(LegendPosition.class, LegendPosition::word, LegendPosition.INSIDE);

    private static final List<StudyKey<?>> ALL = collect();

    /** {@return every key, in the order of this class (the order of the documentation and the schema)} */
    public static List<StudyKey<?>> all() {
        return ALL;
    }

    /** {@return the key with this path} */
    public static StudyKey<?> byPath(String path) {
        for (StudyKey<?> k : ALL) {
            if (k.path().equals(path)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no study key " + path);
    }

    /**
     * The names a block of a study file allows, from the keys: {@code ""} for the top level, {@code "comparisons"},
     * {@code "cox[]"} for each Cox model, {@code "competing_risks.finegray"}; a name is a key or a block within it.
     *
     * @param block the block's path ({@code []} for the items of a list of blocks)
     * @return the names in the order of the keys
     */
    public static List<String> namesIn(String block) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        String prefix = block.isEmpty() ? "" : block + ".";
        for (StudyKey<?> k : ALL) {
            if (k.inStudyFile() && k.path().startsWith(prefix)) {
                String rest = k.path().substring(prefix.length());
                int dot = rest.indexOf('.');
                String name = dot < 0 ? rest : rest.substring(0, dot);
                names.add(name.replace("[]", ""));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Rewrites a reader's message for a study file: each command-line flag it cites as the fix becomes the study
     * file's key ({@code --event-value} → {@code 'event.value' in study.yaml}).
     *
     * @param message   the message, citing flags
     * @param studyFile the study file's name
     * @return the message citing study-file keys
     */
    public static String forStudyFile(String message, String studyFile) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--[a-z][a-z-]*").matcher(message);
        StringBuilder out = new StringBuilder();
        Map<String, StudyKey<?>> flags = byFlag();
        while (m.find()) {
            StudyKey<?> k = flags.get(m.group());
            String path = k == null ? null : k.path();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(path == null ? m.group()
                    : "'" + path.replace("[]", "") + "' in " + studyFile));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@return the keys with a flag, by flag (a flag belongs to one key)} */
    public static Map<String, StudyKey<?>> byFlag() {
        Map<String, StudyKey<?>> m = new LinkedHashMap<>();
        for (StudyKey<?> k : ALL) {
            if (k.flag() != null) {
                m.put(k.flag(), k);
            }
        }
        return m;
    }

    private static List<StudyKey<?>> collect() {
        List<StudyKey<?>> keys = new ArrayList<>();
        for (Field f : StudyKeys.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == StudyKey.class) {
                try {
                    keys.add((StudyKey<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(keys);
    }
}
