package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import org.keycloak.util.JsonSerialization;

/** A request's JSON object, read field by field so every mistake gets an error that names the field. */
final class Body {

    static final int MAX_BYTES = 64 * 1024;

    private final JsonNode json;

    private Body(JsonNode json) {
        this.json = json;
    }

    /** Parses the body; it must be one JSON object holding only the allowed fields. */
    static Body parse(String raw, Set<String> allowed) {
        if (raw != null && raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Problems.tooLarge(MAX_BYTES);
        }
        if (raw == null || raw.isBlank()) {
            throw Problems.invalidBody("The body must be a JSON object");
        }
        JsonNode json;
        try {
            json = JsonSerialization.mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            throw Problems.invalidBody("The body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw Problems.invalidBody("The body must be a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw Problems.invalid(printable(name), "unknown field; expected one of " + allowed);
            }
        }
        return new Body(json);
    }

    boolean has(String field) {
        return json.hasNonNull(field);
    }

    /** A text field, or null if absent or null. */
    String text(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Problems.invalid(field, "must be a string");
        }
        return value.asText();
    }

    String requiredText(String field) {
        String value = text(field);
        if (value == null) {
            throw Problems.invalid(field, "is required");
        }
        return value;
    }

    Boolean bool(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw Problems.invalid(field, "must be true or false");
        }
        return value.asBoolean();
    }

    JsonNode node(String field) {
        return json.get(field);
    }

    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return cut.replaceAll("\\p{Cc}", "?");
    }
}
