package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.serviceaccounts.accounts.ServiceAccount;

/**
 * {@code email} is the account's stable identifier: {@code POST .../members} takes it like a user's email.
 * {@code assertionLifetime} is the longest lifetime, in seconds, of the client assertions it signs (1 to 600).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ServiceAccountRepresentation(String id, String clientId, String name, String description, String email,
        String projectId, boolean enabled, String createdAt, int assertionLifetime) {

    static ServiceAccountRepresentation of(ServiceAccount account) {
        return new ServiceAccountRepresentation(account.id(), account.clientId(), account.name(), account.description(),
                account.email(), account.projectId(), account.enabled(), Instants.text(account.createdAt()),
                account.assertionLifetime());
    }
}
