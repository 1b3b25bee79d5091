package io.github.serviceaccounts.federation;

import io.github.serviceaccounts.Conflict;
import io.github.serviceaccounts.Invalid;
import io.github.serviceaccounts.NotFound;
import io.github.serviceaccounts.accounts.CredentialsVersion;
import io.github.serviceaccounts.federation.jpa.FederatedCredentialEntity;
import io.github.serviceaccounts.federation.jpa.CredentialStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The federated credentials of service accounts (SPEC §6): at most {@link #LIMIT} each, counted apart from the keys.
 * Callers that add or change one hold the account's row lock, so the limit holds under races and across nodes.
 */
public final class FederatedCredentials {

    public static final int LIMIT = 20;

    private final KeycloakSession session;
    private final CredentialStore store;
    private final TrustedIssuers issuers;

    public FederatedCredentials(KeycloakSession session) {
        this.session = session;
        this.store = new CredentialStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
        this.issuers = new TrustedIssuers(session);
    }

    /** What a new credential trusts. */
    public record Definition(String name, String issuer, WildcardPattern subject, String audience,
            ClaimPatterns claims, Instant expiresAt) {
    }

    /** What an update changes; null leaves a field as it is. */
    public record Change(String name, WildcardPattern subject, String audience, ClaimPatterns claims, Boolean enabled,
            Instant expiresAt, boolean neverExpires) {

        /** Whether the change lets other external tokens in than before, or lets them in again. */
        public boolean widens(FederatedCredential current) {
            return Boolean.TRUE.equals(enabled) && !current.enabled()
                    || subject != null && !subject.equals(current.subject())
                    || audience != null && !audience.equals(current.audience())
                    || claims != null && !claims.equals(current.claims())
                    || expiresAt != null && !expiresAt.equals(current.expiresAt())
                    || neverExpires && current.expiresAt() != null;
        }

        /** Whether tokens got through the credential before the change should stop working. */
        public boolean narrows(FederatedCredential current) {
            return Boolean.FALSE.equals(enabled) && current.enabled()
                    || subject != null && !subject.equals(current.subject())
                    || audience != null && !audience.equals(current.audience())
                    || claims != null && !claims.equals(current.claims());
        }
    }

    public List<FederatedCredential> of(String clientId) {
        return store.ofClient(clientId).stream().map(FederatedCredential::of).toList();
    }

    /** The credentials of several accounts, in one query. */
    public List<FederatedCredential> ofAccounts(Collection<String> clientIds) {
        return store.ofClients(clientIds).stream().map(FederatedCredential::of).toList();
    }

    /** The account's credentials that name this issuer, usable or not. */
    public List<FederatedCredential> trusting(String clientId, String issuer) {
        return store.ofClientAndIssuer(clientId, issuer).stream().map(FederatedCredential::of).toList();
    }

    public Optional<FederatedCredential> find(String clientId, String credentialId) {
        return store.find(clientId, credentialId).map(FederatedCredential::of);
    }

    /** Adds a credential; the caller holds the account's lock. */
    public FederatedCredential add(String clientId, Definition definition, String createdBy) {
        TrustedIssuer issuer = issuers.byIssuer(definition.issuer()).orElseThrow(() -> new Invalid("issuer",
                "is not the issuer of an enabled OpenID Connect or Kubernetes identity provider of this realm; a realm"
                        + " administrator adds the identity providers the realm trusts"));
        Instant now = Instant.now();
        requireFuture(definition.expiresAt(), now);
        if (store.count(clientId) >= LIMIT) {
            throw new Conflict(Conflict.CREDENTIAL_LIMIT_REACHED, "This service account already has " + LIMIT
                    + " federated credentials, the most it may have; delete one first");
        }
        FederatedCredentialEntity entity = new FederatedCredentialEntity(UUID.randomUUID().toString(), clientId,
                definition.issuer(), issuer.alias(), now.toEpochMilli(), createdBy);
        entity.setName(definition.name());
        entity.setSubject(definition.subject().text());
        entity.setAudience(definition.audience());
        entity.setClaims(definition.claims().json());
        entity.setExpiresAt(definition.expiresAt() == null ? null : definition.expiresAt().toEpochMilli());
        store.add(entity);
        CredentialsVersion.touch(session, clientId);
        return FederatedCredential.of(entity);
    }

    /** Changes the credential; the caller holds the account's lock, so it cannot vanish meanwhile. */
    public FederatedCredential update(FederatedCredential credential, Change change) {
        FederatedCredentialEntity entity = store.find(credential.clientId(), credential.id()).orElseThrow(NotFound::new);
        requireFuture(change.expiresAt(), Instant.now());
        if (change.name() != null) {
            entity.setName(change.name());
        }
        if (change.subject() != null) {
            entity.setSubject(change.subject().text());
        }
        if (change.audience() != null) {
            entity.setAudience(change.audience());
        }
        if (change.claims() != null) {
            entity.setClaims(change.claims().json());
        }
        if (change.enabled() != null) {
            entity.setEnabled(change.enabled());
        }
        if (change.expiresAt() != null) {
            entity.setExpiresAt(change.expiresAt().toEpochMilli());
        } else if (change.neverExpires()) {
            entity.setExpiresAt(null);
        }
        CredentialsVersion.touch(session, credential.clientId());
        return FederatedCredential.of(entity);
    }

    /** Deletes the credential; the caller holds the account's lock, so two deletions answer 204 and then 404. */
    public void delete(FederatedCredential credential) {
        store.delete(store.find(credential.clientId(), credential.id()).orElseThrow(NotFound::new));
        CredentialsVersion.touch(session, credential.clientId());
    }


    private static void requireFuture(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new Invalid("expiresAt", "must be in the future");
        }
    }
}
