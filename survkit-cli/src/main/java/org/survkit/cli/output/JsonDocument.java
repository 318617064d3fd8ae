package org.survkit.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * A JSON result ready to be written, with everything computed: small parts as trees, large tables (a Kaplan–Meier
 * curve's rows) streamed from the result's records straight to the {@link JsonGenerator}, with no tree or string
 * of them in between.
 */
@FunctionalInterface
interface JsonDocument {

    /**
     * Writes the document.
     *
     * @param g the generator (pretty-printed as {@link Json#MAPPER} prints)
     * @throws IOException when writing fails
     */
    void write(JsonGenerator g) throws IOException;

    /** {@return a document that is one tree} */
    static JsonDocument of(JsonNode tree) {
        return g -> g.writeTree(tree);
    }

    /** Writes the fields of an object node into the object being written. */
    static void fields(JsonNode object, JsonGenerator g) throws IOException {
        for (var field : object.properties()) {
            g.writeFieldName(field.getKey());
            g.writeTree(field.getValue());
        }
    }
}
