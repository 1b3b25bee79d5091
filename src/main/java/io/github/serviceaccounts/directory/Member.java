package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Role;

/**
 * A user with its role in one organization or project. {@code serviceAccountClientId} is the internal id of the
 * client whose service-account user this is (null for a person); whether that client is one of the extension's
 * service accounts is for the accounts package to say.
 */
public record Member(String id, String serviceAccountClientId, String username, String email, Role role) {
}
