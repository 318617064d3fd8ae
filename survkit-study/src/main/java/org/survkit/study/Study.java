package org.survkit.study;

import org.survkit.study.rules.RuleExpression;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.Where;
import org.survkit.io.DecimalMark;
import org.survkit.io.InvalidRows;
import org.survkit.io.TimeUnit;
import org.survkit.stats.cox.ConcordanceWeighting;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.cox.ZphTransform;
import org.survkit.study.key.StudyKeys;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.study.CifPlot;
import org.survkit.study.Comparisons;
import org.survkit.study.Estimates;
import org.survkit.study.Firth;
import org.survkit.study.Summary;
import org.survkit.study.VariableType;
import org.survkit.plot.CensorMark;
import org.survkit.plot.FigureFormat;
import org.survkit.plot.FigureSize;
import org.survkit.plot.LegendPosition;
import org.survkit.plot.LineTypes;
import org.survkit.plot.Palette;
import org.survkit.stats.PValueFormat;
import org.survkit.plot.SurvivalScale;

/**
 * A study description: where the cohort is, how follow-up, the event and the groups are derived,
 * and which analyses the report contains. Read from a study file by {@link StudyReader}, written
 * by {@link StudyWriter}; every part keeps the line of the study file it came from (0 when it was
 * not read from a file), so that later errors (an unknown column) can name it.
 *
 * @param source      the study file (for messages and relative paths), or a pseudo file name
 * @param title       the report's title, or null
 * @param data        the cohort file
 * @param time        follow-up time
 * @param event       event status
 * @param groups      the compared groups, or null for the whole cohort
 * @param eligibility the eligibility criteria ({@code include}, {@code exclude}); none when null is given
 * @param strata      the column that stratifies the comparisons and the Cox models, or null
 * @param weights     the column of case weights of the Kaplan–Meier estimates, the comparisons and the Cox models,
 *                    or null
 * @param endpoint    the endpoint's name, e.g. "Overall survival"
 * @param horizon     administrative censoring time in the time unit (e.g. 60 months for 5-year survival), or NaN;
 *                    with a landmark, counted from the landmark
 * @param landmark    landmark time (patients still followed after it, time measured from it), or NaN
 * @param estimates   how survival is estimated: preset, CI type and level, median rule, times, RMST horizon
 * @param table1      the Table 1 rows
 * @param comparisons the group comparisons
 * @param cox         Cox models
 * @param competingRisks the competing-risks analysis, or null for none
 * @param figures     figure options
 * @param output      what the report writes and how it prints numbers: the folder, Word/Excel, the P style and
 *                    Table 1's table-wide choices
 * @param lines       top-level key → line in the study file (for messages; empty when not read from a file)
 */
public record Study(Path source, String title, Data data, Time time, Event event, Groups groups,
        Eligibility eligibility, String strata, String weights,
        String endpoint, double horizon, double landmark, Estimates estimates, List<Table1Item> table1,
        Comparisons comparisons, List<CoxSpec> cox, CompetingRisks competingRisks, Figures figures, Output output,
        Map<String, Integer> lines) {

    public Study {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(estimates, "estimates");
        eligibility = eligibility == null ? Eligibility.none() : eligibility;
        table1 = List.copyOf(table1);
        cox = List.copyOf(cox);
        Objects.requireNonNull(comparisons, "comparisons");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(output, "output");
        lines = Map.copyOf(lines);
    }

    /**
     * A study to be built part by part, each named where it is set; the parts not set take their defaults (no groups,
     * no eligibility criteria, no strata or weights, the endpoint's default name, no horizon or landmark, the default
     * estimates and comparisons, no Table 1, Cox model or competing risks, {@link Figures#defaults()},
     * {@link Output#defaults()}).
     *
     * @param source the study file (for messages and relative paths), or a pseudo file name
     * @param data   the cohort file
     * @param time   follow-up time
     * @param event  event status
     * @return the builder
     */
    public static Builder builder(Path source, Data data, Time time, Event event) {
        return new Builder(source, data, time, event);
    }

    /** {@return a builder holding every part of this study, to change some} */
    public Builder toBuilder() {
        return new Builder(source, data, time, event).title(title).groups(groups).eligibility(eligibility)
                .strata(strata).weights(weights).endpoint(endpoint).horizon(horizon).landmark(landmark)
                .estimates(estimates).table1(table1).comparisons(comparisons).cox(cox).competingRisks(competingRisks)
                .figures(figures).output(output).lines(lines);
    }

    /** {@return the line of a top-level key in the study file, or 0} */
    public int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    /** {@return the times at which survival is reported} */
    public double[] at() {
        return estimates.at();
    }

    /** {@return the CI transform of the Kaplan–Meier (and cumulative incidence) estimates} */
    public ConfidenceType confType() {
        return estimates.confType();
    }

    /** {@return the level of every interval} */
    public double confLevel() {
        return estimates.confLevel();
    }

    /** {@return how P values print in tables and figures} */
    public PValueFormat pValueFormat() {
        return output.pValueFormat();
    }

    /** {@return the study file's name, for messages} */
    public String fileName() {
        return source.getFileName() == null ? source.toString() : source.getFileName().toString();
    }

    /** {@return the folder relative paths are resolved against} */
    public Path baseDir() {
        Path parent = source.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** {@return the output folder, resolved against the study file's folder} */
    public Path outputDir() {
        return baseDir().resolve(output.folder()).normalize();
    }

    /** {@return the cohort file, resolved against the study file's folder} */
    public Path dataFile() {
        return baseDir().resolve(data.path()).normalize();
    }

    /** {@return whether the groups are defined (else the whole cohort is one group)} */
    public boolean grouped() {
        return groups != null;
    }

    /** {@return the same study writing to another output folder (absolute or relative to the study's folder)} */
    public Study withOutput(Path folder) {
        return toBuilder().output(output.withFolder(folder)).rebuild();
    }

    /** {@return the same study with other eligibility criteria} */
    public Study withEligibility(Eligibility e) {
        return toBuilder().eligibility(e).rebuild();
    }

    /** {@return the same study with other comparisons} */
    public Study withComparisons(Comparisons c) {
        return toBuilder().comparisons(c).rebuild();
    }

    /**
     * The same study with other presentation choices.
     *
     * @param digits the significant digits of the {@code digits} P style
     * @param style  the P-value style
     * @param t1     Table 1's table-wide choices
     * @return the study
     */
    public Study withPresentation(int digits, PValueFormat.Style style, Table1Style t1) {
        return toBuilder().output(new Output(output.folder(), output.docx(), digits, style, t1)).rebuild();
    }

    /** {@return the same study writing report.docx and tables.xlsx (true) or not} */
    public Study withDocx(boolean on) {
        return toBuilder().output(new Output(output.folder(), on, output.pValueDigits(), output.pStyle(),
                output.table1Style())).rebuild();
    }

    /** {@return the same study with other figure options} */
    public Study withFigures(Figures f) {
        return toBuilder().figures(f).rebuild();
    }

    /**
     * What the report writes and how it prints its numbers (the study's top-level keys {@code output}, {@code docx},
     * {@code p_digits}, {@code p_style} and the {@code table1} block's {@code p_values}, {@code percent},
     * {@code continuous}).
     *
     * @param folder       the output folder (absolute or relative to the study file's folder)
     * @param docx         also write report.docx (Word) and tables.xlsx (Excel) next to report.html
     * @param pValueDigits significant digits of P values in tables and figures (1 to 4; default 3)
     * @param pStyle       the P-value style ({@code p_style}; {@code digits} uses {@code pValueDigits}); null for the
     *                     default
     * @param table1Style  Table 1's table-wide choices; null for the defaults
     */
    public record Output(Path folder, boolean docx, int pValueDigits, PValueFormat.Style pStyle,
            Table1Style table1Style) {
        public Output {
            Objects.requireNonNull(folder, "folder");
            pStyle = pStyle == null ? StudyKeys.P_STYLE.defaultValue() : pStyle;
            table1Style = table1Style == null ? Table1Style.defaults() : table1Style;
            PValueFormat.of(pStyle, pValueDigits); // checks the digits
        }

        /** {@return the defaults: the folder report, no Word or Excel files, the default P style and Table 1} */
        public static Output defaults() {
            return new Output(Path.of(StudyKeys.OUTPUT.defaultValue()), StudyKeys.DOCX.defaultValue(),
                    StudyKeys.P_DIGITS.defaultValue(), StudyKeys.P_STYLE.defaultValue(), Table1Style.defaults());
        }

        /** {@return how P values print in tables and figures} */
        public PValueFormat pValueFormat() {
            return PValueFormat.of(pStyle, pValueDigits);
        }

        /** {@return the same choices writing to another folder} */
        public Output withFolder(Path other) {
            return new Output(other, docx, pValueDigits, pStyle, table1Style);
        }
    }

    /**
     * Builds a {@link Study}: every front end (the study file, the command line's report from flags, the web page)
     * makes its study here, and {@link #build(Function)} checks the rules that join keys of several parts (case
     * weights and entry times: {@link WeightsAndEntry}) once for all of them, in the words of the front end.
     */
    public static final class Builder {
        private final Path source;
        private final Data data;
        private final Time time;
        private final Event event;
        private String title;
        private Groups groups;
        private Eligibility eligibility = Eligibility.none();
        private String strata;
        private String weights;
        private String endpoint = StudyKeys.ENDPOINT.defaultValue();
        private double horizon = Double.NaN;
        private double landmark = Double.NaN;
        private Estimates estimates;
        private List<Table1Item> table1 = List.of();
        private Comparisons comparisons;
        private List<CoxSpec> cox = List.of();
        private CompetingRisks competingRisks;
        private Figures figures = Figures.defaults();
        private Output output = Output.defaults();
        private Map<String, Integer> lines = Map.of();

        private Builder(Path source, Data data, Time time, Event event) {
            this.source = source;
            this.data = data;
            this.time = time;
            this.event = event;
        }

        /** {@return this builder with the report's title (null: none)} */
        public Builder title(String t) {
            title = t;
            return this;
        }

        /** {@return this builder with the compared groups (null: the whole cohort)} */
        public Builder groups(Groups g) {
            groups = g;
            return this;
        }

        /** {@return this builder with the eligibility criteria (null: none)} */
        public Builder eligibility(Eligibility e) {
            eligibility = e;
            return this;
        }

        /** {@return this builder with the strata column (null: none)} */
        public Builder strata(String column) {
            strata = column;
            return this;
        }

        /** {@return this builder with the case-weight column (null: none)} */
        public Builder weights(String column) {
            weights = column;
            return this;
        }

        /** {@return this builder with the endpoint's name} */
        public Builder endpoint(String name) {
            endpoint = name;
            return this;
        }

        /** {@return this builder with the horizon (NaN: none)} */
        public Builder horizon(double h) {
            horizon = h;
            return this;
        }

        /** {@return this builder with the landmark (NaN: none)} */
        public Builder landmark(double t) {
            landmark = t;
            return this;
        }

        /** {@return this builder with the estimates (null: the default preset's)} */
        public Builder estimates(Estimates e) {
            estimates = e;
            return this;
        }

        /** {@return this builder with the Table 1 rows} */
        public Builder table1(List<Table1Item> items) {
            table1 = items;
            return this;
        }

        /** {@return this builder with the comparisons (null: the defaults of the estimates)} */
        public Builder comparisons(Comparisons c) {
            comparisons = c;
            return this;
        }

        /** {@return this builder with the Cox models} */
        public Builder cox(List<CoxSpec> models) {
            cox = models;
            return this;
        }

        /** {@return this builder with the competing-risks analysis (null: none)} */
        public Builder competingRisks(CompetingRisks c) {
            competingRisks = c;
            return this;
        }

        /** {@return this builder with the figure options} */
        public Builder figures(Figures f) {
            figures = f;
            return this;
        }

        /** {@return this builder with what the report writes and how it prints} */
        public Builder output(Output o) {
            output = o;
            return this;
        }

        /** {@return this builder with the lines of the top-level keys in the study file} */
        public Builder lines(Map<String, Integer> l) {
            lines = l;
            return this;
        }

        /**
         * Builds the study and checks the rules that join its parts ({@link WeightsAndEntry}, {@link CoxRules}).
         *
         * @param where how the user wrote each key (the study file's key and line, the flag, the page's field), for
         *              the message
         * @return the study
         * @throws org.survkit.io.InputException naming the keys that do not combine and the fix
         */
        public Study build(Function<StudyKey<?>, Where> where) {
            Study s = rebuild();
            WeightsAndEntry.check(s, where);
            CoxRules.check(s, where);
            return s;
        }

        /** The study of parts already checked together (a copy with another folder, figure or print option). */
        private Study rebuild() {
            Estimates e = estimates != null ? estimates
                    : Estimates.resolve(null, null, null, null, new double[0], null);
            return new Study(source, title, data, time, event, groups, eligibility, strata, weights, endpoint,
                    horizon, landmark, e, table1, comparisons != null ? comparisons : Comparisons.defaults(e), cox,
                    competingRisks, figures, output, lines);
        }
    }

    /**
     * The cohort file.
     *
     * @param path       relative to the study file, or absolute
     * @param sheet      Excel sheet, or null for the first
     * @param na         extra missing-value codes (besides empty, NA and .)
     * @param dateFormat date pattern (e.g. dd/MM/yyyy), or null for ISO yyyy-MM-dd
     * @param decimal    the decimal mark of numbers (AUTO: detected per column)
     * @param invalid    what happens to rows with invalid values (STOP: every problem listed, nothing analysed)
     * @param line       line of {@code data} in the study file
     */
    public record Data(Path path, String sheet, List<String> na, String dateFormat, DecimalMark decimal,
            InvalidRows invalid, int line) {
        public Data {
            Objects.requireNonNull(path, "path");
            na = List.copyOf(na);
            decimal = decimal == null ? DecimalMark.AUTO : decimal;
            invalid = invalid == null ? InvalidRows.STOP : invalid;
        }

        /** Data read with the default decimal mark (detected) and invalid values stopping the run. */
        public Data(Path path, String sheet, List<String> na, String dateFormat, int line) {
            this(path, sheet, na, dateFormat, DecimalMark.AUTO, InvalidRows.STOP, line);
        }
    }

    /**
     * Follow-up time: a numeric column, or the difference of two date columns in a unit.
     *
     * @param column   the numeric column, or null
     * @param from     the start date column, or null
     * @param to       the end date column, or null
     * @param unit     the unit of dates' difference (null with a numeric column)
     * @param unitName the unit's name for labels ("months"), or null when unknown
     * @param entry    the column of entry times (rows followed over (entry, time]: delayed entry), or null
     * @param lines    key → line in the study file
     */
    public record Time(String column, String from, String to, TimeUnit unit, String unitName, String entry,
            Map<String, Integer> lines) {
        public Time {
            lines = Map.copyOf(lines);
        }

        /** Follow-up from time zero (no entry column). */
        public Time(String column, String from, String to, TimeUnit unit, String unitName, Map<String, Integer> lines) {
            this(column, from, to, unit, unitName, null, lines);
        }

        /** {@return whether rows enter late: (entry, time] rows} */
        public boolean delayedEntry() {
            return entry != null;
        }

        /** {@return whether time comes from two dates} */
        public boolean fromDates() {
            return from != null;
        }

        /** {@return the line of a key, or of the time block} */
        public int line(String key) {
            return lines.getOrDefault(key, lines.getOrDefault("", 0));
        }
    }

    /**
     * Event status.
     *
     * @param column       the column
     * @param values       the values that are events (ignoring case; as numbers when they are); empty for the
     *                     default codes (1/0, yes/no, dead/alive in seven languages, …)
     * @param censorValues the values that are censored; with event values too, any other value is invalid
     * @param line         line of {@code event}
     */
    public record Event(String column, List<String> values, List<String> censorValues, int line) {
        public Event {
            Objects.requireNonNull(column, "column");
            values = trimmed(values);
            censorValues = trimmed(censorValues);
        }

        /** An event coded by one value (or the default codes when it is null). */
        public Event(String column, String value, int line) {
            this(column, value == null ? List.of() : List.of(value), List.of(), line);
        }

        private static List<String> trimmed(List<String> values) {
            return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::trim)
                    .filter(v -> !v.isEmpty()).toList();
        }

        /** {@return the first event value, or null for the default codes} */
        public String value() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * The compared groups: a column's values, or labels assigned by rules (the first rule that holds wins).
     *
     * @param name      the group variable's name (a column of the analysis dataset)
     * @param column    the column whose values are the groups, or null with rules
     * @param rules     the rules, in order, or empty with a column
     * @param otherwise the label of rows no rule matches, or null (they are then excluded: missing group)
     * @param order     display order of the groups (empty: rule order, or the natural order of the values)
     * @param line      line of {@code groups}
     */
    public record Groups(String name, String column, List<GroupRule> rules, String otherwise, List<String> order,
            int line) {
        public Groups {
            Objects.requireNonNull(name, "name");
            rules = List.copyOf(rules);
            order = List.copyOf(order);
        }
    }

    /**
     * One group rule.
     *
     * @param label    the group label
     * @param when     the condition
     * @param line     line of the rule's {@code when}
     * @param position 1-based index among the rules
     */
    public record GroupRule(String label, RuleExpression when, int line, int position) {
    }

    /**
     * One Table 1 variable.
     *
     * @param column  the column
     * @param label   the row label (default: the column name)
     * @param type    categorical, continuous or auto
     * @param summary for continuous variables
     * @param levels  display order of a categorical variable's levels (empty: natural order)
     * @param line    line in the study file
     */
    public record Table1Item(String column, String label, VariableType type, Summary summary, List<String> levels,
            int line) {
        public Table1Item {
            Objects.requireNonNull(column, "column");
            levels = List.copyOf(levels);
        }

        /** {@return the label shown, the column name when none was given} */
        public String shownLabel() {
            return label == null ? column : label;
        }
    }

    /**
     * A Cox model.
     *
     * @param name        the model's name in the report
     * @param covariates  the terms (columns of the analysis dataset, including the group variable; a:b interactions)
     * @param categorical numeric-looking columns to treat as factors
     * @param reference   reference level per factor (default: the first group, or the first level in sorted order)
     * @param firth       Firth's correction
     * @param ties        ties method
     * @param line        line in the study file
     * @param init        starting values of the coefficients (R coxph's init), or null for zeros
     * @param iterMax     the most Newton–Raphson iterations (R coxph.control(iter.max))
     * @param zphTransform the time scale of the proportional-hazards test (R cox.zph's transform)
     * @param concordance Harrell's or Uno's concordance
     * @param cluster     a cluster column (robust standard errors, R coxph's {@code cluster = }), or null
     * @param offset      an offset column (a known part of each row's log hazard, R's {@code + offset(x)}), or null
     */
    public record CoxSpec(String name, List<String> covariates, List<String> categorical, Map<String, String> reference,
            Firth firth, Ties ties, int line, double[] init, int iterMax, ZphTransform zphTransform,
            ConcordanceWeighting concordance, String cluster, String offset) {
        public CoxSpec {
            covariates = List.copyOf(covariates);
            categorical = List.copyOf(categorical);
            reference = Map.copyOf(reference);
            init = init == null || init.length == 0 ? null : init.clone();
            Objects.requireNonNull(zphTransform, "zphTransform");
            Objects.requireNonNull(concordance, "concordance");
        }

        /** A model with R's fitting defaults: from zeros, 20 iterations, the KM time scale, Harrell's C, no cluster. */
        public CoxSpec(String name, List<String> covariates, List<String> categorical, Map<String, String> reference,
                Firth firth, Ties ties, int line) {
            this(name, covariates, categorical, reference, firth, ties, line, null,
                    StudyKeys.ITER_MAX.defaultValue(), StudyKeys.ZPH_TRANSFORM.defaultValue(),
                    StudyKeys.CONCORDANCE.defaultValue(), null, null);
        }

        @Override
        public double[] init() {
            return init == null ? null : init.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CoxSpec c && name.equals(c.name) && covariates.equals(c.covariates)
                    && categorical.equals(c.categorical) && reference.equals(c.reference) && firth == c.firth
                    && ties == c.ties && line == c.line && java.util.Arrays.equals(init, c.init)
                    && iterMax == c.iterMax && zphTransform == c.zphTransform && concordance == c.concordance
                    && Objects.equals(cluster, c.cluster) && Objects.equals(offset, c.offset);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, covariates, categorical, reference, firth, ties, line,
                    java.util.Arrays.hashCode(init), iterMax, zphTransform, concordance, cluster, offset);
        }
    }

    /**
     * A cause code with its label.
     *
     * @param code  the code in the cause column
     * @param label the label in tables and figures
     * @param line  line in the study file
     */
    public record Cause(double code, String label, int line, String word) {
        public Cause {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * Competing risks: cumulative incidence of each cause (Aalen–Johansen), Gray's test, a Fine–Gray model.
     *
     * @param column      the column with the status codes: the censoring code and one number per cause
     * @param censorValue the code of censored rows
     * @param causes      the causes with labels, in display order; empty: every code found, labelled "Cause k"
     *                    (when given, a code that is neither listed nor the censoring code is an error)
     * @param cause       the cause of the Fine–Gray model, or NaN for the first (listed, else smallest) cause
     * @param fineGray    the Fine–Gray model, or null for none
     * @param plot        stacked bands or lines
     * @param rho         ρ of Gray's test (cmprsk {@code rho}; 0 the default, ρ &gt; 0 weights early differences)
     * @param censorWord  for a column of words (alive, relapse, death), the censoring word, with the code 0 and the
     *                    listed causes coded 1, 2, … in their order; null for a column of numbers
     * @param strata      column whose values stratify Gray's tests (cmprsk {@code strata}), or null
     * @param lines       key → line in the study file ("" for the block)
     */
    public record CompetingRisks(String column, double censorValue, List<Cause> causes, double cause,
            FineGraySpec fineGray, CifPlot plot, double rho, String censorWord, String strata,
            Map<String, Integer> lines) {
        public CompetingRisks {
            Objects.requireNonNull(column, "column");
            causes = List.copyOf(causes);
            Objects.requireNonNull(plot, "plot");
            lines = Map.copyOf(lines);
        }

        /** {@return the line of a key, or of the block} */
        public int line(String key) {
            return lines.getOrDefault(key, lines.getOrDefault("", 0));
        }

        /** {@return the label of a code: the listed one, else "Cause k"} */
        public String label(double code) {
            for (Cause c : causes) {
                if (c.code() == code) {
                    return c.label();
                }
            }
            return "Cause " + Values.given(code);
        }

        /** {@return whether the column holds words (alive, relapse, death) rather than numbers} */
        public boolean words() {
            return censorWord != null;
        }

        /** {@return a code as the data write it: the number, or the word} */
        public String written(double code) {
            if (censorWord == null) {
                return Values.given(code);
            }
            if (code == censorValue) {
                return censorWord;
            }
            for (Cause c : causes) {
                if (c.code() == code) {
                    return c.word();
                }
            }
            return Values.given(code);
        }

        /** {@return the code of a cell of a column of words (any case), or NaN for a word not listed} */
        public double codeOfWord(String cell) {
            String t = cell.trim();
            if (t.equalsIgnoreCase(censorWord)) {
                return censorValue;
            }
            for (Cause c : causes) {
                if (t.equalsIgnoreCase(c.word())) {
                    return c.code();
                }
            }
            return Double.NaN;
        }
    }

    /**
     * A Fine–Gray model of the cause of interest; the group variable is added as a factor when the study is grouped.
     *
     * @param covariates  the terms (columns of the analysis dataset; a:b interactions), possibly empty with groups
     * @param categorical numeric-looking columns to treat as factors
     * @param reference   reference level per factor
     * @param line        line in the study file
     */
    public record FineGraySpec(List<String> covariates, List<String> categorical, Map<String, String> reference,
            int line) {
        public FineGraySpec {
            covariates = List.copyOf(covariates);
            categorical = List.copyOf(categorical);
            reference = Map.copyOf(reference);
        }
    }

    /**
     * Figure options.
     *
     * @param confidenceBands pointwise confidence bands on the Kaplan–Meier curves
     * @param medianLines     dashed median lines
     * @param censorMarks     censoring marks
     * @param riskTable       number-at-risk table under the curves
     * @param scale           survival as fraction or percent
     * @param formats         the files each figure is written as (SVG always among them), in the order of
     *                        {@link FigureFormat}
     * @param dpi             the resolution of the PNG and TIFF files
     * @param widthMm         the printed width of the figures in millimetres ({@link FigureSize})
     * @param timeLabel       the time axis title of the figures (e.g. "Months since start of rapamycin"), or null
     *                        for one made from the time unit and the start date column
     * @param colors          the groups' line colours in group order ({@code #RRGGBB}), {@code [grey]} for
     *                        {@link Palette#grey()}, or empty for Okabe–Ito
     * @param lineTypes       whether the groups' curves get distinct line types
     * @param legend          where the curves' legend goes
     */
    public record Figures(boolean confidenceBands, boolean medianLines, CensorMark censorMarks, boolean riskTable,
            SurvivalScale scale, List<FigureFormat> formats, int dpi, double widthMm, String timeLabel,
            List<String> colors, LineTypes lineTypes, LegendPosition legend) {
        /** The word of {@code colors} that means {@link Palette#grey()}. */
        public static final String GREY = "grey";

        public Figures {
            colors = colors == null ? List.of() : List.copyOf(colors);
            if (!colors.isEmpty() && !isGrey(colors)) {
                new Palette(colors); // validates #RRGGBB
            }
            java.util.EnumSet<FigureFormat> f = java.util.EnumSet.of(FigureFormat.SVG);
            f.addAll(formats);
            formats = List.copyOf(f);
            FigureSize.ofWidth(widthMm); // validates the width
            lineTypes = lineTypes == null ? LineTypes.AUTO : lineTypes;
            legend = legend == null ? LegendPosition.INSIDE : legend;
        }

        /** Figure options with the default line types and legend position. */
        public Figures(boolean confidenceBands, boolean medianLines, CensorMark censorMarks, boolean riskTable,
                SurvivalScale scale, List<FigureFormat> formats, int dpi, double widthMm, String timeLabel,
                List<String> colors) {
            this(confidenceBands, medianLines, censorMarks, riskTable, scale, formats, dpi, widthMm, timeLabel, colors,
                    LineTypes.AUTO, LegendPosition.INSIDE);
        }

        /** {@return the defaults: no bands or median lines, + marks, risk table, SVG + PNG, 300 dpi, 170 mm} */
        public static Figures defaults() {
            return new Figures(false, false, CensorMark.PLUS, true, SurvivalScale.FRACTION,
                    StudyKeys.FIGURE_FORMATS.defaultValue(), StudyKeys.DPI.defaultValue(),
                    StudyKeys.FIGURE_WIDTH.defaultValue(), null, List.of());
        }

        /** {@return whether PNG files are written} */
        public boolean png() {
            return formats.contains(FigureFormat.PNG);
        }

        /** {@return the same options writing these files (SVG always among them)} */
        public Figures withFormats(List<FigureFormat> files) {
            return new Figures(confidenceBands, medianLines, censorMarks, riskTable, scale, files, dpi, widthMm,
                    timeLabel, colors, lineTypes, legend);
        }

        /** {@return the same options at this resolution of the raster files} */
        public Figures withDpi(int dots) {
            return new Figures(confidenceBands, medianLines, censorMarks, riskTable, scale, formats, dots, widthMm,
                    timeLabel, colors, lineTypes, legend);
        }

        /** {@return the same options at this printed width in millimetres} */
        public Figures withWidthMm(double mm) {
            return new Figures(confidenceBands, medianLines, censorMarks, riskTable, scale, formats, dpi, mm,
                    timeLabel, colors, lineTypes, legend);
        }

        /** {@return the same options without PNG files} */
        public Figures withoutPng() {
            return withFormats(formats.stream().filter(f -> f != FigureFormat.PNG).toList());
        }

        /** {@return the same options with these line types and this legend position} */
        public Figures withLines(LineTypes types, LegendPosition position) {
            return new Figures(confidenceBands, medianLines, censorMarks, riskTable, scale, formats, dpi, widthMm,
                    timeLabel, colors, types, position);
        }

        /** {@return the printed size of the figures} */
        public FigureSize size() {
            return FigureSize.ofWidth(widthMm);
        }

        /** {@return the groups' palette: the given colours, greys, else Okabe–Ito} */
        public Palette palette() {
            return colors.isEmpty() ? Palette.okabeIto() : isGrey(colors) ? Palette.grey() : new Palette(colors);
        }

        /** {@return whether these colours are the word grey (or gray)} */
        public static boolean isGrey(List<String> colors) {
            return colors.size() == 1 && (colors.get(0).trim().equalsIgnoreCase(GREY)
                    || colors.get(0).trim().equalsIgnoreCase("gray"));
        }
    }
}
