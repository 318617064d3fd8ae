package org.survkit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON in and out of the API. */
final class JsonBodies {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {
    }

    /** {@return the request body as a JSON object, or throws a 400 that says what is wrong} */
    static ObjectNode object(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("send a JSON object as the request body (Content-Type: application/json).");
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the request body is not valid JSON (" + e.getOriginalMessage() + ").");
        }
        if (!(n instanceof ObjectNode o)) {
            throw ApiError.badRequest("the request body must be a JSON object {...}.");
        }
        return o;
    }

    /** {@return a required text member} */
    static String text(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            throw ApiError.badRequest("'" + key + "' is required (a text).");
        }
        return v.asText();
    }

    /** {@return an optional text member, or the default} */
    static String text(ObjectNode o, String key, String otherwise) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest("'" + key + "' must be a text.");
        }
        return v.asText();
    }

    /** {@return {"error": message}} */
    static String error(String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("error", message);
        return o.toString();
    }
}
