package io.github.serviceaccounts.accounts;

import org.keycloak.models.ClientModel;

/** How long a service account's client assertions may live: 10 minutes at most (SPEC §5), shorter where it says so. */
public final class AssertionLifetime {

    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 600;

    private AssertionLifetime() {
    }

    public static boolean isValid(int seconds) {
        return seconds >= MIN_SECONDS && seconds <= MAX_SECONDS;
    }

    /**
     * The account's setting. The API refuses anything outside 1 to 600; a value written around it (the client's
     * attributes in Keycloak's own API) is kept within that range, and an unreadable one counts as the maximum.
     */
    public static int of(ClientModel client) {
        return parse(client.getAttribute(AccountLayout.ASSERTION_LIFETIME));
    }

    static int parse(String value) {
        if (value == null || value.isBlank()) {
            return MAX_SECONDS;
        }
        try {
            return Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return MAX_SECONDS;
        }
    }

    static void set(ClientModel client, int seconds) {
        if (!isValid(seconds)) {
            throw new IllegalArgumentException("assertion lifetime " + seconds + " outside 1 to 600");
        }
        client.setAttribute(AccountLayout.ASSERTION_LIFETIME, String.valueOf(seconds));
    }
}
