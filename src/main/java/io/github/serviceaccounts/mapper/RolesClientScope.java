package io.github.serviceaccounts.mapper;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * The client scope {@code iam-roles}, which gives users' tokens the role claims. It is a realm default scope, so
 * clients created afterwards include it; existing clients can add it in the admin console.
 */
public final class RolesClientScope {

    public static final String NAME = "iam-roles";

    private RolesClientScope() {
    }

    static void ensure(RealmModel realm) {
        if (realm.getClientScopesStream().anyMatch(scope -> NAME.equals(scope.getName()))) {
            return;
        }
        ClientScopeModel scope = realm.addClientScope(NAME);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        scope.setDescription("Organization and project roles (organizations and projects claims)");
        scope.setIncludeInTokenScope(true);
        scope.addProtocolMapper(RolesClaimMapper.model());
        realm.addDefaultClientScope(scope, true);
    }

    /** Gives a service account's client the claims directly, and not a second time through the scope. */
    public static void attachTo(ClientModel client) {
        client.addProtocolMapper(RolesClaimMapper.model());
        client.getRealm().getClientScopesStream().filter(scope -> NAME.equals(scope.getName())).findFirst()
                .ifPresent(client::removeClientScope);
    }
}
