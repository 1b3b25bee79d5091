package io.github.serviceaccounts.rest;

import jakarta.ws.rs.Path;

/** The API's root on a Keycloak the extension cannot work on: {@code 503} with the supported versions, for any path. */
public final class UnavailableResource {

    private final String reason;

    UnavailableResource(String reason) {
        this.reason = reason;
    }

    @Path("{any: .*}")
    public Fallback any() {
        return new Fallback(() -> Problems.unavailable(reason));
    }
}
