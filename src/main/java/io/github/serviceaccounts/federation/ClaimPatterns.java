package io.github.serviceaccounts.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.keycloak.util.JsonSerialization;

/**
 * The claim patterns of a federated credential: every named top-level claim of the external token must match its
 * pattern. A string, number or boolean matches by its text; an array when one of its elements does; an object or a
 * missing claim never.
 */
public record ClaimPatterns(Map<String, WildcardPattern> patterns) {

    public static final int MAX_CLAIMS = 10;
    public static final int MAX_NAME_LENGTH = 100;
    /** Checked by fields of their own ({@code issuer}, {@code subject}, {@code audience}) or by the times. */
    public static final Set<String> RESERVED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat");

    public ClaimPatterns {
        patterns = Map.copyOf(patterns);
    }

    public static ClaimPatterns none() {
        return new ClaimPatterns(Map.of());
    }

    /** The name of the first claim that does not match, if any. */
    public Optional<String> firstMismatch(JsonNode payload) {
        return new TreeMap<>(patterns).entrySet().stream()
                .filter(e -> !matches(e.getValue(), payload == null ? null : payload.get(e.getKey())))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Name to pattern text, sorted by name. */
    public Map<String, String> texts() {
        Map<String, String> texts = new TreeMap<>();
        patterns.forEach((name, pattern) -> texts.put(name, pattern.text()));
        return texts;
    }

    String json() {
        try {
            return JsonSerialization.writeValueAsString(texts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClaimPatterns fromJson(String json) {
        try {
            Map<String, WildcardPattern> patterns = new TreeMap<>();
            JsonSerialization.mapper.readTree(json).fields()
                    .forEachRemaining(e -> patterns.put(e.getKey(), new WildcardPattern(e.getValue().asText())));
            return new ClaimPatterns(patterns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean matches(WildcardPattern pattern, JsonNode value) {
        if (value == null || value.isNull() || value.isObject()) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!element.isArray() && matches(pattern, element)) {
                    return true;
                }
            }
            return false;
        }
        return pattern.matches(value.asText());
    }
}
