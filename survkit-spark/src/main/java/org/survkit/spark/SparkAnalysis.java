package org.survkit.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.survkit.cli.Main;
import org.survkit.stats.cox.ConcordanceWeighting;
import org.survkit.stats.cox.ZphTransform;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import org.survkit.study.key.Where;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A command's arguments parsed by the command line's own definitions ({@link Main#commandLine()}: the local
 * {@code km}, {@code compare}, {@code cox}, {@code cif} and {@code finegray} with their mixins and study-key
 * flags), so that the Spark engine declares no option of its own: it reads the values the local command parsed
 * and its mixins' resolved settings ({@code MethodOptions}, {@code ComparisonOptions}, …), and refuses, with the
 * reason, each option it has not built ({@link #refusal()}).
 */
final class SparkAnalysis {
    /** What every command takes on Spark, as the local command takes it. */
    private static final Set<String> EVERY = Set.of(Flags.TIME, Flags.EVENT, Flags.EVENT_VALUE, Flags.CENSOR_VALUE,
            Flags.ENGINE, Flags.MASTER, "--format", "--output", Flags.P_STYLE, Flags.P_DIGITS, Flags.PRESET,
            Flags.CONF_TYPE, Flags.CONF_LEVEL, Flags.MEDIAN_RULE, Flags.LANDMARK, Flags.HORIZON);

    /** What each command takes besides {@link #EVERY}. */
    private static final Map<String, Set<String>> TAKEN = Map.of(
            "km", Set.of(Flags.GROUP, Flags.AT, Flags.TAU, "--table", Flags.TEST),
            "compare", Set.of(Flags.GROUP, Flags.STRATA, Flags.TEST, Flags.RHO, Flags.GAMMA, Flags.PAIRWISE,
                    Flags.ADJUST, Flags.TREND, Flags.SCORES, Flags.CONSERVATIVE, "--rmst"),
            "cox", Set.of(Flags.COVARIATES, Flags.CATEGORICAL, Flags.REFERENCE, Flags.STRATA, Flags.TIES, Flags.WEIGHTS,
                    Flags.CLUSTER, Flags.FIRTH),
            "cif", Set.of(Flags.GROUP, Flags.STRATA, Flags.AT, "--rho", Flags.CAUSE, "--table"),
            "finegray", Set.of(Flags.CAUSE, Flags.COVARIATES, Flags.CATEGORICAL, Flags.REFERENCE));

    /** Options cox takes on Spark with one value only: the one Spark computes (the key's default). */
    private static final Map<String, Predicate<String>> COX_VALUES = Map.of(
            Flags.ZPH_TRANSFORM, t -> StudyKeys.ZPH_TRANSFORM.parse(t, Where.COMMAND_LINE) == ZphTransform.KM,
            Flags.CONCORDANCE, t -> StudyKeys.CONCORDANCE.parse(t, Where.COMMAND_LINE) == ConcordanceWeighting.HARRELL);

    /** Why an option of the local command is not taken with --engine spark (the rest: not built yet). */
    private static final Map<String, String> WHY = reasons();

    private static Map<String, String> reasons() {
        Map<String, String> m = new LinkedHashMap<>();
        String dates = "follow-up from dates is computed by the in-memory reader; compute the time column in Spark"
                + " first and give it with " + Flags.TIME;
        for (String f : List.of(Flags.START_DATE, Flags.END_DATE, Flags.TIME_UNIT, Flags.DATE_FORMAT)) {
            m.put(f, dates);
        }
        String reading = "it is an option of the in-memory reader of cells; Spark reads DATA with its own readers"
                + " (an empty cell, NA, . or null is missing; other codes: recode them in Spark)";
        for (String f : List.of(Flags.NA, Flags.DECIMAL, Flags.SHEET, Flags.INVALID)) {
            m.put(f, reading);
        }
        m.put(Flags.START, "(start, stop] rows (delayed entry) are not built for " + Flags.ENGINE + " spark yet");
        m.put(Flags.WEIGHTS, "case weights are built for cox only on " + Flags.ENGINE + " spark");
        m.put(Flags.EXPECTED, "the one-sample log-rank test is not built for " + Flags.ENGINE + " spark yet");
        m.put(Flags.CONCORDANCE, "Uno's concordance (censoring weights per pair) is not built for " + Flags.ENGINE
                + " spark yet; Harrell's (the default) is");
        m.put(Flags.ZPH_TRANSFORM, "the proportional-hazards test on Spark uses the km transform of time (the"
                + " default); other transforms are not built yet");
        for (String f : List.of("--plot", "--plot-lines", Flags.LINE_TYPES, "--cause-label")) {
            m.put(f, "figures are drawn by the in-memory engine only");
        }
        return Map.copyOf(m);
    }

    final String command;
    private final ParseResult parsed;

    private SparkAnalysis(String command, ParseResult parsed) {
        this.command = command;
        this.parsed = parsed;
    }

    /**
     * Parses a command's arguments with the command line's definitions.
     *
     * @param args the arguments after the command's name (or with it first)
     * @throws CommandLine.ParameterException as the command line would
     */
    static SparkAnalysis parse(String command, List<String> args) {
        List<String> all = new ArrayList<>(args);
        if (all.isEmpty() || !all.get(0).equals(command)) {
            all.add(0, command);
        }
        ParseResult root = Main.commandLine().parseArgs(all.toArray(new String[0]));
        return new SparkAnalysis(command, root.subcommand());
    }

    /**
     * {@return the message for the first option given that the Spark engine does not take, or null}: the option,
     * that it is not available with --engine spark, and why.
     */
    String refusal() {
        Set<String> taken = TAKEN.getOrDefault(command, Set.of());
        for (OptionSpec o : parsed.matchedOptions()) {
            String name = o.longestName();
            if (EVERY.contains(name) || taken.contains(name)) {
                continue;
            }
            if (command.equals("cox") && COX_VALUES.containsKey(name)
                    && COX_VALUES.get(name).test(parsed.matchedOptionValue(name, ""))) {
                continue;
            }
            String why = WHY.getOrDefault(name, "not built for " + Flags.ENGINE + " spark yet");
            return "survkit " + command + " " + Flags.ENGINE + " spark: " + name + " is not available with "
                    + Flags.ENGINE + " spark: " + why + ". Run it without " + Flags.ENGINE + " spark.";
        }
        return null;
    }

    /**
     * {@return DATA as given}: the argument's text, not the local command's {@code Path}, which would fold a URI's
     * {@code //} ({@code s3a://bucket/x}, {@code hdfs:///registry})
     */
    String data() {
        return parsed.matchedPositional(0).originalStringValues().get(0);
    }

    /** {@return the option's value as the local command typed it, or {@code otherwise} when not given} */
    <T> T value(String flag, T otherwise) {
        return parsed.matchedOptionValue(flag, otherwise);
    }

    /** {@return the option's text, or null when not given} */
    String text(String flag) {
        return value(flag, null);
    }

    boolean given(String flag) {
        return parsed.hasMatchedOption(flag);
    }

    /** {@return the event column's event values (--event-value), empty when not given} */
    List<String> eventValues() {
        return value(Flags.EVENT_VALUE, List.of());
    }

    /** {@return --censor-value's codes, empty when not given} */
    List<String> censorValues() {
        return value(Flags.CENSOR_VALUE, List.of());
    }

    /** {@return the landmark (the study key's parser, as the local command), or null} */
    Double landmark() {
        String t = text(Flags.LANDMARK);
        return t == null ? null : StudyKeys.LANDMARK.parse(t, Where.COMMAND_LINE);
    }

    /** {@return the horizon of administrative censoring (the study key's parser), or NaN for none} */
    double horizon() {
        String t = text(Flags.HORIZON);
        Double h = t == null ? null : StudyKeys.HORIZON.parse(t, Where.COMMAND_LINE);
        return h == null ? Double.NaN : h;
    }

    /** {@return the local command as it parsed the arguments (its own checks and resolved settings)} */
    <T> T command(Class<T> type) {
        return type.cast(parsed.commandSpec().userObject());
    }

    /** {@return the local command's mixin of this type, as it parsed it (searched through nested mixins)} */
    <T> T mixin(Class<T> type) {
        T m = find(parsed.commandSpec(), type);
        if (m == null) {
            throw new IllegalStateException(command + " has no mixin " + type.getSimpleName());
        }
        return m;
    }

    private static <T> T find(CommandSpec spec, Class<T> type) {
        for (CommandSpec m : spec.mixins().values()) {
            if (type.isInstance(m.userObject())) {
                return type.cast(m.userObject());
            }
            T inner = find(m, type);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
