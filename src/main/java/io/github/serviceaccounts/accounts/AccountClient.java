package io.github.serviceaccounts.accounts;

import io.github.serviceaccounts.Ellipsis;
import io.github.serviceaccounts.directory.Project;
import io.github.serviceaccounts.mapper.RolesClientScope;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import org.keycloak.authentication.authenticators.client.JWTClientAuthenticator;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/**
 * The Keycloak client behind a service account: confidential, only the client-credentials grant, authenticated with
 * a signed JWT ({@code client-jwt}, which the extension's authenticator answers for its accounts), with the role
 * claims and without the scopes that describe a person.
 */
final class AccountClient {

    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> PERSONAL_SCOPES = Set.of("profile", "web-origins");

    private AccountClient() {
    }

    static ClientModel create(KeycloakSession session, RealmModel realm, Project project, String name,
            String description) {
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(clientId(name));
        rep.setName(name);
        rep.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        rep.setPublicClient(false);
        rep.setBearerOnly(false);
        rep.setServiceAccountsEnabled(true);
        rep.setStandardFlowEnabled(false);
        rep.setImplicitFlowEnabled(false);
        rep.setDirectAccessGrantsEnabled(false);
        rep.setFrontchannelLogout(false);
        rep.setFullScopeAllowed(false);
        rep.setClientAuthenticatorType(JWTClientAuthenticator.PROVIDER_ID);
        rep.setAttributes(Map.of(AccountLayout.PROJECT, project.id()));
        ClientModel client;
        try {
            client = ClientManager.createClient(session, realm, rep);
        } catch (ModelDuplicateException e) {
            rep.setClientId(clientId(name));
            client = ClientManager.createClient(session, realm, rep);
        }
        new ClientManager(new RealmManager(session)).enableServiceAccount(client);
        RolesClientScope.attachTo(client);
        withoutPersonalScopes(client);
        describe(client, project, description);
        return client;
    }

    /**
     * The full description as an attribute; the client's own field, which Keycloak's Clients list shows, says whose
     * account it is.
     */
    static void describe(ClientModel client, Project project, String description) {
        if (description == null || description.isEmpty()) {
            client.removeAttribute(AccountLayout.DESCRIPTION);
        } else {
            client.setAttribute(AccountLayout.DESCRIPTION, description);
        }
        String console = "Service account of project '" + project.name() + "'"
                + (description == null || description.isEmpty() ? "" : ": " + description);
        client.setDescription(Ellipsis.fit(console, Ellipsis.KEYCLOAK_COLUMN));
    }

    /** Records the owning project on the client too, where a realm export carries it. */
    static void recordOwner(ClientModel client, Project project) {
        client.setAttribute(AccountLayout.PROJECT, project.id());
        describe(client, project, client.getAttribute(AccountLayout.DESCRIPTION));
    }

    /**
     * A service account has no name, locale or picture, and no browser origin: it does without the profile and
     * web-origins scopes. Their attribute mappers look for each missing attribute through every group of the user,
     * so without them a token costs the same for an account in 1 project or in 500.
     */
    private static void withoutPersonalScopes(ClientModel client) {
        client.getClientScopes(true).values().stream()
                .filter(scope -> PERSONAL_SCOPES.contains(scope.getName()))
                .toList()
                .forEach(client::removeClientScope);
    }

    private static String clientId(String name) {
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
        }
        return AccountLayout.CLIENT_ID_PREFIX + name + "-" + suffix;
    }
}
