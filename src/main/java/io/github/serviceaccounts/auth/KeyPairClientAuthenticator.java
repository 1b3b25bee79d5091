package io.github.serviceaccounts.auth;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.keys.Keys;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.authentication.authenticators.client.ClientAssertionState;
import org.keycloak.models.ClientModel;
import org.keycloak.representations.JsonWebToken;

/**
 * Runs for every client authentication of the realm; acts only for clients whose authenticator is this one, and
 * leaves every other client to the authenticators after it.
 */
final class KeyPairClientAuthenticator implements ClientAuthenticator {

    /** Real assertions are well under 2 KB; anything much larger is refused before it is decoded. */
    static final int MAX_ASSERTION_LENGTH = 8 * 1024;

    private final Settings settings;

    KeyPairClientAuthenticator(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void authenticateClient(ClientAuthenticationFlowContext context) {
        context.attempted();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String clientIdParameter = form.getFirst(OAuth2Constants.CLIENT_ID);
        String assertion = form.getFirst(OAuth2Constants.CLIENT_ASSERTION);
        ClientModel named = ours(context, clientIdParameter);
        Failures failures = new Failures(context);

        if (assertion == null || assertion.length() > MAX_ASSERTION_LENGTH) {
            if (named != null) {
                failures.fail(named, null, assertion == null ? "client_assertion missing" : "client_assertion too large");
            }
            return;
        }
        ClientAssertionState state;
        try {
            state = context.getState(ClientAssertionState.class, ClientAssertionState.supplier());
        } catch (Exception malformed) {
            if (named != null) {
                failures.fail(named, null, "client_assertion is not a JWT");
            }
            return;
        }
        JsonWebToken jwt = state.getToken();
        ClientModel client = named != null ? named : ours(context, jwt.getSubject());
        if (client == null) {
            return;
        }
        if (state.getClient() == null) {
            state.setClient(client);
        }
        try {
            KeyPairAssertionValidator validator = new KeyPairAssertionValidator(context, settings,
                    new Keys(context.getSession(), settings), failures);
            if (validator.validate()) {
                validator.succeed();
            }
        } catch (Exception e) {
            failures.fail(client, state.getJws() == null ? null : state.getJws().getHeader().getKeyId(),
                    "assertion could not be validated");
        }
    }

    /** The client of this realm with that client id, if it authenticates with this authenticator. */
    private static ClientModel ours(ClientAuthenticationFlowContext context, String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            return null;
        }
        ClientModel client = context.getRealm().getClientByClientId(clientId);
        return client != null && KeyPairClientAuthenticatorFactory.PROVIDER_ID.equals(client.getClientAuthenticatorType())
                ? client : null;
    }

    @Override
    public void close() {
    }
}
