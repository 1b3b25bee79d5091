package io.github.serviceaccounts.activity;

import java.time.Instant;

/**
 * One thing a service account did (SPEC §7): got a token ({@code token}, with the key or federated credential), was
 * refused one ({@code token_refused}, with the reason), or called an admin API with its token ({@code api}, with
 * the operation and the resource path).
 */
public record ActivityEntry(Instant time, String type, String keyId, String credentialId, String reason,
        String ipAddress, String operation, String resourcePath) {

    public static final String TOKEN = "token";
    public static final String TOKEN_REFUSED = "token_refused";
    public static final String API = "api";
}
