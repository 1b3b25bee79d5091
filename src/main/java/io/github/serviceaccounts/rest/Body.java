package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;
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

    /**
     * Parses the body; it must come as {@code application/json} (SPEC §3: anything else is 415) and be one JSON object
     * holding only the allowed fields.
     */
    static Body parse(MediaType type, String raw, Set<String> allowed) {
        if (raw != null && raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Problems.tooLarge(MAX_BYTES);
        }
        boolean empty = raw == null || raw.isBlank();
        if (!empty && (type == null || !isJson(type))) {
            throw Problems.unsupportedMediaType();
        }
        if (empty) {
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

    /** A whole number, or null if absent or null. */
    Integer integer(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw Problems.invalid(field, "must be a whole number");
        }
        return value.asInt();
    }

    JsonNode node(String field) {
        return json.get(field);
    }

    /** {@code application/json}, with or without parameters such as a charset. */
    private static boolean isJson(MediaType type) {
        return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
    }

    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return cut.replaceAll("\\p{Cc}", "?");
    }
}
