package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.federation.ClaimPatterns;
import io.github.serviceaccounts.federation.FederatedCredentials;
import io.github.serviceaccounts.federation.WildcardPattern;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads a federated credential from a request body, naming the field of every mistake (SPEC §3, §6). */
final class FederatedCredentialBody {

    static final Set<String> NEW = Set.of("name", "issuer", "subject", "audience", "claims", "expiresAt");
    static final Set<String> CHANGE = Set.of("name", "subject", "audience", "claims", "enabled", "expiresAt");
    static final int TEXT_MAX = 255;

    private FederatedCredentialBody() {
    }

    static FederatedCredentials.Definition definition(Body json, String defaultAudience) {
        String name = Texts.name("name", json.requiredText("name"));
        String issuer = text("issuer", json.requiredText("issuer"));
        WildcardPattern subject = subject(json.requiredText("subject"));
        String audience = json.has("audience") ? text("audience", json.text("audience")) : defaultAudience;
        ClaimPatterns claims = json.has("claims") ? claims(json.node("claims")) : ClaimPatterns.none();
        return new FederatedCredentials.Definition(name, issuer, subject, audience, claims,
                instant("expiresAt", json.text("expiresAt")));
    }

    static FederatedCredentials.Change change(Body json) {
        return new FederatedCredentials.Change(
                json.has("name") ? Texts.name("name", json.text("name")) : null,
                json.has("subject") ? subject(json.text("subject")) : null,
                json.has("audience") ? text("audience", json.text("audience")) : null,
                json.has("claims") ? claims(json.node("claims")) : null,
                json.bool("enabled"),
                instant("expiresAt", json.text("expiresAt")),
                json.node("expiresAt") != null && json.node("expiresAt").isNull());
    }

    /** A subject pattern; one that is nothing but {@code *} would admit every token of the issuer. */
    private static WildcardPattern subject(String value) {
        WildcardPattern pattern = new WildcardPattern(text("subject", value));
        if (pattern.matchesAnything()) {
            throw Problems.invalid("subject", "must name something besides '*': it would admit every token of the"
                    + " issuer");
        }
        return pattern;
    }

    private static ClaimPatterns claims(JsonNode node) {
        if (!node.isObject()) {
            throw Problems.invalid("claims", "must be an object of claim names to patterns");
        }
        if (node.size() > ClaimPatterns.MAX_CLAIMS) {
            throw Problems.invalid("claims", "may hold at most " + ClaimPatterns.MAX_CLAIMS + " patterns");
        }
        Map<String, WildcardPattern> patterns = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.isEmpty() || name.length() > ClaimPatterns.MAX_NAME_LENGTH || hasControl(name)) {
                throw Problems.invalid("claims", "claim names must be 1 to " + ClaimPatterns.MAX_NAME_LENGTH
                        + " printable characters");
            }
            if (ClaimPatterns.RESERVED.contains(name)) {
                throw Problems.invalid("claims", name + " is checked by its own field or by the token's times, not"
                        + " by a claim pattern");
            }
            if (!field.getValue().isTextual()) {
                throw Problems.invalid("claims", "the pattern of " + name + " must be a string");
            }
            patterns.put(name, new WildcardPattern(text("claims." + name, field.getValue().asText())));
        }
        return new ClaimPatterns(patterns);
    }

    private static String text(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw Problems.invalid(field, "must not be empty");
        }
        if (value.length() > TEXT_MAX) {
            throw Problems.invalid(field, "must be at most " + TEXT_MAX + " characters");
        }
        if (hasControl(value)) {
            throw Problems.invalid(field, "must not contain control characters");
        }
        return value;
    }

    private static boolean hasControl(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }

    static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
        }
    }
}
