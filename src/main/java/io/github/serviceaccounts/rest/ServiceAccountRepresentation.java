package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.serviceaccounts.accounts.ServiceAccount;
import io.github.serviceaccounts.activity.LastUses;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code email} is the account's stable identifier: {@code POST .../members} takes it like a user's email.
 * {@code assertionLifetime} is the longest lifetime, in seconds, of the client assertions it signs (1 to 600).
 * {@code lastUsedAt} is when any of its keys or federated credentials last got a token (to the minute).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ServiceAccountRepresentation(String id, String clientId, String name, String description, String email,
        String projectId, boolean enabled, String createdAt, int assertionLifetime, String lastUsedAt) {

    /** With {@code lastUsedAt}, the latest use of any of its keys and federated credentials (null: never). */
    static ServiceAccountRepresentation of(ServiceAccount account, Instant lastUsedAt) {
        return new ServiceAccountRepresentation(account.id(), account.clientId(), account.name(), account.description(),
                account.email(), account.projectId(), account.enabled(), Instants.text(account.createdAt()),
                account.assertionLifetime(), Instants.text(lastUsedAt));
    }

    /** Each account with its last use, read for all of them at once. */
    static List<ServiceAccountRepresentation> of(List<ServiceAccount> accounts, LastUses lastUses) {
        Map<String, Instant> last = lastUses.of(accounts.stream().map(ServiceAccount::id).toList());
        return accounts.stream().map(a -> of(a, last.get(a.id()))).toList();
    }
}
