package io.github.serviceaccounts.keys.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One public key of a service account (table {@code IAM_SERVICE_ACCOUNT_KEY}). Only public material is stored; the row
 * goes when the account's client goes (foreign key, on delete cascade).
 */
@Entity
@Table(name = "IAM_SERVICE_ACCOUNT_KEY")
public class KeyEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    /** The internal id of the service account's Keycloak client. */
    @Column(name = "CLIENT_ID", length = 36, nullable = false)
    private String clientId;

    @Column(name = "ALGORITHM", length = 10, nullable = false)
    private String algorithm;

    /** Base64 of the DER SubjectPublicKeyInfo. */
    @Column(name = "PUBLIC_KEY", length = 4000, nullable = false)
    private String publicKey;

    @Column(name = "FINGERPRINT", length = 64, nullable = false)
    private String fingerprint;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    @Column(name = "ORIGIN", length = 10, nullable = false)
    private String origin;

    /** {@code user}, {@code rotated} or {@code exposed} while disabled; null while enabled. */
    @Column(name = "DISABLED_REASON", length = 10)
    private String disabledReason;

    @Column(name = "DISABLED_AT")
    private Long disabledAt;

    protected KeyEntity() {
    }

    public KeyEntity(String id, String clientId, String algorithm, String publicKey, String fingerprint, long createdAt,
            String createdBy, Long expiresAt, String origin) {
        this.id = id;
        this.clientId = clientId;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.fingerprint = fingerprint;
        this.enabled = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
        this.origin = origin;
    }

    public String getId() {
        return id;
    }

    public String getClientId() {
        return clientId;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Enables the key, or disables it for the reason at the time; enabling forgets why it was disabled. */
    public void setEnabled(boolean enabled, String reason, long now) {
        if (enabled) {
            this.disabledReason = null;
            this.disabledAt = null;
        } else if (this.enabled || !reason.equals(disabledReason)) {
            this.disabledReason = reason;
            this.disabledAt = now;
        }
        this.enabled = enabled;
    }

    public String getDisabledReason() {
        return disabledReason;
    }

    public Long getDisabledAt() {
        return disabledAt;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public Long getLastUsedAt() {
        return lastUsedAt;
    }

    public String getOrigin() {
        return origin;
    }
}
