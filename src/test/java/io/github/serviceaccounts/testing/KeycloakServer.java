package io.github.serviceaccounts.testing;

import java.util.Optional;

/** A running Keycloak with the extension installed, as the tests reach it over HTTP. */
public interface KeycloakServer extends AutoCloseable {

    String ADMIN_USERNAME = "admin";
    String ADMIN_PASSWORD = "admin";

    /** Base URL without a trailing slash, e.g. {@code http://localhost:8080}. */
    String baseUrl();

    /** Everything the server printed so far, where the runtime can tell. */
    Optional<String> log();

    @Override
    void close();
}
