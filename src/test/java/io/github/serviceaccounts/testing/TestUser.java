package io.github.serviceaccounts.testing;

/** A user created for a test; its password is its username. */
public record TestUser(String id, String username, String email) {
}
