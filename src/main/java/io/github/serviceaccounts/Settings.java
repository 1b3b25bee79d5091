package io.github.serviceaccounts;

import io.github.serviceaccounts.keys.KeyAlgorithm;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.Config;

/**
 * Server-wide settings, given as options of the extension's REST provider, e.g.
 * {@code --spi-admin-realm-restapi-extension--iam--key-limit=5}.
 *
 * @param emailDomain the domain of service accounts' email-shaped identifiers ({@code <clientId>@<domain>})
 * @param keyLimit the most keys one service account may hold, enabled or not
 * @param maxKeyLifetime the longest a key may live; null for no limit
 * @param keyAlgorithms the algorithms new keys may use and keys may sign with
 */
public record Settings(String emailDomain, int keyLimit, Duration maxKeyLifetime, Set<KeyAlgorithm> keyAlgorithms) {

    public static final String DEFAULT_EMAIL_DOMAIN = "serviceaccounts.invalid";
    public static final int DEFAULT_KEY_LIMIT = 10;

    public Settings {
        if (keyLimit < 1) {
            throw new IllegalArgumentException("key-limit must be at least 1, not " + keyLimit);
        }
        if (keyAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("key-algorithms must name at least one algorithm");
        }
        keyAlgorithms = Set.copyOf(keyAlgorithms);
    }

    public static Settings defaults() {
        return new Settings(DEFAULT_EMAIL_DOMAIN, DEFAULT_KEY_LIMIT, null, EnumSet.allOf(KeyAlgorithm.class));
    }

    public static Settings from(Config.Scope config) {
        int days = config.getInt("maxKeyLifetimeDays", 0);
        String[] algorithms = config.getArray("keyAlgorithms");
        return new Settings(
                config.get("emailDomain", DEFAULT_EMAIL_DOMAIN),
                config.getInt("keyLimit", DEFAULT_KEY_LIMIT),
                days > 0 ? Duration.ofDays(days) : null,
                algorithms == null ? EnumSet.allOf(KeyAlgorithm.class) : Arrays.stream(algorithms)
                        .map(String::trim)
                        .map(name -> KeyAlgorithm.fromJwsName(name).orElseThrow(() -> new IllegalArgumentException(
                                "key-algorithms: unknown algorithm " + name + "; known are RS256, PS256, ES256, EdDSA")))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(KeyAlgorithm.class))));
    }
}
