package io.github.serviceaccounts;

import io.github.serviceaccounts.keys.KeyAlgorithm;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * Server-wide settings, given as options of the extension's REST provider, e.g.
 * {@code --spi-admin-realm-restapi-extension--iam--key-limit=5} (or {@code KC_SPI_ADMIN_REALM_RESTAPI_EXTENSION__IAM__KEY_LIMIT}).
 *
 * @param emailDomain the domain of service accounts' email-shaped identifiers ({@code <clientId>@<domain>})
 * @param keyLimit the most keys one service account may hold, enabled or not
 * @param maxKeyLifetime the longest a key may live; null for no limit
 * @param keyAlgorithms the algorithms new keys may use and keys may sign with
 * @param setUpMasterRealm whether the extension may change the master realm at start (the iam-roles client scope)
 * @param restoreRolesScope whether a start recreates the iam-roles client scope where an administrator deleted it
 * @param lastUseWriteInterval how often a node writes the uses its token requests noted ({@code lastUsedAt}), 1 s to
 *        1 h; a clean shutdown writes them too, a crash loses at most this much
 */
public record Settings(String emailDomain, int keyLimit, Duration maxKeyLifetime, Set<KeyAlgorithm> keyAlgorithms,
        boolean setUpMasterRealm, boolean restoreRolesScope, Duration lastUseWriteInterval) {

    public static final String SPI = "admin-realm-restapi-extension";
    public static final String PROVIDER = "iam";
    public static final String DEFAULT_EMAIL_DOMAIN = "serviceaccounts.invalid";
    public static final int DEFAULT_KEY_LIMIT = 10;
    public static final Duration DEFAULT_LAST_USE_WRITE_INTERVAL = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(Settings.class);
    /** Where versions before 0.2 read their options; still read, with a warning, so an upgrade keeps its settings. */
    private static final String[] LEGACY_SCOPE = {"client-authenticator", "service-account-key"};

    public Settings {
        if (keyLimit < 1) {
            throw new IllegalArgumentException("key-limit must be at least 1, not " + keyLimit);
        }
        if (keyAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("key-algorithms must name at least one algorithm");
        }
        keyAlgorithms = Set.copyOf(keyAlgorithms);
        if (lastUseWriteInterval.toSeconds() < 1 || lastUseWriteInterval.toSeconds() > 3600) {
            throw new IllegalArgumentException("last-use-write-seconds must be between 1 and 3600, not "
                    + lastUseWriteInterval.toSeconds());
        }
    }

    public static Settings defaults() {
        return new Settings(DEFAULT_EMAIL_DOMAIN, DEFAULT_KEY_LIMIT, null, EnumSet.allOf(KeyAlgorithm.class), false,
                false, DEFAULT_LAST_USE_WRITE_INTERVAL);
    }

    /** The settings of this server, from its configuration. */
    public static Settings fromServerConfig() {
        return from(Config.scope(SPI, PROVIDER), Config.scope(LEGACY_SCOPE));
    }

    static Settings from(Config.Scope config, Config.Scope legacy) {
        Function<String, String> option = name -> {
            String value = config.get(name);
            if (value == null && legacy.get(name) != null) {
                LOG.warnf("The option --spi-client-authenticator--service-account-key--%s is deprecated: use"
                        + " --spi-%s--%s--%s", kebab(name), SPI, PROVIDER, kebab(name));
                return legacy.get(name);
            }
            return value;
        };
        String days = option.apply("maxKeyLifetimeDays");
        String algorithms = option.apply("keyAlgorithms");
        String limit = option.apply("keyLimit");
        String domain = option.apply("emailDomain");
        String writeSeconds = config.get("lastUseWriteSeconds");
        return new Settings(
                domain == null ? DEFAULT_EMAIL_DOMAIN : domain,
                limit == null ? DEFAULT_KEY_LIMIT : Integer.parseInt(limit.trim()),
                days == null || Integer.parseInt(days.trim()) <= 0 ? null : Duration.ofDays(Integer.parseInt(days.trim())),
                algorithms == null ? EnumSet.allOf(KeyAlgorithm.class) : Arrays.stream(algorithms.split(","))
                        .map(String::trim)
                        .map(name -> KeyAlgorithm.fromJwsName(name).orElseThrow(() -> new IllegalArgumentException(
                                "key-algorithms: unknown algorithm " + name + "; known are RS256, PS256, ES256, EdDSA")))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(KeyAlgorithm.class))),
                config.getBoolean("setUpMasterRealm", false),
                config.getBoolean("restoreRolesScope", false),
                writeSeconds == null ? DEFAULT_LAST_USE_WRITE_INTERVAL
                        : Duration.ofSeconds(Integer.parseInt(writeSeconds.trim())));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase();
    }
}
