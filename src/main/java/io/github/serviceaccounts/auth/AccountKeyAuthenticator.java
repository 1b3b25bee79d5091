package io.github.serviceaccounts.auth;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.accounts.Registry;
import io.github.serviceaccounts.keys.ServiceAccountKey;
import io.github.serviceaccounts.setup.Compatibility;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.JWTClientAuthenticator;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.JsonWebToken;

/**
 * Keycloak's signed-JWT client authenticator ({@code client-jwt}), with the service accounts' keys. It takes over the
 * built-in provider id (a higher {@link #order()} wins) and is the built-in one for every client that is not a
 * service account: those go to {@code super}, unchanged.
 *
 * <p>Why this design: Keycloak runs only the executions persisted in a realm's client-authentication flow, and refuses
 * every client of a realm whose flow names an authenticator that is gone. {@code client-jwt} is in every realm's flow
 * already, so the extension persists nothing there; removing the JAR leaves the built-in authenticator in charge,
 * which authenticates every other client as before and refuses the service accounts (they have no key it knows).
 *
 * <p>An account's assertion is either signed with one of its keys ({@code iss} is its client id) or a token of a
 * trusted issuer that one of its federated credentials admits (any other {@code iss}).
 */
public final class AccountKeyAuthenticator extends JWTClientAuthenticator {

    /** Above the built-in factory's 0, so Keycloak keeps this one for the id {@code client-jwt}. */
    static final int ORDER = 100;
    /** Real assertions are well under 2 KB; anything much larger is refused before it is decoded. */
    static final int MAX_ASSERTION_LENGTH = 8 * 1024;

    private Settings settings = Settings.defaults();

    @Override
    public void init(Config.Scope config) {
        super.init(config);
        settings = Settings.fromServerConfig();
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void authenticateClient(ClientAuthenticationFlowContext context) {
        if (!Compatibility.current().works()) {
            super.authenticateClient(context);
            return;
        }
        Assertion assertion = Assertion.read(context);
        ClientModel client = assertion.client(context.getRealm());
        if (client == null || !Registry.mayBeAccount(client)) {
            super.authenticateClient(context);
            return;
        }
        AccountCredentials credentials = AccountCredentials.of(context.getSession(), client, settings);
        // Keys or credentials mark a service account at once; otherwise the registry decides (one lookup).
        if (!credentials.any() && !Registry.isAccount(context.getSession(), client)) {
            super.authenticateClient(context);
            return;
        }
        if (assertion.isFederated(client)) {
            new FederatedAssertionValidator(context, client, assertion,
                    credentials.trusting(assertion.token().getIssuer())).run();
            return;
        }
        String kid = assertion.keyId().orElse(null);
        ServiceAccountKey key = kid == null ? null : credentials.keys().get(kid);
        new AssertionValidator(context, client, assertion, key, kid == null ? null : credentials.publicKeys().get(kid),
                settings).run();
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + ". Service accounts sign with the keys the service-accounts extension keeps.";
    }

    /**
     * The client assertion of a token request, read once. {@code jws} and {@code token} are null where there is no
     * assertion, it is too large, or it is not a JWT.
     */
    record Assertion(String clientIdParameter, String type, String wire, JWSInput jws, JsonWebToken token) {

        static Assertion read(ClientAuthenticationFlowContext context) {
            var form = context.getHttpRequest().getDecodedFormParameters();
            String wire = form.getFirst(OAuth2Constants.CLIENT_ASSERTION);
            JWSInput jws = null;
            JsonWebToken token = null;
            if (wire != null && wire.length() <= MAX_ASSERTION_LENGTH) {
                try {
                    jws = new JWSInput(wire);
                    token = jws.readJsonContent(JsonWebToken.class);
                } catch (JWSInputException | RuntimeException malformed) {
                    jws = null;
                    token = null;
                }
            }
            return new Assertion(form.getFirst(OAuth2Constants.CLIENT_ID),
                    form.getFirst(OAuth2Constants.CLIENT_ASSERTION_TYPE), wire, jws, token);
        }

        /** The client the request names: by {@code client_id}, else by the assertion's {@code sub}. */
        ClientModel client(RealmModel realm) {
            String named = clientIdParameter != null ? clientIdParameter : token == null ? null : token.getSubject();
            return named == null || named.isEmpty() ? null : realm.getClientByClientId(named);
        }

        /** The first refusal of the assertion's form (type, presence, size, a JWT without {@code crit}), or null. */
        String refusalOfForm() {
            if (!OAuth2Constants.CLIENT_ASSERTION_TYPE_JWT.equals(type)) {
                return "client_assertion_type missing or not jwt-bearer";
            }
            if (wire == null) {
                return "client_assertion missing";
            }
            if (wire.length() > MAX_ASSERTION_LENGTH) {
                return "client_assertion too large";
            }
            if (jws == null || token == null) {
                return "client_assertion is not a JWT";
            }
            if (Headers.hasCrit(jws)) {
                return "crit header present; no critical extension is understood";
            }
            return null;
        }

        /**
         * Whether the assertion is another issuer's token (SPEC §6) rather than one the account signed with its own
         * key, whose {@code iss} is its client id (SPEC §5).
         */
        boolean isFederated(ClientModel client) {
            return token != null && token.getIssuer() != null && !token.getIssuer().equals(client.getClientId());
        }

        Optional<String> keyId() {
            return jws == null ? Optional.empty() : Optional.ofNullable(jws.getHeader().getKeyId())
                    .filter(kid -> !kid.isEmpty() && kid.length() <= 36);
        }
    }
}
