package io.github.serviceaccounts;

import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponseException;

/**
 * A request that contradicts the current state (SPEC §3: 409 with one of its codes). Keycloak answers it as
 * {@code {"error": code, "error_description": text}} and rolls the transaction back, so nothing changes.
 */
public final class Conflict extends ErrorResponseException {

    public static final String NAME_TAKEN = "name_taken";
    public static final String MEMBER_EXISTS = "member_exists";
    public static final String LAST_ORGANIZATION_ADMIN = "last_organization_admin";
    public static final String KEY_LIMIT_REACHED = "key_limit_reached";
    public static final String KEY_EXISTS = "key_exists";
    public static final String CREDENTIAL_LIMIT_REACHED = "credential_limit_reached";
    public static final String PROJECT_OWNS_SERVICE_ACCOUNTS = "project_owns_service_accounts";

    public Conflict(String code, String description) {
        super(code, description, Response.Status.CONFLICT);
    }
}
