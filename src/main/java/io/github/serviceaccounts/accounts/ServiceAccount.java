package io.github.serviceaccounts.accounts;

import java.time.Instant;

/**
 * A service account: a confidential Keycloak client ({@code id} is its internal id) and its service-account user
 * ({@code userId}), owned by one project. {@code email} is the stable identifier members are added by;
 * {@code assertionLifetime} the longest lifetime, in seconds, of the client assertions it signs.
 */
public record ServiceAccount(String id, String clientId, String name, String description, String email,
        String projectId, boolean enabled, Instant createdAt, String userId, int assertionLifetime) {
}
