package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Role;

/** A user or a service account (its service-account user) with its role in one organization or project. */
public record Member(String id, boolean serviceAccount, String username, String email, Role role) {
}
