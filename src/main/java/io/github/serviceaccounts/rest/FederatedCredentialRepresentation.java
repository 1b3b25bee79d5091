package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.serviceaccounts.federation.FederatedCredential;
import java.util.Map;

/** A federated credential (SPEC §6). {@code createdBy} is the id of the user who added it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FederatedCredentialRepresentation(String id, String name, String issuer, String subject,
        String audience, Map<String, String> claims, boolean enabled, String createdAt, String expiresAt,
        String lastUsedAt, String createdBy) {

    static FederatedCredentialRepresentation of(FederatedCredential credential) {
        return new FederatedCredentialRepresentation(credential.id(), credential.name(), credential.issuer(),
                credential.subject().text(), credential.audience(), credential.claims().texts(), credential.enabled(),
                Instants.text(credential.createdAt()), Instants.text(credential.expiresAt()),
                Instants.text(credential.lastUsedAt()), credential.createdBy());
    }
}
