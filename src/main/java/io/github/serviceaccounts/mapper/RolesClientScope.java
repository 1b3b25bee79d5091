package io.github.serviceaccounts.mapper;

import java.util.List;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * The client scope {@code iam-roles}, which gives users' tokens the role claims. It is a realm <em>optional</em>
 * scope: a client gets the claims for its users only when it asks for {@code scope=iam-roles}, so a third-party
 * application's tokens do not list its users' organizations and projects unless it wants them. Service accounts carry
 * the mapper themselves.
 */
public final class RolesClientScope {

    public static final String NAME = "iam-roles";

    private RolesClientScope() {
    }

    public static Optional<ClientScopeModel> find(RealmModel realm) {
        return realm.getClientScopesStream().filter(scope -> NAME.equals(scope.getName())).findFirst();
    }

    /** Creates the scope as a realm optional scope, so that clients created from now on may ask for it. */
    public static ClientScopeModel create(RealmModel realm) {
        ClientScopeModel scope = realm.addClientScope(NAME);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        scope.setDescription("Organization and project roles (organizations and projects claims)");
        scope.setIncludeInTokenScope(true);
        scope.addProtocolMapper(RolesClaimMapper.model());
        realm.addDefaultClientScope(scope, false);
        return scope;
    }

    /**
     * Turns the scope from a default into an optional one, for the realm's new clients and for every existing client
     * that has it by default (versions before 0.2 made it a default of every client). Answers how many clients changed.
     */
    public static int makeOptional(RealmModel realm, ClientScopeModel scope) {
        if (realm.getDefaultClientScopesStream(true).anyMatch(s -> s.getId().equals(scope.getId()))) {
            realm.removeDefaultClientScope(scope);
            realm.addDefaultClientScope(scope, false);
        }
        List<ClientModel> clients = realm.getClientsStream()
                .filter(client -> client.getClientScopes(true).containsKey(NAME))
                .toList();
        clients.forEach(client -> {
            client.removeClientScope(scope);
            client.addClientScope(scope, false);
        });
        return clients.size();
    }

    /** Gives a service account's client the claims directly, and not a second time through the scope. */
    public static void attachTo(ClientModel client) {
        client.addProtocolMapper(RolesClaimMapper.model());
        find(client.getRealm()).ifPresent(client::removeClientScope);
    }
}
