package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.Invalid;
import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponseException;

/**
 * The API's errors as SPEC §3 words them: {@code {"error", "error_description"}} with 400, 403, 404 or 413. Keycloak
 * rolls the transaction back for each of them. Nothing here says why a resource is missing, so a 404 for "does not
 * exist" and for "you may not see it" look the same.
 */
final class Problems {

    static final String INVALID_REQUEST = Invalid.INVALID_REQUEST;

    private Problems() {
    }

    static ErrorResponseException invalid(String field, String problem) {
        return new Invalid(field, problem);
    }

    static ErrorResponseException invalidBody(String problem) {
        return new ErrorResponseException(INVALID_REQUEST, problem, Response.Status.BAD_REQUEST);
    }

    static ErrorResponseException tooLarge(int limit) {
        return new ErrorResponseException(INVALID_REQUEST, "The body is larger than " + limit + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    static ErrorResponseException notFound() {
        return new ErrorResponseException("not_found", "Not found", Response.Status.NOT_FOUND);
    }

    static ErrorResponseException forbidden() {
        return new ErrorResponseException("forbidden", "Your role does not allow this", Response.Status.FORBIDDEN);
    }

    static ErrorResponseException unauthorized() {
        return new ErrorResponseException("unauthorized", "Not authenticated", Response.Status.UNAUTHORIZED);
    }
}
