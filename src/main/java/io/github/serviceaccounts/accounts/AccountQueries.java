package io.github.serviceaccounts.accounts;

import io.github.serviceaccounts.directory.Page;
import io.github.serviceaccounts.jpa.RowLocks;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.keycloak.models.jpa.entities.ClientEntity;

/**
 * Service-account reads and registry writes over the extension's registry and Keycloak's client, client-attribute,
 * user and group tables, paginated in the database.
 */
final class AccountQueries {

    /**
     * Ids per IN list. At 1,000, PostgreSQL read the whole registry (a parallel sequential scan, 10 ms at 100,000
     * accounts and growing with the realm) where at 100 it looks each one up by its key.
     */
    private static final int IN_LIST = 100;

    private final EntityManager em;
    private final String realmId;

    AccountQueries(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    AccountEntity find(String clientId) {
        AccountEntity entity = em.find(AccountEntity.class, clientId);
        return entity != null && realmId.equals(entity.getRealmId()) ? entity : null;
    }

    void register(String clientId, String projectId, String name, Instant createdAt) {
        em.persist(new AccountEntity(clientId, realmId, projectId, name,
                createdAt == null ? null : createdAt.toEpochMilli()));
    }

    /**
     * The project's accounts in name order, with their descriptions, lifetimes and users. The page is cut from the
     * registry's index (realm, project, name, client) alone; only the page's rows are then joined with their clients,
     * users and attributes, so a late page costs what the first does.
     */
    List<ServiceAccount> ofProject(String projectId, Page page) {
        String search = page.likePattern() == null ? "" : " and lower(r.name) like :search escape '!'";
        TypedQuery<String> query = em.createQuery("select r.clientId from AccountEntity r"
                        + " where r.realmId = :realm and r.projectId = :project" + search
                        + " order by r.name, r.clientId", String.class)
                .setParameter("realm", realmId)
                .setParameter("project", projectId);
        if (page.likePattern() != null) {
            query.setParameter("search", page.likePattern());
        }
        List<String> ids = query.setFirstResult(page.first()).setMaxResults(page.max()).getResultList();
        Map<String, ServiceAccount> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            details(ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
                    .forEach(account -> found.put(account.id(), account));
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private List<ServiceAccount> details(List<String> clientIds) {
        return em.createQuery("select c.id, c.clientId, r.name, d.value, u.email, c.enabled, r.createdAt, u.id,"
                        + " l.value, r.projectId from AccountEntity r join ClientEntity c on c.id = r.clientId"
                        // The realm first: Keycloak indexes users on (REALM_ID, SERVICE_ACCOUNT_CLIENT_LINK) only.
                        + " join UserEntity u on u.realmId = :realm and u.serviceAccountClientLink = c.id"
                        + " left join ClientAttributeEntity d on d.client = c and d.name = :descriptionName"
                        + " left join ClientAttributeEntity l on l.client = c and l.name = :lifetimeName"
                        + " where r.clientId in :ids", Object[].class)
                .setParameter("descriptionName", AccountLayout.DESCRIPTION)
                .setParameter("lifetimeName", AccountLayout.ASSERTION_LIFETIME)
                .setParameter("realm", realmId)
                .setParameter("ids", clientIds)
                .getResultStream()
                .map(row -> new ServiceAccount((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], (String) row[9], (Boolean) row[5], instant((Long) row[6]), (String) row[7],
                        AssertionLifetime.parse((String) row[8])))
                .toList();
    }

    boolean nameTaken(String projectId, String name) {
        return !em.createQuery("select r.clientId from AccountEntity r"
                        + " where r.realmId = :realm and r.projectId = :project and r.name = :name", String.class)
                .setParameter("realm", realmId)
                .setParameter("project", projectId)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Names of accounts owned by the project, or by any project of the organization: at most {@code limit}. */
    List<String> ownedBy(String unitId, boolean organization, int limit) {
        String owner = organization
                ? " and r.projectId in (select g.id from GroupEntity g where g.realm = :realm and g.parentId = :unit)"
                : " and r.projectId = :unit";
        return em.createQuery("select r.name from AccountEntity r"
                        + " where r.realmId = :realm" + owner + " order by r.name", String.class)
                .setParameter("realm", realmId)
                .setParameter("unit", unitId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Who controls each of these clients that is a service account, by internal client id. */
    Map<String, Owner> owners(Collection<String> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        // The realm is tested here, not in the query: with it there H2 preferred the (realm, project, name, client)
        // index to the primary key, and read every account of the realm.
        return em.createQuery("select r.clientId, r.name, p.id, p.name, o.id, o.name, r.realmId from AccountEntity r,"
                        + " GroupEntity p, GroupEntity o"
                        + " where r.clientId in :clients and p.id = r.projectId and o.id = p.parentId", Object[].class)
                .setParameter("clients", clientIds)
                .getResultStream()
                .filter(row -> realmId.equals(row[6]))
                .map(row -> new Owner((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], (String) row[5]))
                .collect(Collectors.toMap(Owner::accountId, owner -> owner));
    }

    /**
     * Locks the account's client row until the transaction ends, so that changes to one account (its keys, its state,
     * its deletion) happen one after the other on every node sharing the database. False if the client is gone.
     */
    boolean lock(String clientId) {
        return RowLocks.lock(em, ClientEntity.class, clientId);
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
