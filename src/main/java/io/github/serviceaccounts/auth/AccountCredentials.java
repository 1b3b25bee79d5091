package io.github.serviceaccounts.auth;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.accounts.CredentialsVersion;
import io.github.serviceaccounts.federation.FederatedCredential;
import io.github.serviceaccounts.federation.FederatedCredentials;
import io.github.serviceaccounts.keys.Keys;
import io.github.serviceaccounts.keys.ServiceAccountKey;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

/**
 * An account's keys (parsed once) and federated credentials as the token path reads them: from this node's memory
 * while the account's {@link CredentialsVersion} mark is the one they were read under, else from the database. The
 * mark comes from Keycloak's cached client, so a steady stream of tokens makes no query of the extension's.
 */
record AccountCredentials(String version, Map<String, ServiceAccountKey> keys, Map<String, PublicKey> publicKeys,
        Map<String, List<FederatedCredential>> byIssuer) {

    private static final int MAX_ACCOUNTS = 10_000;
    private static final Map<String, AccountCredentials> CACHED = new ConcurrentHashMap<>();

    static AccountCredentials of(KeycloakSession session, ClientModel client, Settings settings) {
        String version = CredentialsVersion.of(client);
        AccountCredentials cached = CACHED.get(client.getId());
        if (cached != null && Objects.equals(cached.version(), version)) {
            return cached;
        }
        AccountCredentials loaded = load(session, client.getId(), version, settings);
        if (CACHED.size() >= MAX_ACCOUNTS) {
            CACHED.clear();
        }
        CACHED.put(client.getId(), loaded);
        return loaded;
    }

    /** Whether the account has any key or credential: only the extension's accounts have them. */
    boolean any() {
        return !keys.isEmpty() || !byIssuer.isEmpty();
    }

    List<FederatedCredential> trusting(String issuer) {
        return issuer == null ? List.of() : byIssuer.getOrDefault(issuer, List.of());
    }

    private static AccountCredentials load(KeycloakSession session, String clientId, String version,
            Settings settings) {
        Map<String, ServiceAccountKey> keys = new HashMap<>();
        Map<String, PublicKey> publicKeys = new HashMap<>();
        for (ServiceAccountKey key : new Keys(session, settings).of(clientId)) {
            keys.put(key.id(), key);
            try {
                publicKeys.put(key.id(), key.publicKey());
            } catch (IllegalStateException unreadable) {
                // A stored key that cannot be read verifies nothing; the validator refuses it.
            }
        }
        Map<String, List<FederatedCredential>> byIssuer = new FederatedCredentials(session).of(clientId).stream()
                .collect(Collectors.groupingBy(FederatedCredential::issuer));
        return new AccountCredentials(version, Map.copyOf(keys), Map.copyOf(publicKeys), Map.copyOf(byIssuer));
    }
}
