package io.github.serviceaccounts.federation;

import java.util.stream.Stream;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderQuery;
import org.keycloak.models.KeycloakSession;

/**
 * Every identity provider of the realm, of every type. From 26.5 Keycloak's plain {@code getAllStream()} lists only
 * those that log users in, leaving out the client-assertion ones such as Kubernetes; the query that lists all of
 * them does not exist on 26.4, where the plain call already does.
 */
final class AllIdentityProviders {

    private static volatile boolean queryMissing;

    private AllIdentityProviders() {
    }

    static Stream<IdentityProviderModel> of(KeycloakSession session) {
        if (!queryMissing) {
            try {
                return Since265.all(session);
            } catch (LinkageError keycloak264) {
                queryMissing = true;
            }
        }
        return session.identityProviders().getAllStream();
    }

    /** Linked only when called, so 26.4 never resolves {@link IdentityProviderQuery}. */
    private static final class Since265 {

        static Stream<IdentityProviderModel> all(KeycloakSession session) {
            return session.identityProviders().getAllStream(IdentityProviderQuery.any(), null, null);
        }
    }
}
