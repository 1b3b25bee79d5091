package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.Invalid;
import io.github.serviceaccounts.NotFound;
import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponseException;

/**
 * The API's errors as SPEC §3 words them: {@code {"error", "error_description"}} with 400, 401, 403, 404, 405, 413,
 * 415 or 503. Keycloak rolls the transaction back for each of them. Nothing here says why a resource is missing, so
 * a 404 for "does not exist" and for "you may not see it" look the same.
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

    static ErrorResponseException unsupportedMediaType() {
        return new ErrorResponseException("unsupported_media_type", "Send the body as JSON (Content-Type: application/json)",
                Response.Status.UNSUPPORTED_MEDIA_TYPE);
    }

    static ErrorResponseException notFound() {
        return new NotFound();
    }

    static ErrorResponseException methodNotAllowed() {
        return new ErrorResponseException("method_not_allowed", "This method is not allowed on this resource",
                Response.Status.METHOD_NOT_ALLOWED);
    }

    static ErrorResponseException forbidden() {
        return forbidden("Your role does not allow this");
    }

    static ErrorResponseException forbidden(String why) {
        return new ErrorResponseException("forbidden", why, Response.Status.FORBIDDEN);
    }

    static ErrorResponseException unauthorized() {
        return new ErrorResponseException("unauthorized", "Not authenticated", Response.Status.UNAUTHORIZED);
    }

    static ErrorResponseException unavailable(String why) {
        return new ErrorResponseException("temporarily_unavailable", why, Response.Status.SERVICE_UNAVAILABLE);
    }
}
