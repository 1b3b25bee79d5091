package io.github.serviceaccounts.accounts;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

/** Whether a client is one of the extension's service accounts: only its own registry says so. */
public final class Registry {

    private Registry() {
    }

    public static boolean isAccount(KeycloakSession session, ClientModel client) {
        AccountEntity entity = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .find(AccountEntity.class, client.getId());
        return entity != null && entity.getRealmId().equals(client.getRealm().getId());
    }
}
