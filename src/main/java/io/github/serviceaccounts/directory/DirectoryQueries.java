package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Role;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.jpa.entities.GroupEntity;

/**
 * The directory's reads, paginated and filtered in the database (never by loading a whole tree), over Keycloak's
 * own group, attribute and membership tables.
 */
final class DirectoryQueries {

    private static final String TOP_LEVEL = GroupEntity.TOP_PARENT_ID;
    private static final String MARKED = "exists (select a.id from GroupAttributeEntity a where a.group = %s"
            + " and a.name = '" + GroupLayout.KIND + "' and a.value = '%s')";
    private static final String ORGANIZATION = MARKED.formatted("g", GroupLayout.ORGANIZATION);
    private static final String PROJECT = MARKED.formatted("g", GroupLayout.PROJECT);
    private static final String SEARCH = " and lower(g.name) like :search escape '!'";
    /** Ids of the organizations or projects in which the user holds a role. */
    private static final String UNITS_OF_USER = "select rg.parentId from UserGroupMembershipEntity m, GroupEntity rg"
            + " where m.user.id = :user and m.groupId = rg.id and rg.name in :roles";

    private final EntityManager em;
    private final String realmId;

    DirectoryQueries(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    /** A group of an organization or project with its full description. */
    record UnitRow(GroupEntity group, String description) {
    }

    List<UnitRow> organizations(Page page) {
        return page(groups("g.parentId = :top and " + ORGANIZATION, page).setParameter("top", TOP_LEVEL), page);
    }

    /** Organizations where the user is an admin or holds a role in one of the projects. */
    List<UnitRow> organizationsOf(String userId, Page page) {
        String where = "g.parentId = :top and " + ORGANIZATION + " and (g.id in (" + UNITS_OF_USER + ")"
                + " or g.id in (select p.parentId from GroupEntity p where p.id in (" + UNITS_OF_USER + ")))";
        return page(groups(where, page).setParameter("top", TOP_LEVEL).setParameter("user", userId)
                .setParameter("roles", allRoleNames()), page);
    }

    List<UnitRow> projects(String organizationId, Page page) {
        return page(groups("g.parentId = :org and " + PROJECT, page).setParameter("org", organizationId), page);
    }

    /** Projects of the organization in which the user holds a role. */
    List<UnitRow> projectsOf(String organizationId, String userId, Page page) {
        String where = "g.parentId = :org and " + PROJECT + " and g.id in (" + UNITS_OF_USER + ")";
        return page(groups(where, page).setParameter("org", organizationId).setParameter("user", userId)
                .setParameter("roles", allRoleNames()), page);
    }

    /** Members of an organization or project with their role, ordered by username. */
    List<Member> members(String unitId, List<String> roleNames, Page page) {
        String search = page.likePattern() == null ? ""
                : " and (lower(u.username) like :search escape '!' or lower(u.email) like :search escape '!')";
        TypedQuery<Object[]> query = em.createQuery("select u.id, u.serviceAccountClientLink, u.username, u.email, rg.name"
                + " from UserGroupMembershipEntity m join m.user u, GroupEntity rg"
                + " where m.groupId = rg.id and rg.parentId = :unit and rg.name in :roles" + search
                + " order by u.username, u.id", Object[].class)
                .setParameter("unit", unitId)
                .setParameter("roles", roleNames);
        if (page.likePattern() != null) {
            query.setParameter("search", page.likePattern());
        }
        return pageOf(query, page).stream()
                .map(row -> new Member((String) row[0], row[1] != null, (String) row[2], (String) row[3],
                        Role.fromId((String) row[4]).orElseThrow()))
                .toList();
    }

    /** The role the user holds in the unit, read from the database (not a cache) for decisions under a lock. */
    Optional<Role> roleOf(String userId, String unitId, List<String> roleNames) {
        return em.createQuery("select rg.name from UserGroupMembershipEntity m, GroupEntity rg where m.user.id = :user"
                        + " and m.groupId = rg.id and rg.parentId = :unit and rg.name in :roles", String.class)
                .setParameter("user", userId)
                .setParameter("unit", unitId)
                .setParameter("roles", roleNames)
                .getResultStream().findFirst().flatMap(Role::fromId);
    }

    Optional<String> childId(String parentId, String name) {
        return em.createQuery("select g.id from GroupEntity g where g.realm = :realm and g.parentId = :parent"
                        + " and g.name = :name", String.class)
                .setParameter("realm", realmId)
                .setParameter("parent", parentId == null ? TOP_LEVEL : parentId)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    long memberCount(String groupId) {
        return em.createQuery("select count(m) from UserGroupMembershipEntity m where m.groupId = :group", Long.class)
                .setParameter("group", groupId)
                .getSingleResult();
    }

    /**
     * Locks the organization's or project's group row until the transaction ends, so that membership changes in one
     * unit happen one after the other on every node sharing the database (one role per member, a last admin kept).
     */
    void lock(String unitId) {
        em.find(GroupEntity.class, unitId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Flushes pending changes now, so a broken database constraint surfaces while the request can still answer. */
    void flush() {
        em.flush();
    }

    /** The unit's full description, or null where the extension never stored one (e.g. a realm import). */
    String description(String groupId) {
        OrgUnitEntity unit = em.find(OrgUnitEntity.class, groupId);
        return unit == null ? null : unit.getDescription();
    }

    void saveDescription(String groupId, String description) {
        OrgUnitEntity unit = em.find(OrgUnitEntity.class, groupId);
        if (unit == null) {
            em.persist(new OrgUnitEntity(groupId, description));
        } else {
            unit.setDescription(description);
        }
    }

    private TypedQuery<Object[]> groups(String where, Page page) {
        String search = page.likePattern() == null ? "" : SEARCH;
        TypedQuery<Object[]> query = em.createQuery("select g, d.description from GroupEntity g"
                + " left join OrgUnitEntity d on d.groupId = g.id where g.realm = :realm and "
                + where + search + " order by g.name, g.id", Object[].class).setParameter("realm", realmId);
        if (page.likePattern() != null) {
            query.setParameter("search", page.likePattern());
        }
        return query;
    }

    private static List<UnitRow> page(TypedQuery<Object[]> query, Page page) {
        return pageOf(query, page).stream().map(row -> {
            GroupEntity group = (GroupEntity) row[0];
            String description = row[1] != null ? (String) row[1] : group.getDescription();
            return new UnitRow(group, description);
        }).toList();
    }

    private static <T> List<T> pageOf(TypedQuery<T> query, Page page) {
        return query.setFirstResult(page.first()).setMaxResults(page.max()).getResultList();
    }

    private static List<String> allRoleNames() {
        return java.util.Arrays.stream(Role.values()).map(Role::id).toList();
    }
}
