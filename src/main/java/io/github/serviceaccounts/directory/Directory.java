package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.Conflict;
import io.github.serviceaccounts.Ellipsis;
import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Rules;
import io.github.serviceaccounts.access.Scope;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.GroupEntity;

/** Organizations, projects and memberships of one realm, kept as Keycloak groups (see {@link GroupLayout}). */
public final class Directory {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final DirectoryQueries queries;

    public Directory(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.queries = new DirectoryQueries(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                realm.getId());
    }

    public Optional<Organization> organization(String id) {
        return group(id).filter(GroupLayout::isOrganization).map(g -> Organization.of(g, description(g)));
    }

    public Optional<Project> project(String id) {
        return group(id).filter(GroupLayout::isProject).map(g -> Project.of(g, description(g)));
    }

    public Optional<OrgUnit> unit(String id) {
        return organization(id).<OrgUnit>map(o -> o).or(() -> project(id));
    }

    public List<Organization> organizations(Page page) {
        return queries.organizations(page).stream().map(Directory::organization).toList();
    }

    public List<Organization> organizationsOf(UserModel user, Page page) {
        return queries.organizationsOf(user.getId(), page).stream().map(Directory::organization).toList();
    }

    public List<Project> projects(Organization organization, Page page) {
        return queries.projects(organization.id(), page).stream().map(Directory::project).toList();
    }

    public List<Project> projectsOf(Organization organization, UserModel user, Page page) {
        return queries.projectsOf(organization.id(), user.getId(), page).stream().map(Directory::project).toList();
    }

    public Organization createOrganization(String name, String description) {
        GroupModel group = createGroup(name, null);
        GroupLayout.markUnit(group, GroupLayout.ORGANIZATION, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        describe(group, description);
        createRoleGroups(group, Scope.ORGANIZATION);
        return Organization.of(group, description);
    }

    public Project createProject(Organization organization, String name, String description) {
        if (GroupLayout.isReservedName(name)) {
            throw new Conflict(Conflict.NAME_TAKEN, "name: '" + name + "' is reserved for a role");
        }
        queries.lock(organization.id());
        GroupModel group = createGroup(name, requireGroup(organization.id()));
        GroupLayout.markUnit(group, GroupLayout.PROJECT, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        describe(group, description);
        createRoleGroups(group, Scope.PROJECT);
        return Project.of(group, description);
    }

    /** Renames and describes an organization or project; null leaves a field as it is. */
    public OrgUnit update(OrgUnit unit, String name, String description) {
        GroupModel group = requireGroup(unit.id());
        if (name != null && !name.equals(group.getName())) {
            if (unit instanceof Project && GroupLayout.isReservedName(name)) {
                throw new Conflict(Conflict.NAME_TAKEN, "name: '" + name + "' is reserved for a role");
            }
            if (queries.childId(group.getParentId(), name).isPresent()) {
                throw nameTaken(name);
            }
            group.setName(name);
        }
        if (description != null) {
            describe(group, description);
        }
        flushOrNameTaken(name);
        String current = description(group);
        return unit instanceof Organization ? Organization.of(group, current) : Project.of(group, current);
    }

    /**
     * Internal ids of the clients whose service-account users hold a role in the unit or in one of its projects:
     * those whose access a deletion of the unit ends.
     */
    public List<String> clientsWithRolesIn(OrgUnit unit) {
        return queries.clientsWithRolesUnder(unit.id());
    }

    /** Deletes the organization or project with its projects and role groups, and so every membership in them. */
    public void delete(OrgUnit unit) {
        session.groups().removeGroup(realm, requireGroup(unit.id()));
    }

    public List<Member> members(OrgUnit unit, Page page) {
        return queries.members(unit.id(), unit.scope(), page);
    }

    public Optional<Member> member(OrgUnit unit, UserModel user) {
        return queries.roleOf(user.getId(), unit.id(), unit.scope()).map(role -> toMember(user, role));
    }

    /**
     * Locks the organization's or project's group row until the transaction ends: changes to its memberships and to
     * the names of its service accounts happen one after the other, on every node sharing the database.
     */
    public void lock(OrgUnit unit) {
        queries.lock(unit.id());
    }

    /** Makes the user a member with this role, or refuses with {@code member_exists} if it already is one. */
    public Member addMember(OrgUnit unit, UserModel user, Role role) {
        lock(unit);
        Optional<Role> current = queries.roleOf(user.getId(), unit.id(), unit.scope());
        if (current.isPresent()) {
            throw new Conflict(Conflict.MEMBER_EXISTS, "This account is already a member, with the role " + current.get());
        }
        user.joinGroup(roleGroup(unit, role));
        return toMember(user, role);
    }

    /**
     * Gives a member another role. Under the unit's lock, so concurrent changes cannot leave a member with two roles or
     * an organization without an admin; a member found in two role groups leaves with one.
     */
    public Optional<Member> changeRole(OrgUnit unit, UserModel user, Role role, boolean mayRemoveLastAdmin) {
        lock(unit);
        Optional<Role> current = queries.roleOf(user.getId(), unit.id(), unit.scope());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (current.get() == Role.ORGANIZATION_ADMIN && role != Role.ORGANIZATION_ADMIN) {
            requireAnotherAdmin(unit, user, mayRemoveLastAdmin);
        }
        GroupModel target = roleGroup(unit, role);
        leaveRoleGroups(unit, user, target.getId());
        if (!user.isMemberOf(target)) {
            user.joinGroup(target);
        }
        return Optional.of(toMember(user, role));
    }

    /** Ends a membership (every role group of the unit the user is in); false if there was none. */
    public boolean removeMember(OrgUnit unit, UserModel user, boolean mayRemoveLastAdmin) {
        lock(unit);
        Optional<Role> current = queries.roleOf(user.getId(), unit.id(), unit.scope());
        if (current.isEmpty()) {
            return false;
        }
        if (current.get() == Role.ORGANIZATION_ADMIN) {
            requireAnotherAdmin(unit, user, mayRemoveLastAdmin);
        }
        leaveRoleGroups(unit, user, null);
        return true;
    }

    /**
     * Refuses ({@code 409 last_organization_admin}) when the user is the last active {@code organization.admin} of an
     * organization, for a change that ends its ability to act there: removing or disabling the account that is it.
     * Locks each such organization, in id order, so the check holds against concurrent membership changes.
     */
    public void requireNotLastAdminAnywhere(UserModel user, boolean mayRemoveLastAdmin) {
        if (mayRemoveLastAdmin) {
            return;
        }
        memberships(user).organizations().entrySet().stream()
                .filter(e -> e.getValue() == Role.ORGANIZATION_ADMIN)
                .map(Map.Entry::getKey).sorted()
                .forEach(id -> organization(id).ifPresent(organization -> {
                    lock(organization);
                    requireAnotherAdmin(organization, user, false);
                }));
    }

    /** The roles the user holds directly, read from the database: for decisions that must see the latest state. */
    public Memberships memberships(UserModel user) {
        return Memberships.of(queries.membershipRows(user.getId()));
    }

    /**
     * The roles the user holds directly, from Keycloak's (cached) groups: the token path's read of the same layout,
     * by the same rules as {@link #memberships(UserModel)}.
     */
    public Memberships cachedMemberships(UserModel user) {
        Map<String, Role> organizations = new HashMap<>();
        Map<String, Role> projects = new HashMap<>();
        Map<String, String> organizationOfProject = new HashMap<>();
        user.getGroupsStream().forEach(group -> GroupLayout.roleOf(group).ifPresent(role -> {
            if (role.scope() == Scope.ORGANIZATION) {
                organizations.merge(group.getParentId(), role, Role::max);
            } else {
                projects.merge(group.getParentId(), role, Role::max);
                organizationOfProject.put(group.getParentId(), group.getParent().getParentId());
            }
        }));
        return new Memberships(organizations, projects, organizationOfProject);
    }

    /**
     * The roles that count, as tokens carry them: organization roles as held, and in projects the role held there or
     * {@code project.admin} in every project of an organization the user is {@code organization.admin} of.
     */
    public Memberships effectiveMemberships(UserModel user) {
        Memberships direct = cachedMemberships(user);
        Map<String, Role> projects = new HashMap<>(direct.projects());
        Map<String, String> organizationOfProject = new HashMap<>(direct.organizationOfProject());
        direct.organizations().forEach((organizationId, role) -> {
            if (role != Role.ORGANIZATION_ADMIN) {
                return;
            }
            group(organizationId).ifPresent(organization -> organization.getSubGroupsStream()
                    .filter(GroupLayout::isProject)
                    .forEach(project -> {
                        projects.put(project.getId(), Rules.claimedInProject(projects.get(project.getId()), role));
                        organizationOfProject.put(project.getId(), organizationId);
                    }));
        });
        return new Memberships(direct.organizations(), projects, organizationOfProject);
    }

    /** Records a creation time on the organizations and projects an earlier version made without one. */
    public int recordMissingCreationTimes() {
        List<String> ids = queries.unitsWithoutCreationTime();
        for (String id : ids) {
            group(id).ifPresent(group -> GroupLayout.markUnit(group, group.getFirstAttribute(GroupLayout.KIND),
                    CreationTimes.of(group)));
        }
        return ids.size();
    }

    /**
     * Stores the full description in the extension's table, and a copy cut to the group column's 255 characters on the
     * group itself, which is what the admin console's Groups page and a realm export show.
     */
    private void describe(GroupModel group, String description) {
        queries.saveDescription(group.getId(), description);
        group.setDescription(Ellipsis.fit(description, Ellipsis.KEYCLOAK_COLUMN));
    }

    /** The stored description, else the group's own (a realm imported with this layout has only that). */
    private String description(GroupModel group) {
        String stored = queries.description(group.getId());
        return stored != null ? stored : group.getDescription();
    }

    private void requireAnotherAdmin(OrgUnit unit, UserModel user, boolean mayRemoveLastAdmin) {
        if (!mayRemoveLastAdmin
                && queries.otherActiveMembers(queries.roleGroupIds(unit.id(), Role.ORGANIZATION_ADMIN), user.getId()) == 0) {
            throw new Conflict(Conflict.LAST_ORGANIZATION_ADMIN,
                    "This is the organization's last active organization.admin; add another one first");
        }
    }

    /** Leaves every role group of the unit the user is in, but the one to keep (null: all). */
    private void leaveRoleGroups(OrgUnit unit, UserModel user, String keep) {
        List<String> current = new ArrayList<>(queries.roleGroupsOfUser(user.getId(), unit.id(), unit.scope()));
        current.remove(keep);
        current.forEach(id -> user.leaveGroup(session.groups().getGroupById(realm, id)));
    }

    private Member toMember(UserModel user, Role role) {
        return new Member(user.getId(), user.getServiceAccountClientLink(), user.getUsername(), user.getEmail(), role);
    }

    private GroupModel createGroup(String name, GroupModel parent) {
        if (queries.childId(parent == null ? null : parent.getId(), name).isPresent()) {
            throw nameTaken(name);
        }
        try {
            GroupModel group = session.groups().createGroup(realm, name, parent);
            queries.flush();
            return group;
        } catch (ModelDuplicateException | PersistenceException e) {
            throw nameTaken(name);
        }
    }

    private void createRoleGroups(GroupModel unit, Scope scope) {
        GroupLayout.rolesOf(scope).forEach(role -> createRoleGroup(unit, role));
    }

    private GroupModel createRoleGroup(GroupModel unit, Role role) {
        GroupModel group = session.groups().createGroup(realm, role.id(), unit);
        GroupLayout.markRole(group, role);
        return group;
    }

    /** The group membership of this role means; recreated if someone deleted it in Keycloak's Groups page. */
    private GroupModel roleGroup(OrgUnit unit, Role role) {
        return queries.roleGroupIds(unit.id(), role).stream().findFirst()
                .map(id -> session.groups().getGroupById(realm, id))
                .orElseGet(() -> createRoleGroup(requireGroup(unit.id()), role));
    }

    private void flushOrNameTaken(String name) {
        try {
            queries.flush();
        } catch (ModelDuplicateException | PersistenceException e) {
            throw nameTaken(name);
        }
    }

    private static Conflict nameTaken(String name) {
        return new Conflict(Conflict.NAME_TAKEN, "name: '" + name + "' is already taken here");
    }

    private Optional<GroupModel> group(String id) {
        if (id == null || id.isEmpty() || id.length() > 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.groups().getGroupById(realm, id));
    }

    private GroupModel requireGroup(String id) {
        return group(id).orElseThrow(() -> new IllegalStateException("Group " + id + " vanished"));
    }

    private static Organization organization(DirectoryQueries.UnitRow row) {
        GroupEntity group = row.group();
        return new Organization(group.getId(), group.getName(), row.description(), GroupLayout.createdAt(row.createdAt()));
    }

    private static Project project(DirectoryQueries.UnitRow row) {
        GroupEntity group = row.group();
        return new Project(group.getId(), group.getName(), row.description(), group.getParentId(),
                GroupLayout.createdAt(row.createdAt()));
    }
}
