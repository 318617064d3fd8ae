package org.survkit.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.survkit.io.InputException;
import org.survkit.report.analysis.AnalysisDataset;
import org.survkit.study.Study;

/**
 * Groups derived by rules ({@code groups.rules} of the page's settings). The web has no rule evaluator of its own:
 * the study the page would save ({@link StudyFromSettings}) is derived by the report's
 * {@link AnalysisDataset#derive(Study)}, written once as CSV in the dataset's {@code derived} folder (named by a hash
 * of the study's reading and groups settings, {@code 0600} as every file of the data folder), and the analyses and
 * the figure run on that file: time and event are the dataset's {@code analysis_time} and {@code analysis_event}
 * (landmark and horizon already applied, as the report's analyses read them) and the group is the derived column.
 * The page's eligibility criteria ({@code include}, {@code exclude}) are applied the same way: the rows they exclude
 * have no time in the derived file, so every analysis of it leaves them out, as the report does.
 */
final class DerivedGroups {
    /** The reading options the derived file has already applied; the analyses of the derived file drop them. */
    private static final List<String> APPLIED = List.of("time", "start_date", "end_date", "date_format", "sheet",
            "decimal", "invalid", "landmark", "event", "event_value", "censor_value", "group");
    /** The options that decide the derived file's content (with the groups settings). */
    private static final List<String> READING = List.of("time", "start_date", "end_date", "time_unit", "date_format",
            "sheet", "na", "decimal", "invalid", "event", "event_value", "censor_value", "landmark", "horizon");

    private DerivedGroups() {
    }

    /** A derived analysis file, the group variable's name and its groups in display order. */
    record Derived(Path file, String group, List<String> order, AnalysisDataset dataset) {
    }

    /**
     * The study that the page's options, groups and eligibility criteria describe (the study file sits next to the
     * dataset file).
     *
     * @param criteria an object with the page's {@code include} and {@code exclude} lists, or null
     */
    static Study study(Datasets.Dataset d, ObjectNode options, ObjectNode groups, ObjectNode criteria) {
        ObjectNode settings = JsonBodies.MAPPER.createObjectNode();
        if (options != null) {
            settings.set("options", options);
        }
        if (groups != null) {
            settings.set("groups", groups);
        }
        settings.setAll(criteria(criteria));
        return study(d, settings);
    }

    /** {@return the {@code include} and {@code exclude} members of a request or settings (an empty object for none)} */
    static ObjectNode criteria(ObjectNode body) {
        ObjectNode c = JsonBodies.MAPPER.createObjectNode();
        if (body != null) {
            for (String k : List.of("include", "exclude")) {
                if (body.get(k) != null && !body.get(k).isNull()) {
                    c.set(k, body.get(k));
                }
            }
        }
        return c;
    }

    /** {@return whether a request needs the derived file: groups by rules, or eligibility criteria} */
    static boolean needed(ObjectNode groups, ObjectNode body) {
        return StudyFromSettings.hasRules(groups) || StudyFromSettings.hasCriteria(body);
    }

    /** The study that the page's whole settings describe (the study file sits next to the dataset file). */
    static Study study(Datasets.Dataset d, ObjectNode settings) {
        return StudyFromSettings.study(settings, d.file().resolveSibling("study.yaml"), d.fileName());
    }

    /** Derives the analysis dataset of the page's settings (in memory). */
    static AnalysisDataset dataset(Datasets.Dataset d, ObjectNode options, ObjectNode groups, ObjectNode criteria) {
        return dataset(d, study(d, options, groups, criteria));
    }

    /** Derives the analysis dataset of a study of the page (in memory), as the report does. */
    static AnalysisDataset dataset(Datasets.Dataset d, Study study) {
        AnalysisDataset ds;
        try {
            ds = AnalysisDataset.derive(study);
        } catch (InputException e) {
            throw ApiError.badRequest(Messages.forPage(e.getMessage(), d.file().getParent()));
        }
        if (study.groups() == null || study.groups().rules().isEmpty()) {
            return ds; // no derived column
        }
        String name = study.groups().name();
        if (ds.columns().stream().filter(name::equals).count() > 1) {
            throw ApiError.badRequest("the group name '" + Datasets.clip(name) + "' is already a column of "
                    + d.fileName() + ": choose another name.");
        }
        return ds;
    }

    /**
     * The derived analysis file of the page's settings, written when it is not there yet.
     */
    static Derived derive(Datasets.Dataset d, ObjectNode options, ObjectNode groups, ObjectNode criteria) {
        AnalysisDataset ds = dataset(d, options, groups, criteria);
        Path dir = PrivateFiles.folder(PrivateFiles.folder(d.file().resolveSibling("derived"))
                .resolve(key(options, groups, criteria)));
        Path file = dir.resolve(AnalysisDataset.FILE);
        synchronized (DerivedGroups.class) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Path tmp = dir.resolve(Tokens.id() + ".tmp");
                try {
                    PrivateFiles.touch(tmp);
                    ds.write(tmp);
                    PrivateFiles.restrict(tmp, PrivateFiles.FILE);
                    PrivateFiles.moveIntoPlace(tmp, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    PrivateFiles.delete(tmp);
                }
            }
        }
        return new Derived(file, ds.groupColumn(), ds.groupOrder(), ds);
    }

    /** The options of an analysis of the derived file: its time, event and group columns, other options kept. */
    static ObjectNode options(ObjectNode options, String group) {
        ObjectNode o = JsonBodies.MAPPER.createObjectNode();
        if (options != null) {
            options.fields().forEachRemaining(e -> {
                if (!APPLIED.contains(e.getKey())) {
                    o.set(e.getKey(), e.getValue());
                }
            });
        }
        if (o.get("time_unit") == null && options != null && options.get("start_date") != null) {
            o.put("time_unit", "days"); // the unit dates are counted in
        }
        o.put("time", "analysis_time");
        o.put("event", "analysis_event");
        o.put("event_value", "1");
        if (group != null) {
            o.put("group", group);
        }
        return o;
    }

    /**
     * The eligible rows of each group, in display order, and the eligible rows no group holds (key {@code ""}); rows
     * the eligibility criteria exclude are not counted ({@link #notEligible}).
     */
    static Map<String, Integer> counts(AnalysisDataset ds) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String g : ds.groupOrder()) {
            out.put(g, 0);
        }
        int c = ds.columns().indexOf(ds.groupColumn());
        int x = ds.columns().indexOf(AnalysisDataset.EXCLUDED_BY);
        for (int i = 0; i < ds.size(); i++) {
            if (x < 0 || ds.text(i, x).isEmpty()) {
                out.merge(ds.text(i, c), 1, Integer::sum);
            }
        }
        return out;
    }

    /** {@return the rows the eligibility criteria exclude} */
    static int notEligible(AnalysisDataset ds) {
        int x = ds.columns().indexOf(AnalysisDataset.EXCLUDED_BY);
        int n = 0;
        for (int i = 0; x >= 0 && i < ds.size(); i++) {
            n += ds.text(i, x).isEmpty() ? 0 : 1;
        }
        return n;
    }

    private static String key(ObjectNode options, ObjectNode groups, ObjectNode criteria) {
        ObjectNode k = JsonBodies.MAPPER.createObjectNode();
        for (String r : READING) {
            if (options != null && options.get(r) != null) {
                k.set(r, options.get(r));
            }
        }
        k.set("groups", groups);
        k.setAll(criteria(criteria));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(JsonBodies.MAPPER.writeValueAsString(k)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
