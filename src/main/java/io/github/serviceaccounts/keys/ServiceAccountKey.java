package io.github.serviceaccounts.keys;

import io.github.serviceaccounts.keys.jpa.KeyEntity;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/** A public key of a service account, as stored. {@code origin} is {@code generated} or {@code uploaded}. */
public record ServiceAccountKey(String id, String clientId, KeyAlgorithm algorithm, String fingerprint, boolean enabled,
        Instant createdAt, String createdBy, Instant expiresAt, Instant lastUsedAt, String origin, String publicKeyDer,
        String disabledReason, Instant disabledAt) {

    public static final String GENERATED = "generated";
    public static final String UPLOADED = "uploaded";
    /** Why a key is disabled (SPEC §7). */
    public static final java.util.List<String> DISABLE_REASONS = java.util.List.of("user", "rotated", "exposed");
    public static final String EXPOSED = "exposed";

    static ServiceAccountKey of(KeyEntity entity) {
        return new ServiceAccountKey(entity.getId(), entity.getClientId(),
                KeyAlgorithm.fromJwsName(entity.getAlgorithm()).orElseThrow(), entity.getFingerprint(),
                entity.isEnabled(), Instant.ofEpochMilli(entity.getCreatedAt()), entity.getCreatedBy(),
                instant(entity.getExpiresAt()), instant(entity.getLastUsedAt()), entity.getOrigin(),
                entity.getPublicKey(), entity.getDisabledReason(), instant(entity.getDisabledAt()));
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public PublicKey publicKey() {
        byte[] der = Base64.getDecoder().decode(publicKeyDer);
        String family = switch (algorithm) {
            case RS256, PS256 -> "RSA";
            case ES256 -> "EC";
            case EdDSA -> "Ed25519";
        };
        try {
            return KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored key " + id + " cannot be read", e);
        }
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
