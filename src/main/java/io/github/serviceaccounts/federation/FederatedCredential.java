package io.github.serviceaccounts.federation;

import io.github.serviceaccounts.federation.jpa.FederatedCredentialEntity;
import java.time.Instant;

/** A federated credential of a service account, as stored. */
public record FederatedCredential(String id, String clientId, String name, String issuer, String identityProvider,
        WildcardPattern subject,
        String audience, ClaimPatterns claims, boolean enabled, Instant createdAt, String createdBy, Instant expiresAt,
        Instant lastUsedAt) {

    static FederatedCredential of(FederatedCredentialEntity entity) {
        return new FederatedCredential(entity.getId(), entity.getClientId(), entity.getName(), entity.getIssuer(),
                entity.getIdentityProvider(), new WildcardPattern(entity.getSubject()), entity.getAudience(),
                ClaimPatterns.fromJson(entity.getClaims()), entity.isEnabled(),
                Instant.ofEpochMilli(entity.getCreatedAt()), entity.getCreatedBy(), instant(entity.getExpiresAt()),
                instant(entity.getLastUsedAt()));
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
