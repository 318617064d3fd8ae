package org.survkit.study.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;

/**
 * The JSON Schema (draft 2020-12) of a study, made from {@link StudyKeys}: the study file (YAML) and the web app's
 * study JSON both follow it. Blocks are objects that allow only their keys (an unknown key is an error, as in
 * {@code survkit report}); {@code []} paths become lists of blocks; the shorthands of the study file ({@code data:
 * cohort.csv}, {@code time: COL}, {@code event: COL}, {@code groups: COL}, a Table 1 item as a column name, one Cox
 * model as a block, the Fine–Gray covariates as a list) are allowed as alternatives.
 */
public final class StudySchema {
    /** Blocks that may be written as their main key's value alone. */
    private static final Map<String, StudyKey<?>> SHORTHAND = Map.of("data", StudyKeys.DATA_PATH, "time",
            StudyKeys.TIME_COLUMN, "event", StudyKeys.EVENT_COLUMN, "groups", StudyKeys.GROUP_COLUMN, "table1[]",
            StudyKeys.TABLE1, "competing_risks.finegray", StudyKeys.FINEGRAY_COVARIATES);
    private static final List<String> REQUIRED = List.of("data", "time", "event");
    /** Keys that the items of a list of blocks must have. */
    private static final Map<String, List<String>> REQUIRED_IN_ITEMS = Map.of("include", List.of("when", "reason"),
            "exclude", List.of("when", "reason"), "groups.rules", List.of("label", "when"));

    private StudySchema() {
    }

    /** {@return the schema as a JSON tree} */
    public static ObjectNode schema() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:survkit:schema:study:1");
        root.put("title", "survkit study");
        root.put("description", "A cohort study for survkit: the data, how follow-up, the event and the groups are"
                + " derived, and the analyses. Study files (YAML) and the web app's studies (JSON) follow it.");
        root.put("type", "object");
        root.put("additionalProperties", false);
        root.putObject("properties");
        for (StudyKey<?> k : StudyKeys.all()) {
            if (k.inStudyFile()) {
                place(root, k.path().split("\\."), 0, k);
            }
        }
        ArrayNode req = root.putArray("required");
        REQUIRED.forEach(req::add);
        for (Map.Entry<String, List<String>> e : REQUIRED_IN_ITEMS.entrySet()) {
            ObjectNode block = root;
            for (String part : e.getKey().split("\\.")) {
                block = (ObjectNode) block.get("properties").get(part);
            }
            ArrayNode r = ((ObjectNode) block.get("items")).putArray("required");
            e.getValue().forEach(r::add);
        }
        for (Map.Entry<String, StudyKey<?>> e : SHORTHAND.entrySet()) {
            shorthand(root, e.getKey().split("\\."), 0, e.getValue());
        }
        // one Cox model may be written as a block instead of a list of one
        ObjectNode props = (ObjectNode) root.get("properties");
        ObjectNode cox = (ObjectNode) props.get("cox");
        ObjectNode coxAny = m.createObjectNode();
        coxAny.put("description", "Cox models: a list of blocks, or one block.");
        coxAny.putArray("anyOf").add(cox).add(cox.get("items").deepCopy());
        props.set("cox", coxAny);
        return root;
    }

    private static void place(ObjectNode block, String[] parts, int i, StudyKey<?> key) {
        ObjectNode props = (ObjectNode) block.get("properties");
        String part = parts[i];
        boolean list = part.endsWith("[]");
        String name = list ? part.substring(0, part.length() - 2) : part;
        if (i == parts.length - 1) {
            props.set(name, value(key));
            return;
        }
        ObjectNode child = (ObjectNode) props.get(name);
        if (child == null) {
            child = props.objectNode();
            ObjectNode obj = child;
            if (list) {
                child.put("type", "array");
                obj = child.putObject("items");
            }
            obj.put("type", "object");
            obj.put("additionalProperties", false);
            obj.putObject("properties");
            props.set(name, child);
        }
        place(list ? (ObjectNode) child.get("items") : child, parts, i + 1, key);
    }

    private static void shorthand(ObjectNode block, String[] parts, int i, StudyKey<?> key) {
        ObjectNode props = (ObjectNode) block.get("properties");
        String part = parts[i];
        boolean list = part.endsWith("[]");
        String name = list ? part.substring(0, part.length() - 2) : part;
        ObjectNode child = (ObjectNode) props.get(name);
        if (i < parts.length - 1) {
            shorthand(child, parts, i + 1, key);
            return;
        }
        ObjectNode target = list ? (ObjectNode) child.get("items") : child;
        ObjectNode any = props.objectNode();
        any.putArray("anyOf").add(value(key)).add(target);
        if (list) {
            child.set("items", any);
        } else {
            props.set(name, any);
        }
    }

    private static ObjectNode value(StudyKey<?> k) {
        ObjectNode v = new ObjectMapper().createObjectNode();
        v.put("title", k.label());
        v.put("description", k.description() + (k.flag() == null ? "" : " Command line: " + k.flag() + "."));
        switch (k.kind()) {
            case TEXT -> v.putArray("type").add("string").add("number"); // a code or label may be written as a number
            case COLUMN -> v.put("type", "string");
            case NUMBER -> v.put("type", "number");
            case INTEGER -> v.put("type", "integer");
            case BOOLEAN -> v.put("type", "boolean");
            case CHOICE -> {
                v.put("type", "string");
                ArrayNode e = v.putArray("enum");
                k.choices().forEach(e::add);
            }
            case NUMBERS -> {
                v.put("type", "array");
                v.putObject("items").put("type", "number");
            }
            case TEXTS -> {
                // the reader takes one value written alone as a list of one ("value: dead")
                v.putArray("type").add("array").add("string").add("number");
                ObjectNode items = v.putObject("items");
                items.putArray("type").add("string").add("number");
                if (!k.choices().isEmpty()) {
                    ArrayNode e = items.putArray("enum");
                    k.choices().forEach(e::add);
                }
            }
            case COLUMNS -> {
                v.put("type", "array");
                v.putObject("items").put("type", "string");
            }
            case PAIRS -> {
                v.put("type", "object");
                v.putObject("additionalProperties").putArray("type").add("string").add("number");
            }
            default -> throw new IllegalStateException(k.kind().toString());
        }
        Object d = k.defaultValue();
        if (d instanceof Boolean b) {
            v.put("default", b);
        } else if (d instanceof Double x) {
            v.put("default", x);
        } else if (d instanceof Integer x) {
            v.put("default", x);
        } else if (d instanceof String s) {
            v.put("default", s);
        } else if (d != null && k.kind() == StudyKey.Kind.CHOICE) {
            v.put("default", k.defaultText());
        }
        return v;
    }
}
