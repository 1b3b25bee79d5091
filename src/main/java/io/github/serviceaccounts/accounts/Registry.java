package io.github.serviceaccounts.accounts;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

/** Whether a client is one of the extension's service accounts: only its own registry says so. */
public final class Registry {

    private Registry() {
    }

    /**
     * A first test that reads no database, for the token path of every signed-JWT client: the extension records the
     * owning project on the client of every account it registers, so a client without that attribute is none. (One
     * with it may still be none: only {@link #isAccount} says.)
     */
    public static boolean mayBeAccount(ClientModel client) {
        return client.getAttribute(AccountLayout.PROJECT) != null;
    }

    public static boolean isAccount(KeycloakSession session, ClientModel client) {
        AccountEntity entity = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .find(AccountEntity.class, client.getId());
        return entity != null && entity.getRealmId().equals(client.getRealm().getId());
    }
}
