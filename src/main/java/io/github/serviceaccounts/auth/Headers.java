package io.github.serviceaccounts.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Base64;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.util.JsonSerialization;

/** Reads what Keycloak's JWS header class does not keep. */
final class Headers {

    private Headers() {
    }

    /**
     * Whether the header lists critical extensions ({@code crit}, RFC 7515 §4.1.11). None is understood here, so any
     * such assertion must be refused; an unreadable header counts as having one.
     */
    static boolean hasCrit(JWSInput jws) {
        try {
            JsonNode header = JsonSerialization.mapper.readTree(Base64.getUrlDecoder().decode(jws.getEncodedHeader()));
            return header == null || !header.isObject() || header.has("crit");
        } catch (IOException | IllegalArgumentException e) {
            return true;
        }
    }
}
