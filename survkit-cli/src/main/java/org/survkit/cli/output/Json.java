package org.survkit.cli.output;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.survkit.cli.result.CauseCodes;
import org.survkit.cli.result.CohortSummary;
import org.survkit.io.Exclusion;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.Diagnostic;

/**
 * JSON output conventions (snake_case keys, numbers as numbers through {@link Numbers#json}, null where R gives NA)
 * and the blocks every JSON result shares: the data analysed, the warnings, a chi-square test.
 */
final class Json {
    /**
     * Pretty output; Schubfach double formatting (Jackson's fast writer: the same shortest digits, ~10× faster); the
     * target (standard output) stays open after a document.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return F.objectNode();
    }

    /** Puts a number as {@link Numbers#json}: null for NaN/infinite (R's NA), whole values without ".0". */
    static void put(ObjectNode o, String key, double x) {
        o.set(key, Numbers.json(x));
    }

    /** {@code "key": "value"} or {@code "key": null}. */
    static void putText(ObjectNode o, String key, String value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    /**
     * The data analysed: {@code source} (the file), {@code excluded} (rows read, analysed, excluded with reasons),
     * {@code landmark} and {@code horizon} (null when not given).
     */
    static void putCohort(ObjectNode o, CohortSummary c) {
        o.put("source", c.source());
        ObjectNode x = o.putObject("excluded");
        x.put("rows_read", c.rowsRead());
        x.put("rows_analysed", c.rowsAnalysed());
        x.put("rows_excluded", c.rowsExcluded());
        ArrayNode reasons = x.putArray("reasons");
        for (Exclusion e : c.exclusions()) {
            ObjectNode r = reasons.addObject();
            r.put("reason", e.reason());
            putText(r, "column", e.column());
            r.put("count", e.count());
            ArrayNode lines = r.putArray("first_lines");
            e.firstLines().forEach(lines::add);
        }
        put(o, "landmark", c.landmark());
        put(o, "horizon", c.horizon());
        ArrayNode codes = o.putArray("event_coding");
        for (org.survkit.io.EventCode e : c.eventCodes()) {
            ObjectNode r = codes.addObject();
            r.put("value", e.value());
            r.put("meaning", e.meaning().word());
            r.put("count", e.count());
            putText(r, "note", e.note().isEmpty() ? null : e.note());
        }
    }

    /** {@return the warnings: the reader's, then the diagnostics' messages} */
    static ArrayNode warnings(CohortSummary c, List<Diagnostic> diagnostics) {
        ArrayNode a = F.arrayNode();
        c.warnings().forEach(a::add);
        diagnostics.forEach(d -> a.add(d.message()));
        return a;
    }

    /** A chi-square test as {@code {"statistic", "df", "p_value"}}. */
    static ObjectNode chiSquare(ChiSquareTest t) {
        ObjectNode x = object();
        put(x, "statistic", t.statistic());
        x.put("df", t.df());
        put(x, "p_value", t.pValue());
        return x;
    }

    /** {@return {@code "loglik": {"null": …, "model": …}}, put on {@code o} (a model may add its own)} */
    static ObjectNode putLoglik(ObjectNode o, double nullModel, double model) {
        ObjectNode ll = o.putObject("loglik");
        put(ll, "null", nullModel);
        put(ll, "model", model);
        return ll;
    }

    /** The hazard-ratio columns shared by Cox, Firth and Fine–Gray coefficient rows. */
    static void putHazardRatio(ObjectNode x, double hr, double lower, double upper, boolean aliased) {
        put(x, "hr", hr);
        put(x, "hr_lower", lower);
        put(x, "hr_upper", upper);
        x.put("aliased", aliased);
    }

    /** Puts a competing-risks code as the data write it: a number (1, not 1.0), or the word. */
    static void putCode(ObjectNode o, String key, CauseCodes codes, double code) {
        if (codes.words()) {
            o.put(key, codes.label(code));
        } else {
            put(o, key, code);
        }
    }

    /** {@return the cause codes as the data write them} */
    static ArrayNode causes(CauseCodes codes) {
        ArrayNode a = F.arrayNode();
        for (double c : codes.causes()) {
            a.add(codes.words() ? F.textNode(codes.label(c)) : Numbers.json(c));
        }
        return a;
    }
}
