package org.survkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.survkit.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns an API request's {@code options} into the command line of {@code survkit km}, {@code compare} or
 * {@code cox}. The options accepted are read from the command's own picocli model, so they are exactly the
 * CLI's long options written in snake_case ({@code --event-value} is {@code event_value}); only
 * {@code --format} and {@code --output} (the server chooses those) and {@code --help}/{@code --version} are
 * left out. Values: text or number for one value; a list (or a comma-separated text) for options that take
 * several ({@code at}, {@code covariates}); {@code true} for flags ({@code pairwise}); an object
 * {@code {"stage": "II"}} or list {@code ["stage=II"]} for repeatable {@code COL=LEVEL} options
 * ({@code reference}). Null and empty texts are left out. Every value is passed as {@code --name=value}, so a
 * value can never be read as another option.
 */
final class AnalysisOptions {
    /** The analyses the API runs. */
    static final Set<String> ANALYSES = Set.of("km", "compare", "cox");
    private static final Set<String> SERVER_CHOSEN = Set.of("format", "output", "help", "version");

    private AnalysisOptions() {
    }

    /** {@return the options of an analysis: snake_case name → the picocli option} */
    static Map<String, OptionSpec> options(String analysis) {
        CommandLine sub = Main.commandLine().getSubcommands().get(analysis);
        Map<String, OptionSpec> m = new LinkedHashMap<>();
        for (OptionSpec o : sub.getCommandSpec().options()) {
            String key = snake(o.longestName());
            if (!SERVER_CHOSEN.contains(key)) {
                m.put(key, o);
            }
        }
        return m;
    }

    static String snake(String longName) {
        String s = longName;
        while (s.startsWith("-")) {
            s = s.substring(1);
        }
        return s.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /**
     * The arguments for the CLI.
     *
     * @param analysis km, compare or cox
     * @param data     the dataset file (chosen by the server)
     * @param options  the request's options, may be null
     * @param format   json, csv or text
     */
    static List<String> arguments(String analysis, Path data, ObjectNode options, String format) {
        if (!ANALYSES.contains(analysis)) {
            throw ApiError.badRequest("'analysis' must be km, compare or cox, not '" + Datasets.clip(analysis) + "'.");
        }
        if (!Set.of("json", "csv", "text").contains(format)) {
            throw ApiError.badRequest("'format' must be json, csv or text, not '" + Datasets.clip(format) + "'.");
        }
        Map<String, OptionSpec> known = options(analysis);
        List<String> args = new ArrayList<>(List.of(analysis, data.toString(), "--format=" + format));
        if (options == null) {
            return args;
        }
        Iterator<Map.Entry<String, JsonNode>> it = options.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (SERVER_CHOSEN.contains(key)) {
                throw ApiError.badRequest("option '" + key + "' is chosen by the server: ask for a format with the"
                        + " request's top-level \"format\" (json, csv or text); results are returned, not written.");
            }
            OptionSpec o = known.get(key);
            if (o == null) {
                throw ApiError.badRequest("unknown option '" + Datasets.clip(key) + "' for " + analysis + ". Options: "
                        + String.join(", ", known.keySet()) + " (the CLI's long options in snake_case).");
            }
            add(args, o, key, v);
        }
        return args;
    }

    /**
     * The arguments of {@code survkit check DATA --format=json}: the options {@code check} has (the reading options,
     * the follow-up and event columns, the event and censored values); the other options of km, compare and cox are
     * left out, so that the page can send the options it sends to its analyses.
     *
     * @throws ApiError 400 for an option no analysis has, or a value of the wrong shape
     */
    static List<String> checkArguments(Path data, ObjectNode options) {
        Map<String, OptionSpec> check = options("check");
        List<String> args = new ArrayList<>(List.of("check", data.toString(), "--format=json"));
        if (options == null) {
            return args;
        }
        Set<String> analyses = new java.util.HashSet<>();
        ANALYSES.forEach(a -> analyses.addAll(options(a).keySet()));
        Iterator<Map.Entry<String, JsonNode>> it = options.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            OptionSpec o = check.get(e.getKey());
            if (o != null) {
                add(args, o, e.getKey(), e.getValue());
            } else if (!analyses.contains(e.getKey())) {
                throw ApiError.badRequest("unknown option '" + Datasets.clip(e.getKey()) + "'. The check reads "
                        + String.join(", ", check.keySet()) + "; the analyses' other options are accepted and"
                        + " left out.");
            }
        }
        return args;
    }

    private static void add(List<String> args, OptionSpec o, String key, JsonNode v) {
        String flag = o.longestName();
        if (v == null || v.isNull() || v.isTextual() && v.asText().isEmpty()) {
            return;
        }
        boolean isFlag = o.arity().max() == 0;
        if (isFlag) {
            if (!v.isBoolean()) {
                throw ApiError.badRequest("option '" + key + "' is a switch: give true or false.");
            }
            if (v.asBoolean()) {
                args.add(flag);
            }
            return;
        }
        if (v.isObject()) {
            if (!o.isMultiValue()) {
                throw ApiError.badRequest("option '" + key + "' takes one value, not an object.");
            }
            v.fields().forEachRemaining(f -> args.add(flag + "=" + f.getKey() + "=" + scalar(key, f.getValue())));
            return;
        }
        if (v.isArray()) {
            if (!o.isMultiValue()) {
                throw ApiError.badRequest("option '" + key + "' takes one value, not a list.");
            }
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(scalar(key, x)));
            if (items.isEmpty()) {
                return;
            }
            String split = o.splitRegex();
            if (split != null && !split.isEmpty()) {
                args.add(flag + "=" + String.join(",", items));
            } else {
                items.forEach(x -> args.add(flag + "=" + x));
            }
            return;
        }
        args.add(flag + "=" + scalar(key, v));
    }

    private static String scalar(String key, JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.asText() : Double.toString(v.asDouble());
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        throw ApiError.badRequest("option '" + key + "': give a text or a number.");
    }
}
