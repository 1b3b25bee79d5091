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

    private final ClientAuthenticationFlowContext context;

    Failures(ClientAuthenticationFlowContext context) {
        this.context = context;
    }

    boolean fail(ClientModel client, String keyId, String reason) {
        if (client != null) {
            context.setClient(client);
            context.getEvent().client(client.getClientId());
        }
        context.getEvent().detail(Details.REASON, reason);
        if (keyId != null) {
            context.getEvent().detail(Details.CLIENT_JWT_KID, keyId);
        }
        context.failure(AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS, ClientAuthUtil.errorResponse(
                Response.Status.UNAUTHORIZED.getStatusCode(), OAuthErrorException.INVALID_CLIENT, DESCRIPTION));
        return false;
    }
}
