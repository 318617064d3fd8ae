package org.survkit.study.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.survkit.io.InputException;

/**
 * A YAML document as a tree whose every node remembers its line and column (Jackson's
 * {@link JsonLocation}), so that a study-file error can name the line. Scalars keep their text as
 * written: {@code yes}, {@code no}, {@code on} and {@code off} stay words (YAML 1.1 would make
 * them booleans), numbers keep their spelling. Anchors and aliases are not supported (a study
 * file does not need them); duplicate keys are an error.
 */
public final class YamlTree {

    /** A node with its position (1-based line and column) in the file. */
    public sealed interface Node permits Scalar, Mapping, Sequence {
        int line();

        int column();
    }

    /**
     * A scalar.
     *
     * @param text  the text as written (for null: "null"; for an empty value: "")
     * @param token Jackson's token: a string, number, boolean or null
     */
    public record Scalar(String text, JsonToken token, int line, int column) implements Node {
        public boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        public boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }
    }

    /**
     * A mapping, keys in file order.
     *
     * @param entries  key → value
     * @param keyLines key → line of the key
     */
    public record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line, int column) implements Node {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }
    }

    /** A sequence. */
    public record Sequence(List<Node> items, int line, int column) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();

    private YamlTree() {
    }

    /**
     * Parses one YAML document.
     *
     * @param text the document
     * @param file the file name for messages
     * @return the root node (an empty document gives an empty mapping)
     * @throws InputException for YAML syntax errors, aliases and duplicate keys, naming the line
     */
    public static Node parse(String text, String file) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Mapping(Map.of(), Map.of(), 1, 1);
            }
            Node root = read(p, file);
            if (p.nextToken() != null) {
                throw new InputException(file + ", line " + line(p) + ": only one YAML document is allowed in a study file.");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 1 ? "" : ", line " + loc.getLineNr() + ", column "
                    + loc.getColumnNr();
            throw new InputException(file + where + ": this is not valid YAML (" + e.getOriginalMessage()
                    .replaceAll("\\s+", " ").trim() + "). Check the indentation (spaces, not tabs) and that text with"
                    + " ': ' or '#' is quoted.", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static Node read(JsonParser p, String file) throws IOException {
        JsonToken t = p.currentToken();
        int line = line(p);
        int column = column(p);
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new InputException(file + ", line " + line + ": YAML aliases (*name) are not supported in a study"
                    + " file; write the value out.");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    if (entries.containsKey(key)) {
                        throw new InputException(file + ", line " + keyLine + ": the key '" + key
                                + "' appears twice in the same block (first on line " + keyLines.get(key)
                                + "); keep one.");
                    }
                    p.nextToken();
                    keyLines.put(key, keyLine);
                    entries.put(key, read(p, file));
                }
                return new Mapping(entries, keyLines, line, column);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, file));
                }
                return new Sequence(items, line, column);
            }
            default -> {
                String text = t == JsonToken.VALUE_NULL ? "null" : p.getText();
                return new Scalar(text == null ? "" : text, t, line, column);
            }
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static int column(JsonParser p) {
        return p.currentTokenLocation().getColumnNr();
    }
}
