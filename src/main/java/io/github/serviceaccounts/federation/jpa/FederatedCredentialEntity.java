package io.github.serviceaccounts.federation.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One federated credential of a service account (table {@code IAM_FEDERATED_CREDENTIAL}): which external tokens may
 * stand in for a key. The row goes when the account's client goes (foreign key, on delete cascade).
 */
@Entity
@Table(name = "IAM_FEDERATED_CREDENTIAL")
public class FederatedCredentialEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    /** The internal id of the service account's Keycloak client. */
    @Column(name = "CLIENT_ID", length = 36, nullable = false)
    private String clientId;

    @Column(name = "NAME", length = 255, nullable = false)
    private String name;

    @Column(name = "ISSUER", length = 255, nullable = false)
    private String issuer;

    /** The alias of the identity provider that had the issuer when the credential was made. */
    @Column(name = "IDENTITY_PROVIDER", length = 255, nullable = false)
    private String identityProvider;

    @Column(name = "SUBJECT", length = 255, nullable = false)
    private String subject;

    @Column(name = "AUDIENCE", length = 255, nullable = false)
    private String audience;

    /** The claim patterns, a JSON object of strings. */
    @Column(name = "CLAIMS", length = 4000, nullable = false)
    private String claims;

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

    protected FederatedCredentialEntity() {
    }

    public FederatedCredentialEntity(String id, String clientId, String issuer, String identityProvider, long createdAt,
            String createdBy) {
        this.id = id;
        this.clientId = clientId;
        this.issuer = issuer;
        this.identityProvider = identityProvider;
        this.enabled = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String getId() {
        return id;
    }

    public String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getIdentityProvider() {
        return identityProvider;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getClaims() {
        return claims;
    }

    public void setClaims(String claims) {
        this.claims = claims;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
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

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long getLastUsedAt() {
        return lastUsedAt;
    }
}
