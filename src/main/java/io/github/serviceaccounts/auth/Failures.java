package io.github.serviceaccounts.auth;

import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.ClientAuthUtil;
import org.keycloak.events.Details;
import org.keycloak.models.ClientModel;

/**
 * Every refusal looks the same to the caller, {@code 401 invalid_client}, so that nothing tells an attacker which
 * check failed. The reason and the key id go to the login-error event instead.
 */
final class Failures {

    static final String DESCRIPTION = "Invalid client or Invalid client credentials";
    /** The event detail Keycloak's own signed-JWT authenticator records the key id in (since 26.7). */
    static final String KEY_ID = "client_jwt_kid";
    private static final int MAX_KID_IN_EVENT = 64;

    private final ClientAuthenticationFlowContext context;
    private final ClientModel client;
    private final String keyId;

    Failures(ClientAuthenticationFlowContext context, ClientModel client, String keyId) {
        this.context = context;
        this.client = client;
        this.keyId = keyId == null || keyId.length() <= MAX_KID_IN_EVENT ? keyId
                : keyId.substring(0, MAX_KID_IN_EVENT) + "…";
    }

    void fail(String reason) {
        context.setClient(client);
        context.getEvent().client(client.getClientId()).detail(Details.REASON, reason);
        if (keyId != null) {
            context.getEvent().detail(KEY_ID, keyId);
        }
        context.failure(AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS, ClientAuthUtil.errorResponse(
                Response.Status.UNAUTHORIZED.getStatusCode(), OAuthErrorException.INVALID_CLIENT, DESCRIPTION));
    }
}
