package io.github.serviceaccounts.keys;

import io.github.serviceaccounts.Conflict;
import io.github.serviceaccounts.Invalid;
import io.github.serviceaccounts.NotFound;
import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.accounts.CredentialsVersion;
import io.github.serviceaccounts.keys.jpa.KeyEntity;
import io.github.serviceaccounts.keys.jpa.KeyStore;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The keys of service accounts: at most {@link Settings#keyLimit()} each, public parts only. */
public final class Keys {

    /** {@code lastUsedAt} is written at most this often per key, so the token path rarely writes. */
    public static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final KeycloakSession session;
    private final KeyStore store;
    private final Settings settings;

    public Keys(KeycloakSession session, Settings settings) {
        this.session = session;
        this.store = new KeyStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
        this.settings = settings;
    }

    /** A generated key and its pair; the private half lives only as long as the answer that hands it out. */
    public record Generated(ServiceAccountKey key, KeyPair pair) {
    }

    public List<ServiceAccountKey> of(String clientId) {
        return store.ofClient(clientId).stream().map(ServiceAccountKey::of).toList();
    }

    /** The keys of several accounts, in one query. */
    public List<ServiceAccountKey> ofAccounts(Collection<String> clientIds) {
        return store.ofClients(clientIds).stream().map(ServiceAccountKey::of).toList();
    }

    public Optional<ServiceAccountKey> find(String clientId, String keyId) {
        return store.find(clientId, keyId).map(ServiceAccountKey::of);
    }

    public Generated generate(String clientId, KeyAlgorithm algorithm, Instant expiresAt, String createdBy) {
        requireAllowed(algorithm);
        Instant now = Instant.now();
        Instant expiry = expiry(now, expiresAt, null);
        KeyPair pair = algorithm.generate();
        return new Generated(add(clientId, algorithm, pair.getPublic(), now, expiry, createdBy,
                ServiceAccountKey.GENERATED), pair);
    }

    /** Registers a public key made elsewhere; {@code algorithm} may be null to take the key's usual one. */
    public ServiceAccountKey register(String clientId, PublicKeys.Uploaded uploaded, String field,
            KeyAlgorithm algorithm, Instant expiresAt, String createdBy) {
        PublicKey key = uploaded.key();
        KeyAlgorithm chosen = algorithm != null ? algorithm : KeyAlgorithm.defaultFor(key).orElseThrow(() ->
                new Invalid(field, "must be " + KeyAlgorithm.RS256.requirement() + ", "
                        + KeyAlgorithm.ES256.requirement() + " or " + KeyAlgorithm.EdDSA.requirement()));
        if (!chosen.accepts(key)) {
            throw new Invalid(field, "must be " + chosen.requirement() + " for " + chosen);
        }
        requireAllowed(chosen);
        Instant now = Instant.now();
        Instant expiry = expiry(now, expiresAt, uploaded.certificateNotAfter());
        return add(clientId, chosen, key, now, expiry, createdBy, ServiceAccountKey.UPLOADED);
    }

    /**
     * Enables the key, or disables it for a reason ({@code user}, {@code rotated}, {@code exposed}); callers hold the
     * account's lock, so the key cannot vanish meanwhile.
     */
    public ServiceAccountKey setEnabled(ServiceAccountKey key, boolean enabled, String reason) {
        KeyEntity entity = store.find(key.clientId(), key.id()).orElseThrow(NotFound::new);
        entity.setEnabled(enabled, reason, Instant.now().toEpochMilli());
        CredentialsVersion.touch(session, key.clientId());
        return ServiceAccountKey.of(entity);
    }

    /** Deletes the key; callers hold the account's lock, so two deletions of one key answer 204 and then 404. */
    public void delete(ServiceAccountKey key) {
        store.delete(store.find(key.clientId(), key.id()).orElseThrow(NotFound::new));
        CredentialsVersion.touch(session, key.clientId());
    }

    private ServiceAccountKey add(String clientId, KeyAlgorithm algorithm, PublicKey key, Instant now, Instant expiry,
            String createdBy, String origin) {
        String fingerprint = Fingerprints.sha256(key);
        if (!store.lockAccount(clientId)) {
            throw new NotFound();
        }
        if (store.count(clientId) >= settings.keyLimit()) {
            throw new Conflict(Conflict.KEY_LIMIT_REACHED, "This service account already has " + settings.keyLimit()
                    + " keys, the most it may have; delete one first");
        }
        if (store.hasFingerprint(clientId, fingerprint)) {
            throw new Conflict(Conflict.KEY_EXISTS, "This service account already has this public key");
        }
        KeyEntity entity = new KeyEntity(UUID.randomUUID().toString(), clientId, algorithm.jwsName(),
                Base64.getEncoder().encodeToString(key.getEncoded()), fingerprint, now.toEpochMilli(), createdBy,
                expiry == null ? null : expiry.toEpochMilli(), origin);
        store.add(entity);
        CredentialsVersion.touch(session, clientId);
        return ServiceAccountKey.of(entity);
    }

    /** The expiry a new key gets: as asked, never past the server's longest lifetime or the key's certificate. */
    private Instant expiry(Instant now, Instant asked, Instant certificateNotAfter) {
        Instant latest = settings.maxKeyLifetime() == null ? null : now.plus(settings.maxKeyLifetime());
        if (asked != null && !asked.isAfter(now)) {
            throw new Invalid("expiresAt", "must be in the future");
        }
        if (asked != null && latest != null && asked.isAfter(latest)) {
            throw new Invalid("expiresAt", "must be at most " + settings.maxKeyLifetime().toDays()
                    + " days from now on this server");
        }
        Instant expiry = asked != null ? asked : latest;
        if (certificateNotAfter != null) {
            if (!certificateNotAfter.isAfter(now)) {
                throw new Invalid("publicKey", "is a certificate that has expired");
            }
            expiry = expiry == null || certificateNotAfter.isBefore(expiry) ? certificateNotAfter : expiry;
        }
        return expiry;
    }

    private void requireAllowed(KeyAlgorithm algorithm) {
        if (!settings.keyAlgorithms().contains(algorithm)) {
            throw new Invalid("algorithm", algorithm + " is not allowed on this server; allowed are "
                    + settings.keyAlgorithms());
        }
    }
}
