package io.github.serviceaccounts.accounts;

import io.github.serviceaccounts.directory.Directory;
import io.github.serviceaccounts.mapper.RolesClaimMapper;
import io.github.serviceaccounts.mapper.RolesClientScope;
import java.time.Instant;
import java.util.List;
import org.keycloak.authentication.authenticators.client.JWTClientAuthenticator;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A realm import run by the operator is trusted (SPEC §2): the clients it brings with an owning project recorded
 * ({@code iam.project}, as an export carries it) are registered as service accounts when the realm is created. This
 * is the only way into the registry besides the extension's own API.
 */
public final class ImportedAccounts {

    /** The authenticator id versions before 0.2 gave service accounts; imports of their exports still carry it. */
    public static final String FORMER_AUTHENTICATOR = "service-account-key";

    private ImportedAccounts() {
    }

    /** Registers the imported realm's service accounts; answers how many. */
    public static int register(KeycloakSession session, RealmModel realm) {
        Directory directory = new Directory(session, realm);
        AccountQueries queries = new AccountQueries(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                realm.getId());
        List<ClientModel> imported = realm.getClientsStream()
                .filter(client -> client.getAttribute(AccountLayout.PROJECT) != null)
                .filter(client -> queries.find(client.getId()) == null)
                .filter(client -> directory.project(client.getAttribute(AccountLayout.PROJECT)).isPresent())
                .toList();
        imported.forEach(client -> {
            queries.register(client.getId(), client.getAttribute(AccountLayout.PROJECT), client.getName(),
                    Instant.now());
            if (FORMER_AUTHENTICATOR.equals(client.getClientAuthenticatorType())) {
                client.setClientAuthenticatorType(JWTClientAuthenticator.PROVIDER_ID);
            }
            if (client.getProtocolMappersStream().noneMatch(RolesClaimMapper::isOne)) {
                RolesClientScope.attachTo(client);
            }
        });
        return imported.size();
    }
}
