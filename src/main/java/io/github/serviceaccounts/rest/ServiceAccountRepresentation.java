package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.serviceaccounts.accounts.ServiceAccount;

/** {@code email} is the account's stable identifier: {@code POST .../members} takes it like a user's email. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ServiceAccountRepresentation(String id, String clientId, String name, String description, String email,
        String projectId, boolean enabled, String createdAt) {

    static ServiceAccountRepresentation of(ServiceAccount account) {
        return new ServiceAccountRepresentation(account.id(), account.clientId(), account.name(), account.description(),
                account.email(), account.projectId(), account.enabled(), Instants.text(account.createdAt()));
    }
}
