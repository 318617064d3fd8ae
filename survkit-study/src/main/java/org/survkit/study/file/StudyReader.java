package org.survkit.study.file;

import org.survkit.study.Study;
import org.survkit.study.Values;
import org.survkit.study.rules.RuleExpression;
import org.survkit.study.CifPlot;
import org.survkit.study.Comparisons;
import org.survkit.study.Eligibility;
import org.survkit.study.Firth;
import org.survkit.study.Rmst;
import org.survkit.study.Summary;
import org.survkit.study.VariableType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.survkit.io.InputException;
import org.survkit.io.TimeUnit;
import org.survkit.study.Engine;
import org.survkit.study.Estimates;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;
import org.survkit.plot.CensorMark;
import org.survkit.plot.LegendPosition;
import org.survkit.plot.LineTypes;
import org.survkit.plot.SurvivalScale;
import org.survkit.study.Study.CoxSpec;
import org.survkit.study.Study.Figures;
import org.survkit.study.Study.GroupRule;
import org.survkit.study.Study.Groups;
import org.survkit.study.Study.Table1Item;
import org.survkit.study.Table1Style;
import org.survkit.stats.PValueFormat;
import org.survkit.study.file.YamlTree.Mapping;
import org.survkit.study.file.YamlTree.Node;
import org.survkit.study.file.YamlTree.Scalar;
import org.survkit.study.file.YamlTree.Sequence;
import org.survkit.stats.cox.Ties;

/**
 * Reads a study file (YAML; see survkit-report/README.md, "Study file") into a {@link Study}.
 *
 * <p>Every mistake is an {@link InputException} whose message names the file, the line, the key
 * and what is allowed: unknown keys (with the closest known one), values of the wrong kind or out
 * of range, rule expressions that do not parse (with the position in the rule). Whether the named
 * columns exist is checked later, against the cohort file ({@link StudyColumns}).
 */
public final class StudyReader {

    /** The top-level keys, from the study keys. */
    static final List<String> TOP_KEYS = StudyKeys.namesIn("");

    private final String file;

    private StudyReader(String file) {
        this.file = file;
    }

    /**
     * Reads a study file.
     *
     * @param path the file
     * @return the study
     * @throws InputException for a missing or unreadable file and any mistake in it
     */
    public static Study read(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(path + ": no such study file. Check the path, or write one (see"
                    + " examples/rapamycin-mbc/study.yaml).", e);
        } catch (MalformedInputException e) {
            throw new InputException(name + ": the study file is not UTF-8 text; save it as UTF-8.", e);
        } catch (IOException e) {
            throw new InputException(path + ": cannot read the study file (" + e.getMessage() + ").", e);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return parse(text, path);
    }

    /**
     * Parses study-file text.
     *
     * @param text   the YAML text
     * @param source the file it came from (relative paths in it are resolved against its folder)
     * @return the study
     */
    public static Study parse(String text, Path source) {
        String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        StudyReader r = new StudyReader(name);
        Node root = YamlTree.parse(text, name);
        if (!(root instanceof Mapping m)) {
            throw new InputException(name + ", line " + root.line() + ": a study file is a block of 'key: value'"
                    + " lines (data:, time:, event:, ...), not a " + kind(root) + ".");
        }
        return r.study(new Obj(r, m, ""), source);
    }

    // ---------------------------------------------------------------- sections

    /**
     * The keys {@code engine} and {@code spark_master}: a study's analyses run in memory (survkit report, the web
     * app), so {@code engine: spark} stops with what to do instead of being ignored, and {@code spark_master}, the
     * spark engine's master, stops as {@code --master} without {@code --engine spark} does on the command line.
     */
    private void runsInMemory(Obj o) {
        Engine engine = o.has(StudyKeys.ENGINE.name()) ? o.value(StudyKeys.ENGINE) : StudyKeys.ENGINE.defaultValue();
        if (engine == Engine.SPARK) {
            throw error(o.line(StudyKeys.ENGINE.name()), StudyKeys.ENGINE.name(), "spark is not available for a"
                    + " study yet: survkit report and the web app run a study's analyses in memory. Remove the key"
                    + " (or write 'engine: local') to run the study here, or run its analyses on Spark one by one:"
                    + " survkit km|compare|cox|cif DATA " + StudyKeys.Flags.ENGINE + " spark.");
        }
        if (o.has(StudyKeys.SPARK_MASTER.name())) {
            throw error(o.line(StudyKeys.SPARK_MASTER.name()), StudyKeys.SPARK_MASTER.name(), "is the Spark master"
                    + " of the spark engine, on which a study does not run yet (see 'engine'); remove the key.");
        }
    }

    private Study study(Obj o, Path source) {
        o.allow(TOP_KEYS);
        runsInMemory(o);
        String title = o.string("title", null);
        Study.Data data = data(o.required("data", "data: {path: cohort.csv}"));
        Study.Time time = time(o.required("time", "time: {from: start_date, to: last_contact, unit: months}"));
        Study.Event event = event(o.required("event", "event: {column: vital_status, value: dead}"));
        Groups groups = o.has("groups") ? groups(o.node("groups")) : null;
        Eligibility eligibility = eligibility(o);
        String strata = o.has("strata") ? columnName(o.node("strata"), "strata") : null;
        String weights = o.has("weights") ? columnName(o.node("weights"), "weights") : null;
        String endpoint = o.has("endpoint") ? o.value(StudyKeys.ENDPOINT) : StudyKeys.ENDPOINT.defaultValue();
        double horizon = o.has("horizon") ? o.value(StudyKeys.HORIZON) : Double.NaN;
        double landmark = o.has("landmark") ? o.value(StudyKeys.LANDMARK) : Double.NaN;
        double[] at = o.has("at") ? o.value(StudyKeys.AT) : Double.isNaN(horizon) ? new double[0] : new double[] {horizon};
        Double tau = o.has("tau") ? o.value(StudyKeys.TAU) : null;
        Node cmp = o.has("comparisons") ? o.node("comparisons") : null;
        if (cmp instanceof Mapping cm && cm.entries().containsKey("tau")) {
            // comparisons.tau: the RMST horizon's key before it applied to the whole study; still read
            Obj c = new Obj(this, cm, "comparisons");
            if (tau != null) {
                throw error(c.line("tau"), "comparisons.tau", "the RMST horizon is given twice (here and as the"
                        + " top-level 'tau'); keep the top-level one.");
            }
            tau = c.value(StudyKeys.TAU);
        }
        Estimates estimates = Estimates.resolve(o.has("preset") ? o.value(StudyKeys.PRESET) : null,
                o.has("conf_type") ? o.value(StudyKeys.CONF_TYPE) : null,
                o.has("conf_level") ? o.value(StudyKeys.CONF_LEVEL) : null,
                o.has("median_rule") ? o.value(StudyKeys.MEDIAN_RULE) : null, at, tau);
        List<Table1Item> table1 = new ArrayList<>();
        Table1Style table1Style = Table1Style.defaults();
        if (o.has("table1")) {
            // a list of variables, or a block with the table-wide choices and the variables
            Obj t1 = o.node("table1") instanceof Mapping tm ? new Obj(this, tm, "table1") : null;
            Seq s = t1 == null ? o.list("table1") : null;
            if (t1 != null) {
                List<String> allowed = new ArrayList<>(StudyKeys.namesIn("table1"));
                allowed.add("variables");
                t1.allow(allowed);
                table1Style = new Table1Style(t1.has("p_values") ? t1.value(StudyKeys.TABLE1_P_VALUES)
                        : table1Style.pValues(), t1.has("percent") ? t1.value(StudyKeys.TABLE1_PERCENT)
                        : table1Style.percent(), t1.has("continuous") ? t1.value(StudyKeys.TABLE1_CONTINUOUS)
                        : table1Style.continuous());
                s = t1.has("variables") ? t1.list("variables") : new Seq(List.of(), "table1.variables");
                t1.done();
            }
            for (int i = 0; i < s.items.size(); i++) {
                table1.add(table1Item(s.items.get(i), "table1[" + (i + 1) + "]"));
            }
        }
        Comparisons comparisons = cmp != null ? comparisons(cmp, estimates) : Comparisons.defaults(estimates);
        List<CoxSpec> cox = new ArrayList<>();
        if (o.has("cox")) {
            Node n = o.node("cox");
            if (n instanceof Mapping) {
                cox.add(coxSpec(n, "cox", 1));
            } else {
                Seq s = o.list("cox");
                for (int i = 0; i < s.items.size(); i++) {
                    cox.add(coxSpec(s.items.get(i), "cox[" + (i + 1) + "]", i + 1));
                }
            }
        }
        Study.CompetingRisks competing = o.has("competing_risks") ? competingRisks(o.node("competing_risks"),
                o.line("competing_risks"), event, groups) : null;
        Path output = o.path("output", Path.of("report"));
        Figures figures = o.has("figures") ? figures(o.node("figures")) : Figures.defaults();
        int pDigits = o.has("p_digits") ? o.value(StudyKeys.P_DIGITS) : StudyKeys.P_DIGITS.defaultValue();
        PValueFormat.Style pStyle = o.has("p_style") ? o.value(StudyKeys.P_STYLE) : StudyKeys.P_STYLE.defaultValue();
        boolean docx = o.has("docx") ? o.value(StudyKeys.DOCX) : StudyKeys.DOCX.defaultValue();
        o.done();
        Set<String> names = new HashSet<>();
        for (CoxSpec c : cox) {
            if (!names.add(c.name())) {
                throw error(c.line(), "cox", "two Cox models are named '" + c.name() + "'; give each a distinct name.");
            }
        }
        Map<String, Integer> lines = new HashMap<>();
        for (String k : TOP_KEYS) {
            if (o.has(k)) {
                lines.put(k, o.line(k));
            }
        }
        return Study.builder(source, data, time, event).title(title).groups(groups).eligibility(eligibility)
                .strata(strata).weights(weights).endpoint(endpoint).horizon(horizon).landmark(landmark)
                .estimates(estimates).table1(table1).comparisons(comparisons).cox(cox).competingRisks(competing)
                .figures(figures).output(new Study.Output(output, docx, pDigits, pStyle, table1Style)).lines(lines)
                .build(k -> Where.file(file, keyLine(time, lines, k)));
    }

    /** The line of a key a cross-key rule names: its own line, else its block's. */
    private static int keyLine(Study.Time time, Map<String, Integer> lines, StudyKey<?> k) {
        String path = k.path();
        if (path.startsWith("time.")) {
            return time.line(k.name());
        }
        int dot = path.indexOf('.');
        String top = (dot < 0 ? path : path.substring(0, dot)).replace("[]", "");
        if (top.equals("comparisons") || top.equals("cox")) {
            return lines.getOrDefault(top, 0);
        }
        return lines.getOrDefault(k.name(), 0);
    }

    private Study.Data data(Node n) {
        if (n instanceof Scalar) {
            return new Study.Data(pathOf(n, "data"), null, List.of(), null, n.line());
        }
        Obj o = obj(n, "data");
        o.allow(StudyKeys.namesIn("data"));
        Path path = o.path("path", null);
        if (path == null) {
            throw error(n.line(), "data", "the cohort file is missing: write 'path: cohort.csv' (relative to the study"
                    + " file).");
        }
        String sheet = o.string("sheet", null);
        List<String> na = o.has("na") ? o.strings("na") : List.of();
        String dateFormat = o.string("date_format", null);
        if (dateFormat != null) {
            try {
                org.survkit.io.DateFormats.pattern(dateFormat);
            } catch (InputException e) {
                throw error(o.line("date_format"), "data.date_format", StudyKeys.forStudyFile(e.getMessage(),
                        file));
            }
        }
        org.survkit.io.DecimalMark decimal = o.has("decimal") ? o.value(StudyKeys.DECIMAL) : null;
        org.survkit.io.InvalidRows invalid = o.has("invalid") ? o.value(StudyKeys.INVALID) : null;
        o.done();
        return new Study.Data(path, sheet, na, dateFormat, decimal, invalid, n.line());
    }

    private Study.Time time(Node n) {
        Map<String, Integer> lines = new HashMap<>();
        lines.put("", n.line());
        if (n instanceof Scalar) {
            return new Study.Time(columnName(n, "time"), null, null, null, null, lines);
        }
        Obj o = obj(n, "time");
        o.allow(StudyKeys.namesIn("time"));
        for (String k : List.of("column", "from", "to", "unit", "entry")) {
            if (o.has(k)) {
                lines.put(k, o.line(k));
            }
        }
        String column = o.has("column") ? columnName(o.node("column"), "time.column") : null;
        String from = o.has("from") ? columnName(o.node("from"), "time.from") : null;
        String to = o.has("to") ? columnName(o.node("to"), "time.to") : null;
        String unitText = o.string("unit", null);
        String entry = o.has("entry") ? columnName(o.node("entry"), "time.entry") : null;
        o.done();
        if (column != null && (from != null || to != null)) {
            throw error(n.line(), "time", "give either 'column' (a numeric follow-up time) or 'from' and 'to' (two"
                    + " dates), not both.");
        }
        if (column == null && (from == null || to == null)) {
            throw error(n.line(), "time", from == null && to == null
                    ? "say where follow-up time is: 'column: os_months', or 'from: start_date' and 'to: last_contact'"
                            + " with 'unit: months'."
                    : "time from dates needs both 'from' (the start date column) and 'to' (the end date column).");
        }
        TimeUnit unit = null;
        String unitName = null;
        if (unitText != null) {
            try {
                unit = TimeUnit.parse(unitText);
            } catch (InputException e) {
                throw error(lines.get("unit"), "time.unit", "\"" + unitText + "\" is not a time unit; use days, weeks,"
                        + " months (days / 30.4375) or years (days / 365.25).");
            }
            unitName = unit.name().toLowerCase(Locale.ROOT);
        } else if (from != null) {
            unit = TimeUnit.DAYS;
            unitName = "days";
        }
        return new Study.Time(column, from, to, column == null ? unit : null, unitName, entry, lines);
    }

    private Study.Event event(Node n) {
        if (n instanceof Scalar) {
            return new Study.Event(columnName(n, "event"), null, n.line());
        }
        Obj o = obj(n, "event");
        o.allow(StudyKeys.namesIn("event"));
        if (!o.has("column")) {
            throw error(n.line(), "event", "name the event column: 'column: vital_status' (and 'value: dead' when only"
                    + " that value is an event).");
        }
        String column = columnName(o.node("column"), "event.column");
        List<String> values = o.has("value") ? o.strings("value") : List.of();
        List<String> censored = o.has("censor_value") ? o.strings("censor_value") : List.of();
        o.done();
        return new Study.Event(column, values, censored, n.line());
    }

    private Groups groups(Node n) {
        if (n instanceof Scalar) {
            String c = columnName(n, "groups");
            return new Groups(c, c, List.of(), null, List.of(), n.line());
        }
        Obj o = obj(n, "groups");
        o.allow(StudyKeys.namesIn("groups"));
        String column = o.has("column") ? columnName(o.node("column"), "groups.column") : null;
        boolean hasRules = o.has("rules");
        if (column != null && hasRules) {
            throw error(n.line(), "groups", "give either 'column' (its values are the groups) or 'rules' (labels from"
                    + " conditions), not both.");
        }
        if (column == null && !hasRules) {
            throw error(n.line(), "groups", "say how groups are formed: 'column: arm', or 'rules:' with '- label: ...'"
                    + " and 'when: ...' items.");
        }
        String name = o.has("name") ? columnName(o.node("name"), "groups.name") : column != null ? column : "group";
        List<GroupRule> rules = new ArrayList<>();
        if (hasRules) {
            Seq s = o.list("rules");
            if (s.items.isEmpty()) {
                throw error(o.line("rules"), "groups.rules", "the list of rules is empty; add '- label: ...' items"
                        + " with 'when: ...'.");
            }
            Set<String> labels = new HashSet<>();
            for (int i = 0; i < s.items.size(); i++) {
                GroupRule r = rule(s.items.get(i), i + 1);
                if (!labels.add(r.label())) {
                    throw error(s.items.get(i).line(), "groups.rules[" + (i + 1) + "]", "the label '" + r.label()
                            + "' is used by an earlier rule; a label can appear once (combine the conditions with 'or').");
                }
                rules.add(r);
            }
        }
        String otherwise = o.string("otherwise", null);
        if (otherwise != null && column != null) {
            throw error(o.line("otherwise"), "groups.otherwise", "'otherwise' goes with 'rules'; with 'column' the"
                    + " column's values are the groups.");
        }
        if (otherwise != null && rules.stream().anyMatch(r -> r.label().equals(otherwise))) {
            throw error(o.line("otherwise"), "groups.otherwise", "'" + otherwise + "' is also a rule's label; give"
                    + " the rows no rule matches a label of their own.");
        }
        List<String> order = o.has("order") ? o.strings("order") : List.of();
        if (!order.isEmpty() && new HashSet<>(order).size() != order.size()) {
            throw error(o.line("order"), "groups.order", "a group is listed twice.");
        }
        if (!order.isEmpty() && hasRules) {
            List<String> all = new ArrayList<>(rules.stream().map(GroupRule::label).toList());
            if (otherwise != null) {
                all.add(otherwise);
            }
            for (String g : order) {
                if (!all.contains(g)) {
                    throw error(o.line("order"), "groups.order", "'" + g + "' is not a label of the rules (" + String.join(
                            ", ", all) + ").");
                }
            }
        }
        o.done();
        return new Groups(name, column, rules, otherwise, order, n.line());
    }

    private GroupRule rule(Node n, int position) {
        String key = "groups.rules[" + position + "]";
        Obj o = obj(n, key);
        o.allow(StudyKeys.namesIn("groups.rules[]"));
        String label = o.string("label", null);
        if (label == null || label.isBlank()) {
            throw error(n.line(), key, "the rule has no label; write 'label: \"Triple negative\"'.");
        }
        if (!o.has("when")) {
            throw error(n.line(), key, "the rule '" + label + "' has no condition; write 'when: er == \"negative\"'.");
        }
        Node w = o.node("when");
        if (!(w instanceof Scalar ws) || ws.isNull()) {
            throw error(w.line(), key + ".when", "the condition of rule '" + label + "' must be one line of text, such"
                    + " as: er == \"negative\" and pr == \"negative\".");
        }
        RuleExpression when;
        try {
            when = RuleExpression.parse(ws.text());
        } catch (RuleExpression.SyntaxError e) {
            throw error(w.line(), key + ".when", "rule '" + label + "', position " + e.position() + ": " + e.getMessage()
                    + ".\n  " + ws.text() + "\n  " + " ".repeat(Math.max(0, e.position() - 1)) + "^");
        }
        o.done();
        return new GroupRule(label, when, w.line(), position);
    }

    /** The {@code include} and {@code exclude} lists of {@code {when, reason}}; a reason may be used once. */
    private Eligibility eligibility(Obj o) {
        Map<String, String> reasons = new HashMap<>();
        List<Eligibility.Criterion> include = criteria(o, true, reasons);
        List<Eligibility.Criterion> exclude = criteria(o, false, reasons);
        return include.isEmpty() && exclude.isEmpty() ? Eligibility.none() : new Eligibility(include, exclude);
    }

    private List<Eligibility.Criterion> criteria(Obj o, boolean include, Map<String, String> reasons) {
        String list = include ? "include" : "exclude";
        List<Eligibility.Criterion> out = new ArrayList<>();
        if (!o.has(list)) {
            return out;
        }
        Seq s = o.list(list);
        if (s.items.isEmpty()) {
            throw error(o.line(list), list, "the list is empty; add '- when: ...' items with 'reason: ...', or remove"
                    + " the key.");
        }
        String example = include ? "'- when: age >= 18' with 'reason: \"younger than 18\"'"
                : "'- when: stage == \"IV\"' with 'reason: \"metastatic disease at inclusion\"'";
        for (int i = 0; i < s.items.size(); i++) {
            int position = i + 1;
            String key = list + "[" + position + "]";
            Node n = s.items.get(i);
            Obj c = obj(n, key);
            c.allow(StudyKeys.namesIn(list + "[]"));
            if (!c.has("when")) {
                throw error(n.line(), key, "the criterion has no rule; write " + example + ".");
            }
            String reason = c.has("reason") ? c.scalarText("reason").strip() : "";
            if (reason.isEmpty()) {
                throw error(n.line(), key, "the criterion has no reason; give the reason for exclusion that the flow"
                        + " diagram lists for the rows it leaves out, e.g. " + example + ".");
            }
            if (reason.contains("\n") || reason.contains("\r")) {
                throw error(c.line("reason"), key + ".reason", "write the reason on one line.");
            }
            String earlier = reasons.putIfAbsent(reason, key);
            if (earlier != null) {
                throw error(c.line("reason"), key + ".reason", "the reason '" + reason + "' is also the reason of "
                        + earlier + "; give each criterion its own reason (combine the rules with 'or' when they"
                        + " mean the same).");
            }
            Node w = c.node("when");
            if (!(w instanceof Scalar ws) || ws.isNull() || ws.text().isBlank()) {
                throw error(w.line(), key + ".when", "the rule must be one line of text, such as " + (include
                        ? "age >= 18" : "stage == \"IV\"") + ".");
            }
            RuleExpression when;
            try {
                when = RuleExpression.parse(ws.text());
            } catch (RuleExpression.SyntaxError e) {
                throw error(w.line(), key + ".when", "criterion '" + reason + "', position " + e.position() + ": "
                        + e.getMessage() + ".\n  " + ws.text() + "\n  " + " ".repeat(Math.max(0, e.position() - 1))
                        + "^");
            }
            c.done();
            out.add(new Eligibility.Criterion(include, when, reason, w.line(), position));
        }
        return out;
    }

    private Table1Item table1Item(Node n, String key) {
        if (n instanceof Scalar) {
            return new Table1Item(columnName(n, key), null, VariableType.AUTO, Summary.AUTO, List.of(),
                    n.line());
        }
        Obj o = obj(n, key);
        o.allow(StudyKeys.namesIn("table1[]"));
        if (!o.has("column")) {
            throw error(n.line(), key, "name the column: 'column: age'.");
        }
        String column = columnName(o.node("column"), key + ".column");
        String label = o.string("label", null);
        VariableType type = o.has("type") ? o.choice("type", s -> VariableType.valueOf(
                s.trim().toUpperCase(Locale.ROOT)), "categorical, continuous or auto") : VariableType.AUTO;
        Summary summary = o.has("summary") ? o.choice("summary", s -> Summary.valueOf(
                s.trim().toUpperCase(Locale.ROOT).replace('-', '_')), "mean_sd, median_iqr or auto")
                : Summary.AUTO;
        List<String> levels = o.has("levels") ? o.strings("levels") : List.of();
        if (new HashSet<>(levels).size() != levels.size()) {
            throw error(o.line("levels"), key + ".levels", "a level is listed twice.");
        }
        if (!levels.isEmpty() && type == VariableType.CONTINUOUS) {
            throw error(o.line("levels"), key + ".levels", "levels are for categorical variables; drop them or set"
                    + " 'type: categorical'.");
        }
        if (o.has("summary") && type == VariableType.CATEGORICAL) {
            throw error(o.line("summary"), key + ".summary", "a categorical variable is summarized as n (%); 'summary'"
                    + " is for continuous variables.");
        }
        o.done();
        VariableType t = !levels.isEmpty() && type == VariableType.AUTO ? VariableType.CATEGORICAL
                : type;
        return new Table1Item(column, label, t, summary, levels, n.line());
    }

    private Comparisons comparisons(Node n, Estimates estimates) {
        Obj o = obj(n, "comparisons");
        List<String> allowed = new ArrayList<>(StudyKeys.namesIn("comparisons"));
        allowed.add("tau"); // the RMST horizon's place before it became the top-level tau; still read
        o.allow(allowed);
        boolean trend = o.has("trend") && o.value(StudyKeys.TREND);
        if (o.has("scores") && !trend) {
            throw error(o.line("scores"), "comparisons.scores", "scores are for the trend test: add 'trend: yes'.");
        }
        Rmst rmst = o.has("rmst") ? o.value(StudyKeys.RMST) : null;
        if (o.has("tau") && rmst == Rmst.NO) {
            throw error(o.line("tau"), "comparisons.tau", "tau is the horizon of the RMST comparison, which"
                    + " 'rmst: no' turns off: remove tau or set 'rmst: yes'.");
        }
        Comparisons c = Comparisons.resolve(estimates, o.has("test") ? o.value(StudyKeys.TEST) : null,
                o.has("rho") ? o.value(StudyKeys.RHO) : null, o.has("gamma") ? o.value(StudyKeys.GAMMA) : null,
                o.has("pairwise") ? o.value(StudyKeys.PAIRWISE) : null,
                o.has("adjust") ? o.value(StudyKeys.ADJUST) : null, trend,
                o.has("scores") ? o.value(StudyKeys.SCORES) : null,
                o.has("conservative") ? o.value(StudyKeys.CONSERVATIVE) : null, rmst,
                Where.file(file, o.line(o.has("rho") ? "rho" : "gamma")));
        if (o.has("hazard_ratios")) {
            c = c.withHazardRatios(o.value(StudyKeys.HAZARD_RATIOS));
        }
        o.done();
        return c;
    }

    /** A yes / no / auto key: 0 for auto (also when absent), 1 for yes, 2 for no (the order of the enums). */
    private int autoYesNo(Obj o, String key, String path, String autoMeans) {
        if (!o.has(key)) {
            return 0;
        }
        String v = o.scalarText(key).trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> 0;
            case "yes", "true", "on" -> 1;
            case "no", "false", "off" -> 2;
            default -> throw error(o.line(key), path, "\"" + v + "\" is not allowed; use yes, no or auto (" + autoMeans
                    + ").");
        };
    }

    private CoxSpec coxSpec(Node n, String key, int index) {
        Obj o = obj(n, key);
        o.allow(StudyKeys.namesIn("cox[]"));
        String name = o.string("name", index == 1 ? "Cox model" : "Cox model " + index);
        if (!o.has("covariates")) {
            throw error(n.line(), key, "list the model's covariates: 'covariates: [subgroup, age]'.");
        }
        List<String> covariates = o.strings("covariates");
        if (covariates.isEmpty()) {
            throw error(o.line("covariates"), key + ".covariates", "the list is empty; name at least one column.");
        }
        List<String> categorical = o.has("categorical") ? o.strings("categorical") : List.of();
        Map<String, String> reference = new LinkedHashMap<>();
        if (o.has("reference")) {
            Obj r = obj(o.node("reference"), key + ".reference");
            for (String k : r.m.entries().keySet()) {
                reference.put(k, r.scalarText(k));
            }
        }
        List<String> variables = new ArrayList<>();
        for (String term : covariates) {
            for (String part : term.split(":")) {
                if (!variables.contains(part.trim())) {
                    variables.add(part.trim());
                }
            }
        }
        for (String v : categorical) {
            if (!variables.contains(v)) {
                throw error(o.line("categorical"), key + ".categorical", "'" + v + "' is not among the covariates ("
                        + String.join(", ", variables) + ").");
            }
        }
        for (String v : reference.keySet()) {
            if (!variables.contains(v)) {
                throw error(o.line("reference"), key + ".reference", "'" + v + "' is not among the covariates ("
                        + String.join(", ", variables) + ").");
            }
        }
        Firth firth = Firth.values()[autoYesNo(o, "firth", key + ".firth",
                "Firth's fit added when the standard fit signals monotone likelihood")];
        Ties ties = o.has("ties") ? o.choice("ties", Ties::parse, "efron, breslow or exact")
                : firth == Firth.YES ? Ties.BRESLOW : Ties.EFRON;
        double[] init = o.has("init") ? o.value(StudyKeys.INIT) : null;
        int iterMax = o.has("iter_max") ? o.value(StudyKeys.ITER_MAX) : StudyKeys.ITER_MAX.defaultValue();
        org.survkit.stats.cox.ZphTransform zph = o.has("zph_transform") ? o.value(StudyKeys.ZPH_TRANSFORM)
                : StudyKeys.ZPH_TRANSFORM.defaultValue();
        org.survkit.stats.cox.ConcordanceWeighting concordance = o.has("concordance")
                ? o.value(StudyKeys.CONCORDANCE) : StudyKeys.CONCORDANCE.defaultValue();
        String cluster = o.has("cluster") ? o.value(StudyKeys.CLUSTER) : null;
        String offset = o.has("offset") ? o.value(StudyKeys.OFFSET) : null;
        o.done();
        // what these combine with (Firth, exact ties, weights, entry times): CoxRules, when the study is built
        return new CoxSpec(name, covariates, categorical, reference, firth, ties, n.line(), init, iterMax, zph,
                concordance, cluster, offset);
    }

    static final List<String> COMPETING_KEYS = StudyKeys.namesIn("competing_risks");

    private Study.CompetingRisks competingRisks(Node n, int keyLine, Study.Event event, Groups groups) {
        String key = "competing_risks";
        Obj o = obj(n, key);
        o.allow(COMPETING_KEYS);
        Map<String, Integer> lines = new HashMap<>();
        lines.put("", keyLine);
        for (String k : COMPETING_KEYS) {
            if (o.has(k)) {
                lines.put(k, o.line(k));
            }
        }
        String column = o.has("column") ? columnName(o.node("column"), key + ".column") : event.column();
        if (!o.has("censor_value")) {
            throw error(keyLine, key, "say which value of column '" + column + "' marks a censored row: 'censor_value:"
                    + " 0' (every other value is then a cause, e.g. 1 = relapse, 2 = death).");
        }
        String censorText = o.scalarText("censor_value").trim();
        boolean words = !RuleExpression.isNumber(censorText);
        double censor = words ? 0 : code(o, "censor_value", key, column);
        if (words && !o.has("causes")) {
            throw error(o.line("censor_value"), key + ".censor_value", "with words in column '" + column + "' (\""
                    + censorText + "\" marks the censored rows), list the causes with their labels, such as"
                    + " causes: {relapse: \"Relapse\", death: \"Death\"}; with numbers, write censor_value: 0.");
        }
        List<Study.Cause> causes = new ArrayList<>();
        if (o.has("causes")) {
            Node cn = o.node("causes");
            if (!(cn instanceof Mapping cm)) {
                throw error(o.line("causes"), key + ".causes", "expected the causes' codes with their labels, such as"
                        + " {1: \"Relapse\", 2: \"Death\"}; found " + kind(cn) + ".");
            }
            Set<String> labels = new HashSet<>();
            for (Map.Entry<String, Node> e : cm.entries().entrySet()) {
                int line = cm.keyLines().getOrDefault(e.getKey(), cm.line());
                String k = e.getKey().trim();
                if (!words && !RuleExpression.isNumber(k)) {
                    throw error(line, key + ".causes", "'" + k + "' is not a number; list the numeric codes of column '"
                            + column + "' with their labels, such as 1: \"Relapse\" (or, when the column holds"
                            + " words, give the censoring word as censor_value).");
                }
                double code = words ? causes.size() + 1 : Double.parseDouble(k) + 0.0;
                if (words ? k.equalsIgnoreCase(censorText) : code == censor) {
                    throw error(line, key + ".causes", k + " is the censor value; list only the causes' codes.");
                }
                if (words ? causes.stream().anyMatch(c -> c.word().equalsIgnoreCase(k))
                        : causes.stream().anyMatch(c -> c.code() == code)) {
                    throw error(line, key + ".causes", "the code " + k + " is listed twice.");
                }
                if (!(e.getValue() instanceof Scalar sv) || sv.isNull() || sv.text().isBlank()) {
                    throw error(line, key + ".causes", "the cause " + k + " has no label; write " + k
                            + ": \"Death from other causes\".");
                }
                String label = sv.text().trim();
                if (!labels.add(label)) {
                    throw error(line, key + ".causes", "the label '" + label + "' is used twice; give each cause its"
                            + " own label.");
                }
                causes.add(new Study.Cause(code, label, line, words ? k : null));
            }
            if (causes.isEmpty()) {
                throw error(o.line("causes"), key + ".causes", "no cause is listed; write {1: \"Relapse\", 2:"
                        + " \"Death\"}, or leave 'causes' out to label the causes by their codes.");
            }
        }
        double cause = Double.NaN;
        if (o.has("cause") && words) {
            String w = o.scalarText("cause").trim();
            cause = causes.stream().filter(x -> x.word().equalsIgnoreCase(w)).mapToDouble(Study.Cause::code)
                    .findFirst().orElse(Double.NaN);
            if (Double.isNaN(cause)) {
                throw error(o.line("cause"), key + ".cause", "\"" + w + "\" is not among the causes listed ("
                        + String.join(", ", causes.stream().map(Study.Cause::word).toList()) + ").");
            }
        } else if (o.has("cause")) {
            cause = code(o, "cause", key, column);
            if (cause == censor) {
                throw error(o.line("cause"), key + ".cause", o.scalarText("cause").trim() + " is the censor value;"
                        + " give the code of the cause the Fine-Gray model is about.");
            }
            double c = cause;
            if (!causes.isEmpty() && causes.stream().noneMatch(x -> x.code() == c)) {
                throw error(o.line("cause"), key + ".cause", o.scalarText("cause").trim() + " is not among the causes"
                        + " listed (" + String.join(", ", causes.stream().map(x -> Values.given(x.code())).toList())
                        + ").");
            }
        }
        Study.FineGraySpec fineGray = o.has("finegray") ? fineGray(o, key + ".finegray", column, groups)
                : null;
        if (o.has("cause") && fineGray == null) {
            throw error(o.line("cause"), key + ".cause", "'cause' chooses the cause of the Fine-Gray model; add"
                    + " 'finegray: [age]' (the model's covariates), or remove 'cause' (every cause is shown anyway).");
        }
        if (fineGray != null && fineGray.covariates().isEmpty() && groups == null) {
            throw error(o.line("finegray"), key + ".finegray", "the model has no covariate: list at least one column"
                    + " (finegray: [age]); the group is added by itself only when the study has groups.");
        }
        CifPlot plot = o.has("plot") ? o.choice("plot", s -> CifPlot.valueOf(s.trim()
                .toUpperCase(Locale.ROOT)), "stacked or lines") : CifPlot.STACKED;
        double rho = o.has("rho") ? o.nonNegative("rho") : 0;
        String strata = o.has("strata") ? columnName(o.node("strata"), key + ".strata") : null;
        if (strata != null && groups == null) {
            throw error(o.line("strata"), key + ".strata", "'strata' stratifies Gray's tests between groups, and the"
                    + " study has no groups: add 'groups', or remove 'strata'.");
        }
        o.done();
        return new Study.CompetingRisks(column, censor, causes, cause, fineGray, plot, rho, words ? censorText : null,
                strata, lines);
    }

    private double code(Obj o, String k, String key, String column) {
        String t = o.scalarText(k).trim();
        if (!RuleExpression.isNumber(t)) {
            throw error(o.line(k), key + "." + k, "\"" + t + "\" is not a number; competing risks need numeric codes"
                    + " in column '" + column + "', as R's cmprsk (e.g. 0 = censored, 1 = relapse, 2 = death).");
        }
        return Double.parseDouble(t) + 0.0;
    }

    private Study.FineGraySpec fineGray(Obj parent, String key, String causeColumn, Groups groups) {
        Node n = parent.node("finegray");
        List<String> covariates;
        List<String> categorical = List.of();
        Map<String, String> reference = new LinkedHashMap<>();
        if (n instanceof Mapping) {
            Obj o = obj(n, key);
            o.allow(StudyKeys.namesIn("competing_risks.finegray"));
            covariates = o.has("covariates") ? o.strings("covariates") : List.of();
            categorical = o.has("categorical") ? o.strings("categorical") : List.of();
            if (o.has("reference")) {
                Obj r = obj(o.node("reference"), key + ".reference");
                for (String k : r.m.entries().keySet()) {
                    reference.put(k, r.scalarText(k));
                }
            }
            o.done();
        } else {
            covariates = parent.strings("finegray");
        }
        List<String> variables = new ArrayList<>();
        for (String term : covariates) {
            for (String part : term.split(":")) {
                String v = part.trim();
                if (v.isEmpty()) {
                    throw error(n.line(), key, "the term '" + term + "' has an empty part; interactions are written a:b.");
                }
                if (v.equals(causeColumn)) {
                    throw error(n.line(), key, "'" + v + "' holds the causes; it cannot also be a covariate.");
                }
                if (!variables.contains(v)) {
                    variables.add(v);
                }
            }
        }
        for (String v : categorical) {
            if (!variables.contains(v)) {
                throw error(n.line(), key + ".categorical", "'" + v + "' is not among the covariates (" + String.join(
                        ", ", variables) + ").");
            }
        }
        for (String v : reference.keySet()) {
            if (!variables.contains(v) && (groups == null || !groups.name().equals(v))) {
                throw error(n.line(), key + ".reference", "'" + v + "' is neither among the covariates (" + String.join(
                        ", ", variables) + ") nor the group variable.");
            }
        }
        return new Study.FineGraySpec(covariates, categorical, reference, n.line());
    }

    private Figures figures(Node n) {
        Obj o = obj(n, "figures");
        o.allow(StudyKeys.namesIn("figures"));
        Figures d = Figures.defaults();
        boolean bands = o.has("confidence_bands") ? o.bool("confidence_bands") : d.confidenceBands();
        boolean median = o.has("median_lines") ? o.bool("median_lines") : d.medianLines();
        CensorMark marks = o.has("censor_marks") ? o.choice("censor_marks", s -> CensorMark.valueOf(
                s.trim().toUpperCase(Locale.ROOT)), "plus, tick or none") : d.censorMarks();
        boolean risk = o.has("risk_table") ? o.bool("risk_table") : d.riskTable();
        SurvivalScale scale = o.has("scale") ? o.choice("scale", s -> SurvivalScale.valueOf(
                s.trim().toUpperCase(Locale.ROOT)), "fraction or percent") : d.scale();
        if (o.has("png") && o.has("formats")) {
            throw error(o.line("png"), "figures.png", "give the figure files once: 'formats' replaces 'png' (png: yes"
                    + " is formats: [svg, png]); remove 'png'.");
        }
        List<org.survkit.plot.FigureFormat> formats = o.has("formats") ? o.value(StudyKeys.FIGURE_FORMATS)
                : o.has("png") && !o.value(StudyKeys.PNG) ? List.of(org.survkit.plot.FigureFormat.SVG) : d.formats();
        int dpi = o.has("dpi") ? o.value(StudyKeys.DPI) : d.dpi();
        double widthMm = o.has("width_mm") ? o.value(StudyKeys.FIGURE_WIDTH) : d.widthMm();
        String timeLabel = o.string("time_label", null);
        if (timeLabel != null && timeLabel.isBlank()) {
            timeLabel = null;
        }
        List<String> colors = o.has("colors") ? o.strings("colors") : List.of();
        for (String c : Figures.isGrey(colors) ? List.<String>of() : colors) {
            if (!c.trim().matches("#[0-9A-Fa-f]{6}")) {
                throw error(o.line("colors"), "figures.colors", "\"" + c + "\" is not a colour; write colours as"
                        + " \"#RRGGBB\", one per group in group order, e.g. [\"#0072B2\", \"#D55E00\"], or grey.");
            }
        }
        LineTypes lineTypes = o.has("line_types") ? o.value(StudyKeys.LINE_TYPES) : StudyKeys.LINE_TYPES.defaultValue();
        LegendPosition legend = o.has("legend") ? o.value(StudyKeys.LEGEND) : StudyKeys.LEGEND.defaultValue();
        o.done();
        return new Figures(bands, median, marks, risk, scale, formats, dpi, widthMm, timeLabel,
                colors.stream().map(String::trim).toList(), lineTypes, legend);
    }

    // ---------------------------------------------------------------- values

    private String columnName(Node n, String key) {
        if (!(n instanceof Scalar s) || s.isNull() || s.text().isBlank()) {
            throw error(n.line(), key, "expected a column name, found " + kind(n) + ".");
        }
        return s.text().trim();
    }

    private Path pathOf(Node n, String key) {
        if (!(n instanceof Scalar s) || s.isNull() || s.text().isBlank()) {
            throw error(n.line(), key, "expected a file or folder path, found " + kind(n) + ".");
        }
        try {
            return Path.of(s.text().trim());
        } catch (InvalidPathException e) {
            throw error(n.line(), key, "\"" + s.text() + "\" is not a valid path (" + e.getReason() + ").");
        }
    }

    InputException error(int line, String key, String message) {
        return new InputException(file + (line > 0 ? ", line " + line : "") + ", '" + key + "': " + message);
    }

    private Obj obj(Node n, String path) {
        if (!(n instanceof Mapping m)) {
            throw error(n.line(), path, "expected a block of 'key: value' lines, found " + kind(n) + ".");
        }
        return new Obj(this, m, path);
    }

    static String kind(Node n) {
        if (n instanceof Mapping) {
            return "a block of keys";
        }
        if (n instanceof Sequence) {
            return "a list";
        }
        Scalar s = (Scalar) n;
        return s.isNull() ? "nothing" : "\"" + s.text() + "\"";
    }

    /** A list node with its key path. */
    private record Seq(List<Node> items, String path) {
    }

    /** A mapping being read: hands out values by key, then reports keys nobody asked for. */
    private static final class Obj {
        private final StudyReader r;
        private final Mapping m;
        private final String path;
        private List<String> allowed = List.of();

        Obj(StudyReader r, Mapping m, String path) {
            this.r = r;
            this.m = m;
            this.path = path;
        }

        private String key(String k) {
            return path.isEmpty() ? k : path + "." + k;
        }

        void allow(List<String> keys) {
            allowed = keys;
            for (Map.Entry<String, Integer> e : m.keyLines().entrySet()) {
                if (!keys.contains(e.getKey())) {
                    // a key the study model has for the command line only (e.g. comparisons.expected): say so
                    StudyKey<?> commandLine = StudyKeys.all().stream().filter(k -> !k.inStudyFile()
                            && k.flag() != null && k.path().replace("[]", "").equals(key(e.getKey()).replaceAll(
                                    "\\[\\d+\\]", ""))).findFirst().orElse(null);
                    if (commandLine != null) {
                        throw new InputException(r.file + ", line " + e.getValue() + ": '" + e.getKey() + "' is a"
                                + " command-line option only (" + commandLine.flag() + "); a study file (and the"
                                + " report) does not take it. Remove it, or run the command with " + commandLine.flag()
                                + ".");
                    }
                    String suggestion = Suggest.closest(e.getKey(), keys);
                    throw new InputException(r.file + ", line " + e.getValue() + ": unknown key '" + e.getKey() + "'"
                            + (path.isEmpty() ? "" : " in '" + path + "'") + "."
                            + (suggestion == null ? "" : " Did you mean '" + suggestion + "'?")
                            + " Allowed here: " + String.join(", ", keys) + ".");
                }
            }
        }

        void done() {
            // unknown keys were rejected by allow(); nothing left to check
            if (allowed.isEmpty() && !m.entries().isEmpty()) {
                throw new IllegalStateException("allow() not called for " + path);
            }
        }

        /**
         * Reads a key's value with the study key's one parser: a single value, or the items of a list for the list
         * kinds; a mistake names the file, the line and the key.
         */
        <T> T value(StudyKey<T> key) {
            try {
                return valueOf(key);
            } catch (InputException e) {
                String generic = "'" + key.path().replace("[]", "") + "'";
                if (!key.path().contains("[]") || !e.getMessage().contains(generic)) {
                    throw e;
                }
                // a key of a list's item: name the item as the other messages do ('cox[1].iter_max')
                throw new InputException(e.getMessage().replace(generic, "'" + key(key.name()) + "'"));
            }
        }

        private <T> T valueOf(StudyKey<T> key) {
            String k = key.name();
            Node n = node(k);
            Where where = Where.file(r.file, line(k));
            boolean list = switch (key.kind()) {
                case NUMBERS, TEXTS, COLUMNS -> true;
                default -> false;
            };
            if (list && n instanceof Sequence seq) {
                List<String> items = new ArrayList<>();
                for (Node i : seq.items()) {
                    if (!(i instanceof Scalar sc) || sc.isNull()) {
                        throw r.error(i.line(), key(k), "expected a list of single values, found " + kind(i) + ".");
                    }
                    items.add(sc.text());
                }
                return key.parseItems(items, Where.file(r.file, line(k)));
            }
            return key.parse(scalarText(k), where);
        }

        boolean has(String k) {
            Node n = m.entries().get(k);
            return n != null && !(n instanceof Scalar s && s.isNull());
        }

        int line(String k) {
            Integer l = m.keyLines().get(k);
            return l == null ? m.line() : l;
        }

        Node node(String k) {
            return m.entries().get(k);
        }

        Node required(String k, String example) {
            if (!has(k)) {
                throw new InputException(r.file + (path.isEmpty() ? "" : ", line " + m.line()) + ": the key '" + key(k)
                        + "' is missing; add for example '" + example + "'.");
            }
            return node(k);
        }

        String scalarText(String k) {
            Node n = node(k);
            if (!(n instanceof Scalar s) || s.isNull()) {
                throw r.error(line(k), key(k), "expected a single value, found " + kind(n) + ".");
            }
            return s.text();
        }

        String string(String k, String fallback) {
            if (!has(k)) {
                return fallback;
            }
            return scalarText(k);
        }

        Path path(String k, Path fallback) {
            return has(k) ? r.pathOf(node(k), key(k)) : fallback;
        }

        double number(String k) {
            Node n = node(k);
            String t = scalarText(k).trim();
            if (!(n instanceof Scalar s && (s.isNumber() || RuleExpression.isNumber(t)))) {
                throw r.error(line(k), key(k), "\"" + t + "\" is not a number.");
            }
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw r.error(line(k), key(k), t + " is not a finite number.");
            }
            return v;
        }

        double positive(String k) {
            double v = number(k);
            if (!(v > 0)) {
                throw r.error(line(k), key(k), scalarText(k).trim() + " is not allowed; give a time > 0 in the time"
                        + " unit of the study (e.g. 60 for 5 years in months).");
            }
            return v;
        }

        double nonNegative(String k) {
            double v = number(k);
            if (v < 0) {
                throw r.error(line(k), key(k), scalarText(k).trim() + " is not allowed; give a number >= 0.");
            }
            return v;
        }

        double fraction(String k) {
            double v = number(k);
            if (!(v > 0 && v < 1)) {
                throw r.error(line(k), key(k), scalarText(k).trim() + " is not allowed; give a level between 0 and 1,"
                        + " such as 0.95.");
            }
            return v;
        }

        boolean bool(String k) {
            String t = scalarText(k).trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "yes", "true", "on" -> true;
                case "no", "false", "off" -> false;
                default -> throw r.error(line(k), key(k), "\"" + scalarText(k).trim() + "\" is not allowed; use yes"
                        + " or no.");
            };
        }

        <T> T choice(String k, Function<String, T> parse, String allowedValues) {
            String t = scalarText(k);
            try {
                return parse.apply(t);
            } catch (IllegalArgumentException e) {
                throw r.error(line(k), key(k), "\"" + t.trim() + "\" is not allowed; use " + allowedValues + ".");
            }
        }

        Seq list(String k) {
            Node n = node(k);
            if (n instanceof Sequence s) {
                return new Seq(s.items(), key(k));
            }
            throw r.error(line(k), key(k), "expected a list ('- item' lines or [a, b]), found " + kind(n) + ".");
        }

        List<String> strings(String k) {
            Node n = node(k);
            List<Node> items = n instanceof Sequence s ? s.items() : List.of(n);
            List<String> out = new ArrayList<>();
            for (Node i : items) {
                if (!(i instanceof Scalar s) || s.isNull()) {
                    throw r.error(i.line(), key(k), "expected a list of single values, found " + kind(i) + ".");
                }
                if (n instanceof Scalar && s.text().contains(",")) {
                    for (String part : s.text().split(",")) {
                        if (!part.isBlank()) {
                            out.add(part.trim());
                        }
                    }
                } else {
                    out.add(s.text().trim());
                }
            }
            return out;
        }

        double[] numbers(String k, boolean positiveTimes) {
            Node n = node(k);
            List<Node> items = n instanceof Sequence s ? s.items() : List.of(n);
            if (n instanceof Scalar s && s.text().contains(",")) {
                List<Node> parts = new ArrayList<>();
                for (String part : s.text().split(",")) {
                    parts.add(new Scalar(part.trim(), s.token(), s.line(), s.column()));
                }
                items = parts;
            }
            double[] out = new double[items.size()];
            for (int i = 0; i < out.length; i++) {
                Node item = items.get(i);
                String t = item instanceof Scalar s && !s.isNull() ? s.text().trim() : null;
                if (t == null || !RuleExpression.isNumber(t)) {
                    throw r.error(item.line(), key(k), "expected numbers, such as [12, 36, 60]; found " + kind(item)
                            + ".");
                }
                out[i] = Double.parseDouble(t);
                if (positiveTimes && !(out[i] >= 0)) {
                    throw r.error(item.line(), key(k), t + " is not allowed; times are >= 0.");
                }
            }
            return out;
        }
    }
}
