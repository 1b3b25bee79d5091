package io.github.serviceaccounts.accounts;

import java.util.UUID;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

/**
 * A mark on an account's client that changes whenever its keys or federated credentials change. Nodes cache an
 * account's credentials under the mark they read; Keycloak's own client cache carries a new mark to every node of the
 * cluster when the change commits, so a cached copy is never used past a change, and reading the mark costs no
 * database query.
 */
public final class CredentialsVersion {

    public static final String ATTRIBUTE = "iam.credentials.version";

    private CredentialsVersion() {
    }

    public static String of(ClientModel client) {
        return client.getAttribute(ATTRIBUTE);
    }

    /** Marks the account's credentials as changed; a no-op if its client is gone. */
    public static void touch(KeycloakSession session, String clientId) {
        ClientModel client = session.clients().getClientById(session.getContext().getRealm(), clientId);
        if (client != null) {
            client.setAttribute(ATTRIBUTE, UUID.randomUUID().toString());
        }
    }
}
