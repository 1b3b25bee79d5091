package io.github.serviceaccounts.accounts;

import io.github.serviceaccounts.directory.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

/** Service-account reads over Keycloak's client, client-attribute and user tables, paginated in the database. */
final class AccountQueries {

    /** Clients of the realm marked as service accounts, with {@code p.value} their project. */
    private static final String ACCOUNTS = " from ClientEntity c join ClientAttributeEntity p on p.client = c"
            + " and p.name = '" + AccountLayout.PROJECT + "' where c.realmId = :realm";

    private final EntityManager em;
    private final String realmId;

    AccountQueries(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    /** The project's accounts in name order, with their descriptions and their users, in one query. */
    List<ServiceAccount> ofProject(String projectId, Page page) {
        String search = page.likePattern() == null ? "" : " and lower(c.name) like :search escape '!'";
        TypedQuery<Object[]> query = em.createQuery("select c.id, c.clientId, c.name, d.value, u.email, c.enabled,"
                        + " c.createdTimestamp, u.id"
                        + " from ClientEntity c join ClientAttributeEntity p on p.client = c and p.name = :projectName"
                        + " left join ClientAttributeEntity d on d.client = c and d.name = :descriptionName"
                        + " join UserEntity u on u.serviceAccountClientLink = c.id"
                        + " where c.realmId = :realm and p.value = :project" + search
                        + " order by c.name, c.id", Object[].class)
                .setParameter("projectName", AccountLayout.PROJECT)
                .setParameter("descriptionName", AccountLayout.DESCRIPTION)
                .setParameter("realm", realmId)
                .setParameter("project", projectId);
        if (page.likePattern() != null) {
            query.setParameter("search", page.likePattern());
        }
        return query.setFirstResult(page.first()).setMaxResults(page.max()).getResultStream()
                .map(row -> new ServiceAccount((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], projectId, (Boolean) row[5],
                        row[6] == null ? null : Instant.ofEpochMilli((Long) row[6]), (String) row[7]))
                .toList();
    }

    boolean nameTaken(String projectId, String name) {
        return !em.createQuery("select c.id" + ACCOUNTS + " and p.value = :project and c.name = :name", String.class)
                .setParameter("realm", realmId)
                .setParameter("project", projectId)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Names of accounts owned by the project, or by any project of the organization: at most {@code limit}. */
    List<String> ownedBy(String unitId, boolean organization, int limit) {
        String owner = organization
                ? " and p.value in (select g.id from GroupEntity g where g.parentId = :unit)"
                : " and p.value = :unit";
        return em.createQuery("select c.name" + ACCOUNTS + owner + " order by c.name", String.class)
                .setParameter("realm", realmId)
                .setParameter("unit", unitId)
                .setMaxResults(limit)
                .getResultList();
    }
}
