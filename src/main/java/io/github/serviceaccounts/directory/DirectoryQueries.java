package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Scope;
import io.github.serviceaccounts.jpa.RowLocks;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.models.jpa.entities.GroupEntity;

/**
 * The directory's reads, paginated and filtered in the database (never by loading a whole tree), over Keycloak's
 * own group, attribute and membership tables. Every query tests the marks {@link GroupLayout} defines.
 */
final class DirectoryQueries {

    private static final String TOP_LEVEL = GroupEntity.TOP_PARENT_ID;
    private static final String MARKED = "exists (select a.id from GroupAttributeEntity a where a.group = %s"
            + " and a.name = '" + GroupLayout.KIND + "' and a.value = '%s')";
    private static final String ORGANIZATION = MARKED.formatted("g", GroupLayout.ORGANIZATION);
    private static final String PROJECT = MARKED.formatted("g", GroupLayout.PROJECT);
    private static final String ENVIRONMENT = MARKED.formatted("g", GroupLayout.ENVIRONMENT);
    /** {@code g}'s parent is a project of an organization. */
    private static final String IN_PROJECT = "exists (select p.id from GroupEntity p, GroupEntity o where p.id = g.parentId"
            + " and " + MARKED.formatted("p", GroupLayout.PROJECT) + " and o.id = p.parentId and o.parentId = :top and "
            + MARKED.formatted("o", GroupLayout.ORGANIZATION) + ")";
    /** {@code rg} is a role group and {@code ra} its role attribute, naming one of {@code :roles}. */
    private static final String ROLE_GROUP = MARKED.formatted("rg", GroupLayout.ROLE)
            + " and ra.group = rg and ra.name = '" + GroupLayout.ROLE_NAME + "' and ra.value in :roles";
    /** A role's strength, so that someone in two role groups of one unit counts with the higher role. */
    private static final String RANK = Arrays.stream(Role.values())
            .map(role -> "when '" + role.id() + "' then " + role.ordinal())
            .collect(Collectors.joining(" ", "case ra.value ", " end"));
    private static final String SEARCH = " and lower(g.name) like :search escape '!'";
    /** Ids of the units of this kind in which the user holds one of {@code :roles}. */
    private static final String UNITS_OF_USER = "select rg.parentId from UserGroupMembershipEntity m, GroupEntity rg,"
            + " GroupAttributeEntity ra where m.user.id = :user and m.groupId = rg.id and " + ROLE_GROUP;

    private final EntityManager em;
    private final String realmId;

    DirectoryQueries(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    /** A group of an organization or project with its full description and recorded creation time. */
    record UnitRow(GroupEntity group, String description, String createdAt) {
    }

    /** One role group the user is in: the unit it belongs to, that unit's parent and kind, and the role. */
    record MembershipRow(String unitId, String unitParentId, String unitKind, Role role) {
    }

    /** One environment role group the user is in: the environment, its project and organization, and the role. */
    record EnvironmentRow(String environmentId, String projectId, String organizationId, Role role) {
    }

    List<UnitRow> organizations(Page page) {
        return page(groups("g.parentId = :top and " + ORGANIZATION, page).setParameter("top", TOP_LEVEL), page);
    }

    /** Organizations where the user is an admin or holds a role in one of the projects. */
    List<UnitRow> organizationsOf(String userId, Page page) {
        String where = "g.parentId = :top and " + ORGANIZATION + " and (g.id in (" + UNITS_OF_USER.replace(":roles",
                ":organizationRoles") + ") or g.id in (select p.parentId from GroupEntity p where "
                + MARKED.formatted("p", GroupLayout.PROJECT) + " and p.id in (" + UNITS_OF_USER + ")))";
        return page(groups(where, page).setParameter("top", TOP_LEVEL).setParameter("user", userId)
                .setParameter("organizationRoles", GroupLayout.roleNames(Scope.ORGANIZATION))
                .setParameter("roles", GroupLayout.roleNames(Scope.PROJECT)), page);
    }

    List<UnitRow> projects(String organizationId, Page page) {
        return page(groups("g.parentId = :org and " + PROJECT, page).setParameter("org", organizationId), page);
    }

    /** Every environment of the realm that sits in a project of an organization, by name. */
    List<UnitRow> allEnvironments(Page page) {
        // From the environments' marks (Keycloak indexes attributes by name and value), not from every group of the realm.
        String marked = "g.id in (select a.group.id from GroupAttributeEntity a where a.name = '" + GroupLayout.KIND
                + "' and a.value = '" + GroupLayout.ENVIRONMENT + "')";
        return page(groups(marked + " and " + IN_PROJECT, page).setParameter("top", TOP_LEVEL), page);
    }

    /** Environments in which the user holds an environment role. */
    List<UnitRow> environmentsOf(String userId, Page page) {
        String where = ENVIRONMENT + " and " + IN_PROJECT + " and g.id in (" + UNITS_OF_USER + ")";
        return page(groups(where, page).setParameter("top", TOP_LEVEL).setParameter("user", userId)
                .setParameter("roles", GroupLayout.roleNames(Scope.ENVIRONMENT)), page);
    }

    List<UnitRow> environments(String projectId, Page page) {
        return page(groups("g.parentId = :project and " + ENVIRONMENT, page).setParameter("project", projectId), page);
    }

    /** Projects of the organization in which the user holds a role. */
    List<UnitRow> projectsOf(String organizationId, String userId, Page page) {
        String where = "g.parentId = :org and " + PROJECT + " and g.id in (" + UNITS_OF_USER + ")";
        return page(groups(where, page).setParameter("org", organizationId).setParameter("user", userId)
                .setParameter("roles", GroupLayout.roleNames(Scope.PROJECT)), page);
    }

    /** Members of an organization or project with their (highest) role, ordered by username. */
    List<Member> members(String unitId, Scope scope, Page page) {
        String search = page.likePattern() == null ? ""
                : " and (lower(u.username) like :search escape '!' or lower(u.email) like :search escape '!')";
        TypedQuery<Object[]> query = em.createQuery("select u.id, u.serviceAccountClientLink, u.username, u.email,"
                        + " max(" + RANK + ") from UserGroupMembershipEntity m join m.user u, GroupEntity rg,"
                        + " GroupAttributeEntity ra where m.groupId = rg.id and rg.parentId = :unit and " + ROLE_GROUP
                        + search + " group by u.id, u.serviceAccountClientLink, u.username, u.email"
                        + " order by u.username, u.id", Object[].class)
                .setParameter("unit", unitId)
                .setParameter("roles", GroupLayout.roleNames(scope));
        if (page.likePattern() != null) {
            query.setParameter("search", page.likePattern());
        }
        return pageOf(query, page).stream()
                .map(row -> new Member((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        Role.values()[((Number) row[4]).intValue()]))
                .toList();
    }

    /**
     * The user's role in the unit, the higher one if it is in two role groups there, read from the database (not a
     * cache) for decisions under a lock.
     */
    Optional<Role> roleOf(String userId, String unitId, Scope scope) {
        return em.createQuery("select max(" + RANK + ") from UserGroupMembershipEntity m, GroupEntity rg,"
                        + " GroupAttributeEntity ra where m.user.id = :user and m.groupId = rg.id and rg.parentId = :unit"
                        + " and " + ROLE_GROUP, Number.class)
                .setParameter("user", userId)
                .setParameter("unit", unitId)
                .setParameter("roles", GroupLayout.roleNames(scope))
                .getResultStream().filter(rank -> rank != null).findFirst()
                .map(rank -> Role.values()[rank.intValue()]);
    }

    /** Ids of the unit's role groups for that role (normally one), the group that membership of the role means. */
    List<String> roleGroupIds(String unitId, Role role) {
        return em.createQuery("select rg.id from GroupEntity rg, GroupAttributeEntity ra where rg.parentId = :unit and "
                        + ROLE_GROUP + " order by rg.id", String.class)
                .setParameter("unit", unitId)
                .setParameter("roles", List.of(role.id()))
                .getResultList();
    }

    /** Every role group of the unit the user is in (more than one only after edits outside the extension). */
    List<String> roleGroupsOfUser(String userId, String unitId, Scope scope) {
        return em.createQuery("select rg.id from UserGroupMembershipEntity m, GroupEntity rg, GroupAttributeEntity ra"
                        + " where m.user.id = :user and m.groupId = rg.id and rg.parentId = :unit and " + ROLE_GROUP,
                        String.class)
                .setParameter("user", userId)
                .setParameter("unit", unitId)
                .setParameter("roles", GroupLayout.roleNames(scope))
                .getResultList();
    }

    /**
     * Every membership of the user that the layout counts: organization roles in role groups of organizations,
     * project roles in role groups of projects that sit in an organization.
     */
    List<MembershipRow> membershipRows(String userId) {
        String organizationRole = "ka.value = '" + GroupLayout.ORGANIZATION + "' and unit.parentId = :top"
                + " and ra.value in :organizationRoles";
        String projectRole = "ka.value = '" + GroupLayout.PROJECT + "' and ra.value in :projectRoles and exists"
                + " (select o.id from GroupEntity o where o.id = unit.parentId and o.parentId = :top and "
                + MARKED.formatted("o", GroupLayout.ORGANIZATION) + ")";
        return em.createQuery("select rg.parentId, unit.parentId, ka.value, ra.value from UserGroupMembershipEntity m,"
                        + " GroupEntity rg, GroupAttributeEntity ra, GroupEntity unit, GroupAttributeEntity ka"
                        + " where m.user.id = :user and m.groupId = rg.id and " + ROLE_GROUP
                        + " and unit.id = rg.parentId and ka.group = unit and ka.name = '" + GroupLayout.KIND + "'"
                        + " and ((" + organizationRole + ") or (" + projectRole + "))", Object[].class)
                .setParameter("user", userId)
                .setParameter("top", TOP_LEVEL)
                .setParameter("roles", Arrays.stream(Role.values()).map(Role::id).toList())
                .setParameter("organizationRoles", GroupLayout.roleNames(Scope.ORGANIZATION))
                .setParameter("projectRoles", GroupLayout.roleNames(Scope.PROJECT))
                .getResultStream()
                .map(row -> new MembershipRow((String) row[0], (String) row[1], (String) row[2],
                        Role.fromId((String) row[3]).orElseThrow()))
                .toList();
    }

    /**
     * Every environment role of the user that the layout counts: in role groups of environments that sit in a project
     * of an organization.
     */
    List<EnvironmentRow> environmentRows(String userId) {
        return em.createQuery("select rg.parentId, env.parentId, prj.parentId, ra.value from UserGroupMembershipEntity m,"
                        + " GroupEntity rg, GroupAttributeEntity ra, GroupEntity env, GroupEntity prj"
                        + " where m.user.id = :user and m.groupId = rg.id and " + ROLE_GROUP
                        + " and env.id = rg.parentId and " + MARKED.formatted("env", GroupLayout.ENVIRONMENT)
                        + " and prj.id = env.parentId and " + MARKED.formatted("prj", GroupLayout.PROJECT)
                        + " and exists (select o.id from GroupEntity o where o.id = prj.parentId and o.parentId = :top"
                        + " and " + MARKED.formatted("o", GroupLayout.ORGANIZATION) + ")", Object[].class)
                .setParameter("user", userId)
                .setParameter("top", TOP_LEVEL)
                .setParameter("roles", GroupLayout.roleNames(Scope.ENVIRONMENT))
                .getResultStream()
                .map(row -> new EnvironmentRow((String) row[0], (String) row[1], (String) row[2],
                        Role.fromId((String) row[3]).orElseThrow()))
                .toList();
    }

    /**
     * Members of these role groups other than this user who can act: enabled, and for a service account's user, with
     * its client enabled too. A disabled admin keeps no organization running.
     */
    long otherActiveMembers(List<String> roleGroupIds, String userId) {
        if (roleGroupIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(distinct u) from UserGroupMembershipEntity m join m.user u"
                        + " where m.groupId in :groups and u.id <> :user and u.enabled = true"
                        + " and (u.serviceAccountClientLink is null or exists (select c.id from ClientEntity c"
                        + " where c.id = u.serviceAccountClientLink and c.enabled = true))", Long.class)
                .setParameter("groups", roleGroupIds)
                .setParameter("user", userId)
                .getSingleResult();
    }

    /**
     * Internal client ids of the service-account users who hold a role in the unit or in a unit below it (an
     * organization's projects and their environments, a project's environments): whose access ends when the unit is
     * deleted.
     */
    List<String> clientsWithRolesUnder(String unitId) {
        // Down three levels, one parent at a time so that every read binds Keycloak's (realm, parent) index fully (H2
        // uses no more of an index than a list's leading column): the unit's role groups and sub-units, theirs, and
        // their sub-units' role groups. Role groups have no children, so only sub-units are looked into: the reads
        // grow with the unit's projects and environments, not with the realm. Then the members of those groups.
        List<String> groups = new ArrayList<>(List.of(unitId));
        List<String> level = List.of(unitId);
        for (int depth = 0; depth < 3 && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String parent : level) {
                em.createQuery("select g.id, g.name from GroupEntity g where g.realm = :realm and g.parentId = :parent",
                                Object[].class)
                        .setParameter("realm", realmId).setParameter("parent", parent).getResultStream()
                        .forEach(row -> {
                            groups.add((String) row[0]);
                            if (!GroupLayout.isReservedName((String) row[1])) {
                                next.add((String) row[0]);
                            }
                        });
            }
            level = next;
        }
        return inChunks(groups, chunk -> em.createQuery("select distinct u.serviceAccountClientLink"
                        + " from UserGroupMembershipEntity m join m.user u where m.groupId in :groups"
                        + " and u.serviceAccountClientLink is not null", String.class)
                .setParameter("groups", chunk).getResultList()).stream().distinct().toList();
    }

    /** Runs the query for each slice of at most 1,000 ids (some databases cap an IN list there) and joins the results. */
    private static <T> List<T> inChunks(List<String> ids, Function<List<String>, List<T>> query) {
        List<T> results = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            results.addAll(query.apply(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        return results;
    }

    Optional<String> childId(String parentId, String name) {
        return em.createQuery("select g.id from GroupEntity g where g.realm = :realm and g.parentId = :parent"
                        + " and g.name = :name", String.class)
                .setParameter("realm", realmId)
                .setParameter("parent", parentId == null ? TOP_LEVEL : parentId)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    /**
     * Locks the group's row until the transaction ends, so that changes to one unit's memberships, names and children
     * happen one after the other on every node sharing the database. False if the group is gone.
     */
    boolean lock(String groupId) {
        return RowLocks.lock(em, GroupEntity.class, groupId);
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

    /** Organizations and projects of the realm on which no creation time is recorded (made by an earlier version). */
    List<String> unitsWithoutCreationTime() {
        return em.createQuery("select g.id from GroupEntity g where g.realm = :realm and (" + ORGANIZATION + " or "
                        + PROJECT + ") and not exists (select a.id from GroupAttributeEntity a where a.group = g"
                        + " and a.name = '" + GroupLayout.CREATED_AT + "')", String.class)
                .setParameter("realm", realmId)
                .getResultList();
    }

    private TypedQuery<Object[]> groups(String where, Page page) {
        String search = page.likePattern() == null ? "" : SEARCH;
        TypedQuery<Object[]> query = em.createQuery("select g, d.description, c.value from GroupEntity g"
                + " left join OrgUnitEntity d on d.groupId = g.id"
                + " left join GroupAttributeEntity c on c.group = g and c.name = '" + GroupLayout.CREATED_AT + "'"
                + " where g.realm = :realm and " + where + search + " order by g.name, g.id", Object[].class)
                .setParameter("realm", realmId);
        if (page.likePattern() != null) {
            query.setParameter("search", page.likePattern());
        }
        return query;
    }

    private static List<UnitRow> page(TypedQuery<Object[]> query, Page page) {
        return pageOf(query, page).stream().map(row -> {
            GroupEntity group = (GroupEntity) row[0];
            String description = row[1] != null ? (String) row[1] : group.getDescription();
            return new UnitRow(group, description, (String) row[2]);
        }).toList();
    }

    private static <T> List<T> pageOf(TypedQuery<T> query, Page page) {
        return query.setFirstResult(page.first()).setMaxResults(page.max()).getResultList();
    }
}
