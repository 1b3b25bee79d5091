package io.github.serviceaccounts;

import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponseException;

/**
 * Something the request names does not exist, or the caller may not see it (SPEC §3: 404). The answer never says
 * which, so "missing" and "hidden" look the same; it is also what a request gets when what it names is deleted by a
 * concurrent request.
 */
public final class NotFound extends ErrorResponseException {

    public static final String NOT_FOUND = "not_found";

    public NotFound() {
        super(NOT_FOUND, "Not found", Response.Status.NOT_FOUND);
    }
}
