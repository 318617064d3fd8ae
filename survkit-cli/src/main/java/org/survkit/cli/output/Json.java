package org.survkit.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.survkit.io.Cohort;
import org.survkit.io.Exclusion;
import org.survkit.stats.Diagnostic;

/** JSON output conventions: snake_case keys, numbers as numbers, null where R gives NA. */
public final class Json {
    /** Pretty output; Schubfach double formatting (Jackson's fast writer: the same shortest digits, ~10× faster). */
    public static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(SerializationFeature.INDENT_OUTPUT).build();
    public static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return F.objectNode();
    }

    /** Puts a number as {@link Numbers#json}: null for NaN/infinite (R's NA), whole values without ".0". */
    public static void put(ObjectNode o, String key, double x) {
        o.set(key, Numbers.json(x));
    }

    public static ObjectNode excluded(Cohort c) {
        ObjectNode o = object();
        o.put("rows_read", c.rowsRead());
        o.put("rows_analysed", c.size());
        o.put("rows_excluded", c.rowsExcluded());
        ArrayNode reasons = o.putArray("reasons");
        for (Exclusion e : c.exclusions()) {
            ObjectNode r = reasons.addObject();
            r.put("reason", e.reason());
            if (e.column() == null) {
                r.putNull("column");
            } else {
                r.put("column", e.column());
            }
            r.put("count", e.count());
            ArrayNode lines = r.putArray("first_lines");
            e.firstLines().forEach(lines::add);
        }
        return o;
    }

    /** {@code "key": "value"} or {@code "key": null}. */
    public static void putText(ObjectNode o, String key, String value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    /** The source file and the row flow (read, analysed, excluded with reasons). */
    public static void putSource(ObjectNode o, Cohort c) {
        o.put("source", c.source());
        o.set("excluded", excluded(c));
    }

    /** A chi-square test as {@code {"statistic", "df", "p_value"}}. */
    public static ObjectNode chiSquare(org.survkit.stats.ChiSquareTest t) {
        ObjectNode x = object();
        put(x, "statistic", t.statistic());
        x.put("df", t.df());
        put(x, "p_value", t.pValue());
        return x;
    }

    /** The hazard-ratio columns shared by Cox and Firth coefficient rows. */
    public static void putHazardRatio(ObjectNode x, double hr, double lower, double upper, boolean aliased) {
        put(x, "hr", hr);
        put(x, "hr_lower", lower);
        put(x, "hr_upper", upper);
        x.put("aliased", aliased);
    }

    public static ArrayNode warnings(List<String> ioWarnings, List<Diagnostic> diagnostics) {
        ArrayNode a = F.arrayNode();
        ioWarnings.forEach(a::add);
        diagnostics.forEach(d -> a.add(d.message()));
        return a;
    }

    public static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
