package io.github.serviceaccounts.auth;

import org.keycloak.models.ClientModel;

/** How long a client assertion may live: 10 minutes at most (SPEC §5), shorter where the account says so. */
final class AssertionLifetime {

    static final String ATTRIBUTE = "iam.assertion.max.lifetime";
    static final int MAX_SECONDS = 600;

    private AssertionLifetime() {
    }

    /** The account's setting, kept within 1 to 600 seconds; anything unreadable counts as the maximum. */
    static int of(ClientModel client) {
        String value = client.getAttribute(ATTRIBUTE);
        if (value == null || value.isBlank()) {
            return MAX_SECONDS;
        }
        try {
            return Math.max(1, Math.min(MAX_SECONDS, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return MAX_SECONDS;
        }
    }
}
