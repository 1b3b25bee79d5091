package io.github.serviceaccounts;

import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponseException;

/** Bad input (SPEC §3: 400), naming the field: {@code {"error": "invalid_request", "error_description": "field: …"}}. */
public final class Invalid extends ErrorResponseException {

    public static final String INVALID_REQUEST = "invalid_request";

    public Invalid(String field, String problem) {
        super(INVALID_REQUEST, field + ": " + problem, Response.Status.BAD_REQUEST);
    }
}
