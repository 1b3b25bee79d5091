package io.github.serviceaccounts.activity;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * When service accounts were last used: the latest {@code lastUsedAt} of any of their keys and federated credentials,
 * read for a whole page of accounts in two grouped queries.
 */
public final class LastUses {

    private final EntityManager em;

    public LastUses(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Client id to last use; accounts never used are absent. */
    public Map<String, Instant> of(Collection<String> clientIds) {
        Map<String, Instant> last = new HashMap<>();
        if (clientIds.isEmpty()) {
            return last;
        }
        for (String entity : List.of("KeyEntity", "FederatedCredentialEntity")) {
            em.createQuery("select e.clientId, max(e.lastUsedAt) from " + entity + " e where e.clientId in :ids"
                            + " and e.lastUsedAt is not null group by e.clientId", Object[].class)
                    .setParameter("ids", clientIds).getResultList()
                    .forEach(row -> last.merge((String) row[0], Instant.ofEpochMilli((Long) row[1]),
                            (a, b) -> a.isAfter(b) ? a : b));
        }
        return last;
    }

    public Instant of(String clientId) {
        return of(List.of(clientId)).get(clientId);
    }
}
