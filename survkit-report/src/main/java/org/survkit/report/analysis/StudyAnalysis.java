package org.survkit.report.analysis;

import org.survkit.study.Values;
import org.survkit.study.Study;
import org.survkit.study.rules.RuleExpression;
import org.survkit.study.Comparisons;
import org.survkit.study.Firth;
import org.survkit.study.Rmst;
import org.survkit.study.VariableType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.survkit.io.Cohort;
import org.survkit.study.frame.ModelFrame;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;
import org.survkit.io.CohortReader;
import org.survkit.io.Exclusion;
import org.survkit.io.DecimalMark;
import org.survkit.io.InputException;
import org.survkit.io.InvalidRows;
import org.survkit.io.LocalNumbers;
import org.survkit.study.Study.CoxSpec;
import org.survkit.study.Study.Table1Item;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.PercentFormat;
import org.survkit.stats.baseline.Table1;
import org.survkit.stats.baseline.Table1Result;
import org.survkit.stats.baseline.Table1Variable;
import org.survkit.stats.competing.CompetingRisksGuardrails;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.competing.NaiveCumulativeIncidence;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.CoxControl;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.FirthCoxModel;
import org.survkit.stats.cox.FirthCoxRegression;
import org.survkit.stats.cox.GroupScoreTest;
import org.survkit.stats.cox.ProportionalHazardsTest;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.guardrails.Guardrails;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TrendTestResult;
import org.survkit.stats.logrank.TwoGroupHazardRatios;
import org.survkit.stats.logrank.Weighting;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.DesignMatrixBuilder;
import org.survkit.stats.model.Factor;

/**
 * Runs a study's analyses on its analysis dataset. Every number comes from survkit-stats: this
 * class only reads cohorts (through survkit-io's {@link CohortReader}, from the dataset in memory,
 * one {@link DatasetSpecs spec} per analysis), selects rows and groups, calls the engines and
 * collects their results and diagnostics. Nothing is formatted here.
 */
public final class StudyAnalysis {

    /** Label of the single group of an ungrouped study. */
    public static final String ALL = "All patients";

    /** Rows left out, for one reason, with the first data rows (1-based). */
    public record Excluded(String reason, int count, List<Integer> firstRows) {
    }

    /**
     * The flow of rows from the file to the analysis, as a STROBE flow diagram shows it: rows in the file, excluded by
     * the eligibility criteria, eligible, excluded for missing or invalid data, analysed, per group.
     *
     * @param rowsRead   data rows in the cohort file
     * @param ineligible rows the eligibility criteria exclude, per reason, in the order of the criteria (each row under
     *                   the first criterion it fails); empty without criteria
     * @param excluded   eligible rows left out for missing or invalid data, per reason, in the order survkit-io checks
     *                   them
     * @param analysed   rows analysed
     * @param groupSizes analysed rows per group, in display order (zero for groups nobody falls in)
     */
    public record Flow(int rowsRead, List<Excluded> ineligible, List<Excluded> excluded, int analysed,
            Map<String, Integer> groupSizes) {
        public Flow {
            ineligible = List.copyOf(ineligible);
            excluded = List.copyOf(excluded);
            groupSizes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groupSizes));
        }

        /** {@return the rows that meet the eligibility criteria (all rows without criteria)} */
        public int eligible() {
            return rowsRead - ineligible.stream().mapToInt(Excluded::count).sum();
        }
    }

    /**
     * One pairwise comparison, oriented in display order (the first group is the reference).
     *
     * @param first      reference group
     * @param second     comparison group
     * @param test       the two-group test on the pair's subjects
     * @param pairwise   raw and adjusted p-value
     * @param ratios     hazard ratio of second vs first by the log-rank and Mantel–Haenszel methods
     * @param cox        hazard ratio of second vs first by a Cox model with the group alone (Efron ties)
     * @param coxWarning a monotone-likelihood (or other) warning of that Cox fit, or null
     */
    public record Pair(String first, String second, LogRankResult test, PairwiseComparison pairwise,
            TwoGroupHazardRatios ratios, CoxCoefficient cox, Diagnostic coxWarning) {
    }

    /**
     * A comparison by the score test of a Cox model with the group alone (a factor, stratified as the study), the
     * log-rank test's counterpart for case weights and (entry, time] rows, which R's {@code survdiff} does not take:
     * {@code coxph(Surv(entry, time, event) ~ group + strata(s), weights = w)}. Without ties it is the log-rank
     * test of the risk sets; with whole-number weights, the test of the replicated rows. With non-integer weights
     * the robust score test (R's {@code summary(fit)$robscore}), as coxph's robust variance is then used.
     *
     * @param first      the reference group (the first in display order)
     * @param second     the other group of a pair, or null for all groups
     * @param test       the score test (robust with non-integer weights)
     * @param robust     whether it is the robust score test
     * @param pAdjusted  the pairwise P adjusted for the number of pairs (NaN for all groups)
     * @param cox        the hazard ratio of second vs first of a pair's fit, or null for all groups
     * @param coxWarning a warning of that fit (monotone likelihood), or null
     */
    public record ScoreComparison(String first, String second, org.survkit.stats.ChiSquareTest test, boolean robust,
            double pAdjusted, CoxCoefficient cox, Diagnostic coxWarning) {
    }

    /**
     * A fitted Cox model.
     *
     * @param spec    the study's model
     * @param cohort  the complete cases
     * @param model   the standard fit (null with firth: yes)
     * @param zph     its proportional-hazards test (null without an estimable coefficient)
     * @param firth   Firth's fit (null unless requested, or automatic after monotone likelihood)
     * @param labels  term → label for tables and the forest plot
     */
    public record CoxResult(CoxSpec spec, Cohort cohort, CoxModel model, ZphResult zph, FirthCoxModel firth,
            Map<String, String> labels) {
    }

    /**
     * Table 1 and how its variables were read.
     *
     * @param items  the study's variables
     * @param types  the type each variable was summarized as (auto resolved)
     * @param result the statistics
     */
    public record Table1Out(List<Table1Item> items, List<VariableType> types, Table1Result result) {
    }

    /**
     * Restricted mean survival times up to τ, per group and for every pair (second vs first).
     *
     * @param tau     the horizon
     * @param reason  why they are reported: "requested", or the sign of non-proportional hazards
     * @param byGroup RMST per group, in display order
     * @param pairs   comparisons in the order of {@link StudyAnalysis#pairs} (reference = first group)
     */
    public record RmstOut(double tau, String reason, List<org.survkit.stats.km.RestrictedMean> byGroup,
            List<org.survkit.stats.km.RestrictedMeanComparison> pairs) {
    }

    /**
     * The competing-risks analysis.
     *
     * @param spec          the study's block
     * @param cohort        the rows analysed (time, cause and group known)
     * @param status        the cause code of each row (the censor value for censored rows)
     * @param groups        the groups with rows, in display order (empty without groups)
     * @param result        cumulative incidence per cause and group, Gray's tests (display order of the groups)
     * @param overall       the same for all patients together, or null without groups
     * @param causes        the causes present, in display order (listed order, else increasing code)
     * @param times         the times the table reads the curves at (the study's {@code at}, else the reference time)
     * @param referenceTime where 1 − Kaplan–Meier is compared with the cumulative incidence
     * @param naive         that comparison per cause and group
     * @param anyEvent      Kaplan–Meier of the time to the first event of any cause per group (labels as
     *                      {@code result}), for the numbers at risk
     * @param fineGray      the Fine–Gray model, or null
     */
    public record CompetingRisksOut(Study.CompetingRisks spec, Cohort cohort, double[] status, List<String> groups,
            CumulativeIncidenceResult result, CumulativeIncidenceResult overall, List<Double> causes, double[] times,
            double referenceTime, List<NaiveCumulativeIncidence> naive, List<GroupCurve> anyEvent,
            FineGrayOut fineGray) {
    }

    /**
     * A fitted Fine–Gray model.
     *
     * @param cause      the cause of interest
     * @param covariates the model's terms (the group first when it was added)
     * @param cohort     the complete cases
     * @param model      the fit, or null when the cause has no event among them
     * @param labels     term → label
     */
    public record FineGrayOut(double cause, List<String> covariates, Cohort cohort, FineGrayModel model,
            Map<String, String> labels) {
    }

    /** A finding for the Guardrails section. */
    public record Finding(Diagnostic diagnostic, String scope) {
    }

    private final Study study;
    private final AnalysisDataset dataset;
    private final Cohort cohort;
    private final Cohort followUpCohort;
    private final Flow flow;
    private final List<String> groups;
    private final List<GroupCurve> curves;
    private final List<GroupCurve> followUp;
    private final SurvivalCurve overallCurve;
    private final SurvivalCurve overallFollowUp;
    private final LogRankResult overall;
    private final TrendTestResult trend;
    private final List<Pair> pairs;
    /** With case weights or entry times: the Cox score tests that replace the log-rank tests (else null, empty). */
    private final ScoreComparison scoreOverall;
    private final List<ScoreComparison> scorePairs;
    private final Table1Out table1;
    private final List<CoxResult> cox;
    private final RmstOut rmst;
    private final CompetingRisksOut competing;
    private final List<Finding> findings;
    /** Table 1 values counted as missing because they are not numbers in a continuous row (data.invalid: exclude). */
    private final List<String> table1Notes = new ArrayList<>();
    private final KaplanMeier km;

    private StudyAnalysis(Study study, AnalysisDataset dataset) {
        this.study = study;
        this.dataset = dataset;
        this.km = KaplanMeier.withDefaults().with(study.confType()).withConfLevel(study.confLevel());
        this.cohort = CohortReader.read(dataset, DatasetSpecs.survival(dataset));
        this.followUpCohort = CohortReader.read(dataset, DatasetSpecs.followUp(dataset));
        EligibleRows eligibility = dataset.eligibility();
        if (cohort.size() == 0) {
            List<Excluded> all = new ArrayList<>(eligibility == null ? List.of() : eligibility.excluded());
            all.addAll(excluded(cohort));
            throw new InputException(dataset.table().fileName() + ": no row can be analysed (" + cohort.rowsRead()
                    + " rows read, all excluded: " + String.join("; ", all.stream()
                            .map(e -> e.count() + " " + e.reason()).toList()) + ").");
        }
        String[] labels = labels(cohort);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        List<String> order = dataset.groupOrder().isEmpty() ? List.of(ALL) : dataset.groupOrder();
        for (String o : order) {
            sizes.put(o, 0);
        }
        for (String l : labels) {
            sizes.merge(l, 1, Integer::sum);
        }
        this.groups = sizes.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        this.flow = new Flow(cohort.rowsRead(), eligibility == null ? List.of() : eligibility.excluded(),
                excluded(cohort), cohort.size(), sizes);
        Factor factor = factor(labels, groups);
        if (weightedOrEntered()) {
            // R survfit(Surv(entry, time, event) ~ group, weights = w); the reverse curve likewise
            this.curves = km.fit(cohort.start(), cohort.time(), cohort.event(), cohort.weights(), factor);
            String[] followLabels = labels(followUpCohort);
            this.followUp = reorder(km.reverse(followUpCohort.start(), followUpCohort.time(), followUpCohort.event(),
                    followUpCohort.weights(), Factor.of(followLabels)));
            this.overallCurve = km.fit(cohort.start(), cohort.time(), cohort.event(), cohort.weights(),
                    Factor.single(ALL, cohort.size())).get(0).curve();
            this.overallFollowUp = km.reverse(followUpCohort.start(), followUpCohort.time(), followUpCohort.event(),
                    followUpCohort.weights(), Factor.single(ALL, followUpCohort.size())).get(0).curve();
        } else {
            this.curves = km.fit(cohort.time(), cohort.event(), factor);
            this.followUp = reorder(km.reverse(followUpCohort.time(), followUpCohort.event(), labels(followUpCohort)));
            this.overallCurve = km.fit(cohort.time(), cohort.event());
            this.overallFollowUp = km.reverse(followUpCohort.time(), followUpCohort.event());
        }
        LogRankTest test = logRank(study.comparisons());
        if (groups.size() >= 2 && weightedOrEntered()) {
            this.overall = null;
            this.trend = null;
            this.pairs = List.of();
            this.scoreOverall = scoreTest(labels, groups, null);
            this.scorePairs = study.comparisons().pairwise() || groups.size() == 2 ? scorePairs(labels)
                    : List.of();
        } else if (groups.size() >= 2) {
            this.scoreOverall = null;
            this.scorePairs = List.of();
            this.overall = test.test(cohort.time(), cohort.event(), factor, strataFactor(cohort.strata()));
            this.trend = study.comparisons().trend() ? trend(test, labels) : null;
            this.pairs = study.comparisons().pairwise() || groups.size() == 2 ? pairs(test, labels) : List.of();
        } else {
            this.overall = null;
            this.trend = null;
            this.pairs = List.of();
            this.scoreOverall = null;
            this.scorePairs = List.of();
        }
        this.table1 = study.table1().isEmpty() ? null : table1(labels);
        List<CoxResult> models = new ArrayList<>();
        for (CoxSpec spec : study.cox()) {
            models.add(cox(spec));
        }
        this.cox = List.copyOf(models);
        this.rmst = restrictedMeans();
        this.competing = study.competingRisks() == null ? null : competingRisks();
        this.findings = guardrailFindings();
    }

    /**
     * Runs the analyses.
     *
     * @param study   the study
     * @param dataset its derived dataset
     */
    public static StudyAnalysis run(Study study, AnalysisDataset dataset) {
        return new StudyAnalysis(study, dataset);
    }


    // ---------------------------------------------------------------- results

    /** {@return the study} */
    public Study study() {
        return study;
    }

    /** {@return its analysis dataset} */
    public AnalysisDataset dataset() {
        return dataset;
    }

    /** {@return the rows analysed: time and event censored at the horizon, group, strata} */
    public Cohort cohort() {
        return cohort;
    }

    /** {@return the same rows over the whole follow-up (median follow-up, immortal time)} */
    Cohort followUpCohort() {
        return followUpCohort;
    }

    /** {@return rows read, excluded and analysed} */
    public Flow flow() {
        return flow;
    }

    /** {@return the groups with patients, in display order} */
    public List<String> groups() {
        return groups;
    }

    /** {@return Kaplan–Meier per group, in display order} */
    public List<GroupCurve> curves() {
        return curves;
    }

    /** {@return reverse Kaplan–Meier (follow-up) per group, in display order} */
    public List<GroupCurve> followUp() {
        return followUp;
    }

    /** {@return Kaplan–Meier of all patients} */
    public SurvivalCurve overallCurve() {
        return overallCurve;
    }

    /** {@return reverse Kaplan–Meier of all patients} */
    public SurvivalCurve overallFollowUp() {
        return overallFollowUp;
    }

    /** {@return the overall test of the groups, or null with fewer than two groups} */
    public LogRankResult overall() {
        return overall;
    }

    /** {@return whether the study has case weights or entry times (the groups are then compared by Cox score tests)} */
    public boolean weightedOrEntered() {
        return study.weights() != null || study.time().delayedEntry();
    }

    /** {@return whether the groups are compared: by the log-rank family, or by the Cox score test} */
    public boolean compared() {
        return overall != null || scoreOverall != null;
    }

    /** {@return with case weights or entry times, the Cox score test of all groups; else null} */
    public ScoreComparison scoreOverall() {
        return scoreOverall;
    }

    /** {@return with case weights or entry times, the pairwise Cox score tests (empty when not made)} */
    public List<ScoreComparison> scorePairs() {
        return scorePairs;
    }

    /** {@return the trend test, or null} */
    public TrendTestResult trend() {
        return trend;
    }

    /** {@return the pairwise comparisons (empty when not made)} */
    public List<Pair> pairs() {
        return pairs;
    }

    /** {@return Table 1, or null without Table 1 variables} */
    public Table1Out table1() {
        return table1;
    }

    /** {@return the Cox models, in the study's order} */
    public List<CoxResult> cox() {
        return cox;
    }

    /** {@return restricted mean survival times, or null when not reported} */
    public RmstOut rmst() {
        return rmst;
    }

    /** {@return the competing-risks analysis, or null without competing_risks} */
    public CompetingRisksOut competing() {
        return competing;
    }

    /** {@return the Guardrails findings} */
    public List<Finding> findings() {
        return findings;
    }

    // ---------------------------------------------------------------- cohort and groups

    private static String[] labels(Cohort c) {
        if (c.group() != null) {
            return c.group();
        }
        String[] all = new String[c.size()];
        java.util.Arrays.fill(all, ALL);
        return all;
    }

    /** {@return the strata as a factor, or null without strata} */
    private static Factor strataFactor(String[] strata) {
        return strata == null ? null : Factor.of(strata);
    }

    /** The labels as a factor with the levels in this order (every label among them). */
    private static Factor factor(String[] labels, List<String> levels) {
        return Factor.ordered(labels, levels);
    }

    private List<GroupCurve> reorder(List<GroupCurve> fitted) {
        List<GroupCurve> out = new ArrayList<>();
        for (String g : groups) {
            for (GroupCurve c : fitted) {
                if (c.group().equals(g)) {
                    out.add(c);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The reader's exclusions of eligible rows. The rows the eligibility criteria exclude have no time, which the
     * reader checks first: they are taken out of its count of rows without a time (and its first rows recomputed).
     */
    private List<Excluded> excluded(Cohort c) {
        List<Excluded> out = new ArrayList<>();
        EligibleRows eligibility = dataset.eligibility();
        for (Exclusion e : c.exclusions()) {
            List<Integer> rows = e.firstLines().stream().map(l -> dataset.rowOfLine(l) + 1).toList();
            int count = e.count();
            if (eligibility != null && AnalysisDataset.TIME.equals(e.column())) {
                count -= eligibility.excludedCount();
                if (count < 0) {
                    throw new IllegalStateException("the reader counts fewer rows without a time (" + e.count()
                            + ") than the eligibility criteria exclude (" + eligibility.excludedCount() + ")");
                }
                List<Integer> first = new ArrayList<>();
                for (int i = 0; i < dataset.size() && first.size() < 5; i++) {
                    if (Double.isNaN(dataset.time(i)) && eligibility.reason(i) == null) {
                        first.add(i + 1);
                    }
                }
                rows = first;
            }
            if (count > 0 && AnalysisDataset.TIME.equals(e.column()) && dataset.missingTimeReasons().size() > 1) {
                out.addAll(timeReasons(count, rows));
            } else if (count > 0) {
                out.add(new Excluded(reason(e), count, rows));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The rows without an analysis time, one entry per reason (missing dates, invalid values, the landmark), as the
     * flow of rows and the CONSORT diagram show them; one merged entry when the counts do not add up.
     */
    private List<Excluded> timeReasons(int count, List<Integer> rows) {
        Map<Integer, Integer> rowOfSourceLine = new HashMap<>();
        for (int i = 0; i < dataset.size(); i++) {
            rowOfSourceLine.put(dataset.sourceLine(i), i + 1);
        }
        List<Excluded> out = new ArrayList<>();
        int sum = 0;
        for (Map.Entry<String, Integer> w : dataset.missingTimeReasons().entrySet()) {
            List<Integer> first = new ArrayList<>();
            for (Exclusion x : dataset.readingExclusions()) {
                if (x.reason().equals(w.getKey())) {
                    x.firstLines().forEach(l -> first.add(rowOfSourceLine.getOrDefault(l, 0)));
                }
            }
            out.add(new Excluded(w.getKey(), w.getValue(), first));
            sum += w.getValue();
        }
        if (sum != count) {
            Study.Time t = study.time();
            return List.of(new Excluded(t.fromDates() ? "missing or invalid start or end date, or event ('" + t.from()
                    + "', '" + t.to() + "', '" + study.event().column() + "')" : "missing or invalid follow-up time or"
                    + " event ('" + t.column() + "', '" + study.event().column() + "')", count, rows));
        }
        return out;
    }

    /** The reader's reason in the study's words (the dataset's derived columns named by their sources). */
    private String reason(Exclusion e) {
        String col = e.column();
        Study.Time t = study.time();
        if (AnalysisDataset.TIME.equals(col)) {
            Map<String, Integer> why = dataset.missingTimeReasons();
            if (why.size() == 1) {
                return why.keySet().iterator().next();
            }
            return t.fromDates() ? "missing start or end date ('" + t.from() + "', '" + t.to() + "')"
                    : "missing follow-up time ('" + t.column() + "')";
        }
        if (AnalysisDataset.EVENT.equals(col)) {
            return "missing event status ('" + study.event().column() + "')";
        }
        if (col != null && col.equals(dataset.groupColumn())) {
            Study.Groups g = study.groups();
            return g.column() != null ? "missing group ('" + g.column() + "')"
                    : "no group rule applies (and no 'otherwise' label)";
        }
        return e.reason();
    }

    // ---------------------------------------------------------------- comparisons

    private static LogRankTest logRank(Comparisons c) {
        LogRankTest t = LogRankTest.withDefaults();
        return c.test() == Weighting.FLEMING_HARRINGTON ? t.withFlemingHarrington(c.rho(), c.gamma()) : t.with(c.test());
    }

    private TrendTestResult trend(LogRankTest test, String[] labels) {
        double[] scores = study.comparisons().scores();
        // the trend test orders groups by Factor order of the labels it is given: code them 1..k in display order
        String[] coded = new String[labels.length];
        Map<String, String> code = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            code.put(groups.get(i), Integer.toString(i + 1));
        }
        for (int i = 0; i < labels.length; i++) {
            coded[i] = code.get(labels[i]);
        }
        if (scores.length == 0) {
            double[] numeric = Factor.of(groups.toArray(new String[0])).numericLevels();
            scores = new double[groups.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = numeric != null ? Double.parseDouble(groups.get(i).trim()) : i + 1;
            }
        } else if (scores.length != groups.size()) {
            throw new InputException(study.fileName() + ", line " + study.line("comparisons") + ", 'comparisons.scores':"
                    + " " + scores.length + " scores for " + groups.size() + " groups with patients (" + String.join(", ",
                            groups) + "); give one score per group, in this order.");
        }
        return test.trend(cohort.time(), cohort.event(), coded, cohort.strata(), scores);
    }

    private List<Pair> pairs(LogRankTest test, String[] labels) {
        List<PairwiseComparison> all = test.pairwise(cohort.time(), cohort.event(), labels, cohort.strata(),
                study.comparisons().adjust());
        List<Pair> out = new ArrayList<>();
        for (int a = 0; a < groups.size(); a++) {
            for (int b = a + 1; b < groups.size(); b++) {
                String first = groups.get(a);
                String second = groups.get(b);
                PairwiseComparison pw = null;
                for (PairwiseComparison p : all) {
                    if (p.group1().equals(first) && p.group2().equals(second)) {
                        pw = p;
                    } else if (p.group1().equals(second) && p.group2().equals(first)) {
                        pw = new PairwiseComparison(first, second, p.statistic(), p.df(), p.pValue(), p.pAdjusted());
                    }
                }
                out.add(pair(test, labels, first, second, pw));
            }
        }
        return List.copyOf(out);
    }

    private Pair pair(LogRankTest test, String[] labels, String first, String second, PairwiseComparison pw) {
        int n = 0;
        for (String l : labels) {
            if (l.equals(first) || l.equals(second)) {
                n++;
            }
        }
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        String[] g = new String[n];
        String[] coded = new String[n];
        String[] strata = cohort.strata() == null ? null : new String[n];
        for (int i = 0, k = 0; i < labels.length; i++) {
            if (labels[i].equals(first) || labels[i].equals(second)) {
                t[k] = cohort.time()[i];
                e[k] = cohort.event()[i];
                g[k] = labels[i];
                coded[k] = labels[i].equals(first) ? "1" : "2";
                if (strata != null) {
                    strata[k] = cohort.strata()[i];
                }
                k++;
            }
        }
        LogRankResult r = test.test(t, e, factor(g, List.of(first, second)), strataFactor(strata));
        TwoGroupHazardRatios hr = LogRankTest.withDefaults().hazardRatio(t, e, coded, strata, study.confLevel());
        hr = new TwoGroupHazardRatios(first, second, hr.confLevel(), hr.logrank(), hr.mantelHaenszel());
        DesignMatrix d = DesignMatrixBuilder.of(n).categorical("group", g, List.of(first, second), first)
                .build(List.of("group"));
        CoxData pairData = CoxData.of(t, e, d);
        if (strata != null) {
            pairData = pairData.withStrata(Factor.of(strata).codes());
        }
        CoxModel m = CoxRegression.withDefaults().withConfLevel(study.confLevel()).fit(pairData);
        Diagnostic warning = m.diagnostics().stream().filter(x -> x.severity() == Diagnostic.Severity.WARNING)
                .findFirst().orElse(null);
        return new Pair(first, second, r, pw, hr, m.coefficients().get(0), warning);
    }

    /**
     * The Cox score test of the groups among these rows (all when {@code only} is null, else the rows of the two
     * groups listed), with the study's strata, case weights and entry times.
     */
    private ScoreComparison scoreTest(String[] labels, List<String> levels, List<String> only) {
        GroupScoreTest st = GroupScoreTest.among(cohort.start(), cohort.time(), cohort.event(), cohort.weights(),
                labels, levels, only, cohort.strata(), study.confLevel());
        CoxModel m = st.model();
        boolean robust = st.robust();
        org.survkit.stats.ChiSquareTest t = st.test();
        if (only == null) {
            return new ScoreComparison(groups.get(0), null, t, robust, Double.NaN, null, null);
        }
        Diagnostic warning = m.diagnostics().stream().filter(x -> x.severity() == Diagnostic.Severity.WARNING)
                .findFirst().orElse(null);
        return new ScoreComparison(only.get(0), only.get(1), t, robust, Double.NaN, m.coefficients().get(0), warning);
    }

    /** Every pair's Cox score test, in display order, with the study's adjustment of the P values. */
    private List<ScoreComparison> scorePairs(String[] labels) {
        List<ScoreComparison> raw = new ArrayList<>();
        for (int a = 0; a < groups.size(); a++) {
            for (int b = a + 1; b < groups.size(); b++) {
                raw.add(scoreTest(labels, groups, List.of(groups.get(a), groups.get(b))));
            }
        }
        double[] p = raw.stream().mapToDouble(r -> r.test().pValue()).toArray();
        double[] adjusted = study.comparisons().adjust().adjust(p);
        List<ScoreComparison> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            ScoreComparison r = raw.get(i);
            out.add(new ScoreComparison(r.first(), r.second(), r.test(), r.robust(), adjusted[i], r.cox(),
                    r.coxWarning()));
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- Table 1

    private Table1Out table1(String[] labels) {
        DataTable table = dataset.table();
        int n = cohort.size();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = dataset.rowOfLine(cohort.line()[i]);
        }
        List<Table1Variable> variables = new ArrayList<>();
        List<VariableType> types = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int v = 0; v < study.table1().size(); v++) {
            Table1Item item = study.table1().get(v);
            String name = item.shownLabel();
            if (!names.add(name)) {
                throw StudyColumns.error(study, item.line(), "table1[" + (v + 1) + "]", "the label '" + name + "' is"
                        + " used twice in Table 1; give each row its own label.");
            }
            int c = table.column(item.column());
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = table.value(rows[i], c);
            }
            List<String> present = new ArrayList<>();
            for (String x : values) {
                if (x != null) {
                    present.add(x);
                }
            }
            DecimalMark mark = LocalNumbers.columnMark(present, study.data().decimal(),
                    table.fileMark(study.data().decimal()));
            VariableType type = item.type() == VariableType.AUTO ? autoType(values, mark) : item.type();
            types.add(type);
            if (type == VariableType.CONTINUOUS) {
                double[] x = new double[n];
                List<String> odd = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    x[i] = values[i] == null ? Double.NaN : LocalNumbers.parse(values[i], mark);
                    if (values[i] != null && Double.isNaN(x[i])) {
                        odd.add(table.where(rows[i]).substring(table.fileName().length() + 2) + " (\"" + values[i]
                                + "\")");
                    }
                }
                if (!odd.isEmpty()) {
                    String message = table.fileName() + ", column '" + item.column() + "': " + odd.size() + " value"
                            + (odd.size() == 1 ? " is" : "s are") + " not " + (odd.size() == 1 ? "a number" : "numbers")
                            + ", but table1[" + (v + 1) + "] (" + study.fileName() + ", line " + item.line() + ") is "
                            + (item.type() == VariableType.AUTO ? "read as continuous because the other values are"
                            + " numbers" : "continuous") + " (decimal mark " + mark.id() + "): "
                            + String.join(", ", odd.subList(0, Math.min(10, odd.size())))
                            + (odd.size() > 10 ? " and " + (odd.size() - 10) + " more" : "") + ".";
                    if (study.data().invalid() == InvalidRows.STOP) {
                        throw new InputException(message + " Correct them, add the codes to data.na if they mean"
                                + " missing, set 'type: categorical', or set data.invalid: exclude to count them as"
                                + " missing.");
                    }
                    table1Notes.add(message + " They are counted as missing in Table 1 (data.invalid: exclude).");
                }
                variables.add(Table1Variable.continuous(name, x));
            } else if (item.levels().isEmpty()) {
                variables.add(Table1Variable.categorical(name, values));
            } else {
                for (int i = 0; i < n; i++) {
                    if (values[i] != null && !item.levels().contains(values[i])) {
                        throw new InputException(table.where(rows[i]) + ", column '"
                                + item.column() + "': value \"" + values[i] + "\" is not one of the levels "
                                + item.levels() + " of table1[" + (v + 1) + "] (" + study.fileName() + ", line "
                                + item.line() + "). Add it to the levels, or add the code to data.na if it means"
                                + " missing.");
                    }
                }
                variables.add(Table1Variable.categorical(name, values, item.levels()));
            }
        }
        Table1Result result = Table1.withDefaults().summarize(labels, groups, variables);
        return new Table1Out(study.table1(), List.copyOf(types), result);
    }

    /**
     * Continuous when more than 5 distinct values are numbers (with the column's decimal mark) and at least 80% of
     * the values are: a column that is almost all numbers is never silently a category (its odd values are then
     * named by {@link #table1}).
     */
    private static VariableType autoType(String[] values, DecimalMark mark) {
        Set<String> distinct = new LinkedHashSet<>();
        int numbers = 0;
        int present = 0;
        for (String v : values) {
            if (v == null) {
                continue;
            }
            present++;
            if (!Double.isNaN(LocalNumbers.parse(v, mark))) {
                numbers++;
                distinct.add(v);
            }
        }
        return distinct.size() > 5 && numbers >= 0.8 * present ? VariableType.CONTINUOUS : VariableType.CATEGORICAL;
    }

    // ---------------------------------------------------------------- Cox

    private CoxResult cox(CoxSpec spec) {
        Cohort c = CohortReader.read(dataset, DatasetSpecs.cox(dataset, spec));
        if (c.size() == 0) {
            throw StudyColumns.error(study, spec.line(), "cox", "model '" + spec.name() + "' has no complete case.");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        DesignMatrix design = design(c, spec.covariates(), spec.reference(), StudyKeys.REFERENCE, spec.line(),
                labels);
        double[] offset = null;
        if (spec.offset() != null) {
            offset = c.covariate(spec.offset()).numeric();
            if (offset == null) {
                throw StudyColumns.error(study, spec.line(), "cox", "model '" + spec.name() + "': the offset column '"
                        + spec.offset() + "' holds text" + c.firstNonNumber(spec.offset(), dataset.dataFileName()) + "; an offset is a number per"
                        + " row (a known part of the log hazard, e.g. the log of an expected rate). If that value"
                        + " means missing, add it to data.na.");
            }
        }
        CoxData data = new CoxData(c.start(), c.time(), c.event(), design, c.weights(),
                c.strata() == null ? null : Factor.of(c.strata()).codes(),
                c.cluster() == null ? null : Factor.of(c.cluster()).codes(), offset);
        CoxModel model = null;
        ZphResult zph = null;
        FirthCoxModel firth = null;
        if (spec.firth() != Firth.YES) {
            CoxControl d = CoxControl.DEFAULT;
            model = CoxRegression.withDefaults().with(spec.ties()).with(spec.concordance())
                    .with(new CoxControl(d.eps(), d.tolerChol(), spec.iterMax(), d.tolerInf()))
                    .withConfLevel(study.confLevel()).fit(data, spec.init());
            if (model.events() > 0 && model.coefficients().stream().anyMatch(k -> !k.aliased() && !Double.isNaN(k.coef()))) {
                zph = ProportionalHazardsTest.of(data, model, spec.zphTransform(), true);
            }
        }
        boolean monotone = model != null && model.diagnostics().stream()
                .anyMatch(d -> d.code().equals("monotone-likelihood"));
        // Firth's fit has no robust variance and no offset (CoxRules refuses firth: yes with them): with a cluster or
        // an offset the monotone likelihood stays a warning of the standard fit, without Firth's fit beside it
        boolean firthFits = spec.cluster() == null && spec.offset() == null;
        if (spec.firth() == Firth.YES || spec.firth() == Firth.AUTO && monotone && firthFits) {
            Ties ties = spec.firth() == Firth.YES ? spec.ties() : Ties.BRESLOW;
            firth = FirthCoxRegression.withDefaults().with(ties).withConfLevel(study.confLevel()).fit(data);
        }
        return new CoxResult(spec, c, model, zph, firth, labels);
    }

    /**
     * The design matrix of model terms on a cohort read with them as covariates, by the model frame (factors in
     * the study's level order: the groups' order, a Table 1 variable's levels); fills {@code labels} with
     * term → label.
     */
    private DesignMatrix design(Cohort c, List<String> covariates, Map<String, String> reference,
            StudyKey<?> referenceKey, int line, Map<String, String> labels) {
        Map<String, List<String>> order = new LinkedHashMap<>();
        if (dataset.groupColumn() != null) {
            order.put(dataset.groupColumn(), dataset.groupOrder());
        }
        for (Table1Item t : study.table1()) {
            order.merge(t.column(), t.levels(), (a, b) -> a);
        }
        ModelFrame frame = ModelFrame.of(c, covariates, reference, order, Where.file(study.fileName(), line),
                referenceKey);
        for (String name : frame.design().termLabels()) {
            for (String part : name.split(":")) {
                String v = part.trim();
                List<String> levels = frame.levels().get(v);
                if (levels == null) {
                    labels.putIfAbsent(v, variableLabel(v));
                } else {
                    String ref = frame.references().get(v);
                    for (String l : levels) { // the reference's own column: a factor coded by indicators in a:b
                        labels.putIfAbsent(v + "=" + l, variableLabel(v) + ": " + l + (l.equals(ref) ? "" : " vs " + ref));
                    }
                }
            }
        }
        return frame.design();
    }

    /** The Table 1 label of a column, else its name. */
    public String variableLabel(String column) {
        for (Table1Item t : study.table1()) {
            if (t.column().equals(column) && t.label() != null) {
                return t.label();
            }
        }
        return column;
    }

    // ---------------------------------------------------------------- RMST

    /**
     * The RMST comparison when requested, or (auto) when hazards do not look proportional: the curves
     * cross, or a Cox model's PH test rejects for the group. τ defaults to the shortest group's last
     * follow-up time (R survRM2's default), so that no curve is extrapolated.
     */
    private RmstOut restrictedMeans() {
        Comparisons c = study.comparisons();
        if (c.rmst() == Rmst.NO || groups.size() < 2 || pairs.isEmpty()) {
            return null;
        }
        String reason = c.rmst() == Rmst.YES ? "requested" : null;
        if (reason == null && Guardrails.crosses(curves)) {
            reason = "the Kaplan\u2013Meier curves cross";
        }
        for (CoxResult r : cox) {
            if (reason != null || r.zph() == null) {
                break;
            }
            for (org.survkit.stats.cox.ZphTerm z : r.zph().terms()) {
                if (z.term().equals(dataset.groupColumn()) && z.pValue() < 0.05) {
                    reason = "the proportional-hazards test of " + dataset.groupColumn() + " in the Cox model '"
                            + r.spec().name() + "' has P < 0.05";
                    break;
                }
            }
        }
        if (reason == null) {
            return null;
        }
        double tau = study.estimates().tau();
        if (Double.isNaN(tau)) {
            tau = org.survkit.stats.km.RestrictedMeanComparison.defaultTau(curves);
            if (!(tau > 0)) {
                return null;
            }
        }
        List<org.survkit.stats.km.RestrictedMean> byGroup = new ArrayList<>();
        for (GroupCurve g : curves) {
            byGroup.add(g.curve().restrictedMean(tau));
        }
        List<org.survkit.stats.km.RestrictedMeanComparison> cmp = new ArrayList<>();
        for (Pair p : pairs) {
            cmp.add(org.survkit.stats.km.RestrictedMeanComparison.of(curve(p.first()), curve(p.second()), tau,
                    study.confLevel()));
        }
        return new RmstOut(tau, reason, List.copyOf(byGroup), List.copyOf(cmp));
    }

    private GroupCurve curve(String group) {
        for (GroupCurve g : curves) {
            if (g.group().equals(group)) {
                return g;
            }
        }
        throw new IllegalStateException("no curve for group " + group);
    }

    // ---------------------------------------------------------------- competing risks

    /**
     * Cumulative incidence of every cause per group (Aalen–Johansen) with Gray's tests, all patients together, the
     * comparison with 1 − Kaplan–Meier and the Fine–Gray model — on the rows whose time, cause and group are
     * known (the censor value is the "event value" of the reader, so that a missing main event does not matter).
     */
    private CompetingRisksOut competingRisks() {
        Study.CompetingRisks cr = study.competingRisks();
        String censor = Values.given(cr.censorValue());
        Cohort c = CohortReader.read(dataset, DatasetSpecs.competingRisks(dataset));
        double[] status = c.size() == 0 ? new double[0] : c.covariate(AnalysisDataset.CAUSE).numeric();
        Set<Double> present = new java.util.TreeSet<>();
        for (double x : status) {
            if (x != cr.censorValue()) {
                present.add(x);
            }
        }
        if (present.isEmpty()) {
            throw StudyColumns.error(study, cr.line(""), "competing_risks", c.size() + " rows analysed, and none has"
                    + " a cause: column '" + cr.column() + "' is the censor value " + censor + " (or missing) in every"
                    + " row" + (Double.isNaN(study.horizon()) ? "" : " up to the horizon") + ". Check 'column' and"
                    + " 'censor_value'.");
        }
        List<Double> causes = new ArrayList<>();
        for (Study.Cause k : cr.causes()) {
            if (present.contains(k.code())) {
                causes.add(k.code());
            }
        }
        for (double x : present) {
            if (!causes.contains(x)) {
                causes.add(x);
            }
        }
        String[] labels = c.group();
        List<String> levels = new ArrayList<>();
        Factor factor = null;
        if (labels != null) {
            Set<String> seen = new HashSet<>(List.of(labels));
            for (String g : dataset.groupOrder()) {
                if (seen.contains(g)) {
                    levels.add(g);
                }
            }
            factor = factor(labels, levels);
        }
        CumulativeIncidence engine = CumulativeIncidence.withDefaults().with(study.confType())
                .withConfLevel(study.confLevel()).withRho(cr.rho());
        // with entry times: rows (entry, time], R survfit(Surv(entry, time, factor(status)) ~ group), no Gray test
        double[] entry = c.start();
        CumulativeIncidenceResult result = engine.fit(entry, c.time(), status, cr.censorValue(), null, factor,
                c.strata() == null ? null : Factor.of(c.strata()));
        CumulativeIncidenceResult overall = factor == null ? null
                : engine.fit(entry, c.time(), status, cr.censorValue(), null, null, null);
        double reference = referenceTime(result);
        double[] times = study.at().length > 0 ? study.at() : new double[] {reference};
        List<NaiveCumulativeIncidence> naive = NaiveCumulativeIncidence.of(result, entry, c.time(), status, factor,
                reference);
        boolean[] any = new boolean[status.length];
        for (int i = 0; i < any.length; i++) {
            any[i] = status[i] != cr.censorValue();
        }
        List<GroupCurve> anyEvent = entry != null
                ? km.fit(entry, c.time(), any, null, factor == null ? Factor.single("all", any.length) : factor)
                : factor == null ? List.of(new GroupCurve("all", km.fit(c.time(), any))) : km.fit(c.time(), any, factor);
        FineGrayOut fg = cr.fineGray() == null ? null : fineGray(cr, causes);
        return new CompetingRisksOut(cr, c, status, List.copyOf(levels), result, overall, List.copyOf(causes), times,
                reference, naive, anyEvent, fg);
    }

    /**
     * The horizon, else the last {@code at} time — or, when that is beyond every group's follow-up (or neither is
     * given), the shortest group's last follow-up time.
     */
    private double referenceTime(CumulativeIncidenceResult r) {
        double shortest = Double.POSITIVE_INFINITY;
        double longest = 0;
        for (org.survkit.stats.competing.CumulativeIncidenceCurve k : r.curves()) {
            shortest = Math.min(shortest, k.lastTime());
            longest = Math.max(longest, k.lastTime());
        }
        double t = !Double.isNaN(study.horizon()) ? study.horizon() : study.at().length > 0
                ? java.util.Arrays.stream(study.at()).max().orElseThrow() : shortest;
        return t > longest ? shortest : t;
    }

    private FineGrayOut fineGray(Study.CompetingRisks cr, List<Double> causes) {
        Study.FineGraySpec spec = cr.fineGray();
        List<String> covariates = DatasetSpecs.fineGrayTerms(dataset);
        Cohort c = CohortReader.read(dataset, DatasetSpecs.fineGray(dataset));
        double cause = Double.isNaN(cr.cause()) ? causes.get(0) : cr.cause();
        if (c.size() == 0) {
            throw StudyColumns.error(study, cr.line("finegray"), "competing_risks.finegray", "the Fine-Gray model has no"
                    + " complete case.");
        }
        double[] status = c.covariate(AnalysisDataset.CAUSE).numeric();
        Map<String, String> labels = new LinkedHashMap<>();
        DesignMatrix design = design(c, covariates, spec.reference(), StudyKeys.FINEGRAY_REFERENCE,
                cr.line("finegray"), labels);
        boolean any = java.util.Arrays.stream(status).anyMatch(x -> x == cause);
        FineGrayModel model = any ? FineGrayRegression.withDefaults().withConfLevel(study.confLevel())
                .fit(c.start(), c.time(), status, cr.censorValue(), cause, design) : null;
        return new FineGrayOut(cause, List.copyOf(covariates), c, model, labels);
    }

    /** Whether the study's event is exactly this cause of the competing-risks column. */
    private boolean isMainEvent(double cause) {
        Study.Event e = study.event();
        return e.column().equals(study.competingRisks().column()) && e.value() != null
                && RuleExpression.isNumber(e.value().trim()) && Double.parseDouble(e.value().trim()) == cause;
    }

    /** A competing-risks diagnostic with the causes named by their labels ("cause 2" → "cause 2 (Death)"). */
    private Diagnostic labelled(Diagnostic d) {
        Study.CompetingRisks cr = study.competingRisks();
        if (cr.causes().isEmpty()) {
            return d;
        }
        String m = d.message();
        for (Study.Cause k : cr.causes()) {
            String code = Values.given(k.code());
            String shown = cr.words() ? "'" + k.word() + "'" : code;
            m = m.replaceAll("(?<=\\b[Cc]ause )" + java.util.regex.Pattern.quote(code) + "(?![0-9]|\\.[0-9])",
                    java.util.regex.Matcher.quoteReplacement(shown + " (" + k.label() + ")"));
        }
        return new Diagnostic(d.severity(), d.code(), m);
    }

    // ---------------------------------------------------------------- findings

    private List<Finding> guardrailFindings() {
        List<Finding> out = new ArrayList<>();
        String unit = study.time().unitName() == null ? "time units" : study.time().unitName();
        for (String w : dataset.readingWarnings()) {
            out.add(new Finding(new Diagnostic(Diagnostic.Severity.NOTE, "input",
                    StudyKeys.forStudyFile(w, study.fileName())), "Data"));
        }
        for (String w : cohort.warnings()) {
            out.add(new Finding(new Diagnostic(Diagnostic.Severity.NOTE, "input", w), "Data"));
        }
        add(out, Guardrails.forCurves(curves, study.at(), rmst == null ? Double.NaN : rmst.tau(), unit,
                study.horizon()), "Survival");
        if (!Double.isNaN(study.horizon())) {
            add(out, Guardrails.forHorizon(curves, followUp, study.horizon(), unit), "Survival");
        }
        add(out, Guardrails.forImmortalTime(followUpCohort.time(), followUpCohort.event(), unit), "Design");
        if (overall != null) {
            add(out, Guardrails.forComparison(overall, curves, pairs.size(), study.comparisons().adjust()),
                    "Comparisons");
            for (Pair p : pairs) {
                for (Diagnostic d : Guardrails.forPower(p.test())) {
                    out.add(new Finding(d, p.second() + " vs " + p.first()));
                }
            }
        }
        if (table1 != null) {
            for (String note : table1Notes) {
                out.add(new Finding(new Diagnostic(Diagnostic.Severity.WARNING, "input", note), "Table 1"));
            }
            add(out, table1.result().diagnostics(), "Table 1");
        }
        for (CoxResult r : cox) {
            String scope = "Cox model '" + r.spec().name() + "'";
            if (r.model() != null) {
                add(out, r.model().diagnostics(), scope);
            }
            if (r.zph() != null) {
                add(out, Guardrails.forProportionalHazards(r.zph()), scope);
            }
            if (r.firth() != null) {
                add(out, r.firth().diagnostics(), scope + " (Firth)");
            }
            int events = r.model() != null ? r.model().events() : r.firth().events();
            int p = r.model() != null ? (int) r.model().coefficients().stream().filter(k -> !k.aliased()).count()
                    : (int) r.firth().coefficients().stream().filter(k -> !k.aliased()).count();
            add(out, Guardrails.forEventsPerCoefficient(events, p), scope);
        }
        if (competing != null) {
            String scope = "Competing risks";
            List<Diagnostic> ds = new ArrayList<>(competing.result().diagnostics());
            if (competing.cohort().size() != cohort.size()) {
                ds.addAll(CompetingRisksGuardrails.forTimes(competing.result(), competing.times()));
            }
            for (Study.Cause k : competing.spec().causes()) {
                if (!competing.causes().contains(k.code())) {
                    ds.add(0, new Diagnostic(Diagnostic.Severity.NOTE, "no-events-of-cause", "Cause " + Values.given(
                            k.code()) + ", listed under competing_risks.causes, has no event among the "
                            + competing.cohort().size() + " patients analysed" + (Double.isNaN(study.horizon()) ? ""
                                    : " up to the horizon") + ": it is left out of the section's tables and figure."));
                }
            }
            for (Diagnostic d : ds) {
                out.add(new Finding(labelled(d), scope));
            }
            for (double cause : competing.causes()) {
                List<NaiveCumulativeIncidence> rows = competing.naive().stream().filter(r -> r.cause() == cause)
                        .toList();
                for (Diagnostic d : CompetingRisksGuardrails.forNaiveIncidence(rows, unit)) {
                    if (isMainEvent(cause)) {
                        d = new Diagnostic(d.severity(), d.code(), d.message() + " The Kaplan\u2013Meier estimates of"
                                + " the section \u201C" + study.endpoint() + "\u201D are of this kind (" + study.event()
                                .column() + " = " + study.event().value() + ", the other causes censored): 1 \u2212"
                                + " survival there is not the share of patients with the event.");
                    }
                    out.add(new Finding(labelled(d), scope));
                }
            }
            FineGrayOut fg = competing.fineGray();
            if (fg != null) {
                String fgScope = "Fine\u2013Gray model";
                if (fg.model() == null) {
                    out.add(new Finding(labelled(new Diagnostic(Diagnostic.Severity.WARNING, "no-events-of-cause", "Cause " + Values.given(
                            fg.cause()) + " has no event among the " + fg.cohort().size() + " complete cases of the"
                            + " Fine\u2013Gray model: it was not fitted. Choose another 'cause' under competing_risks.")),
                            fgScope));
                } else {
                    for (Diagnostic d : CompetingRisksGuardrails.forFineGray(fg.model())) {
                        out.add(new Finding(labelled(d), fgScope));
                    }
                }
            }
        }
        unadjusted(out);
        return List.copyOf(out);
    }

    private static void add(List<Finding> out, List<Diagnostic> ds, String scope) {
        for (Diagnostic d : ds) {
            out.add(new Finding(d, scope));
        }
    }

    /**
     * Baseline imbalance (Table 1 SMD above 0.1) in variables that no Cox model adjusts the group comparison for:
     * the log-rank comparisons are then unadjusted comparisons of groups that differ at baseline.
     */
    private void unadjusted(List<Finding> out) {
        if (table1 == null || groups.size() < 2) {
            return;
        }
        Set<String> adjusted = new HashSet<>();
        for (CoxResult r : cox) {
            Set<String> vars = new HashSet<>();
            for (String term : r.spec().covariates()) {
                for (String part : term.split(":")) {
                    vars.add(part.trim());
                }
            }
            if (dataset.groupColumn() != null && vars.contains(dataset.groupColumn())) {
                adjusted.addAll(vars);
            }
        }
        List<String> labels = new ArrayList<>();
        List<Double> smds = new ArrayList<>();
        for (int i = 0; i < table1.items().size(); i++) {
            Table1Item item = table1.items().get(i);
            if (!adjusted.contains(item.column()) && !item.column().equals(dataset.groupColumn())) {
                labels.add(item.shownLabel());
                smds.add(table1.result().rows().get(i).smd());
            }
        }
        add(out, Guardrails.forBaselineImbalance(labels, smds.stream().mapToDouble(Double::doubleValue).toArray()),
                "Comparisons");
    }
}
