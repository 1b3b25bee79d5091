package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.Conflict;
import io.github.serviceaccounts.Ellipsis;
import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Rules;
import io.github.serviceaccounts.access.Scope;
import jakarta.persistence.PersistenceException;
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
        return group(id).filter(GroupLayout::isProject).filter(g -> GroupLayout.isOrganization(g.getParent()))
                .map(g -> Project.of(g, description(g)));
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
        GroupLayout.mark(group, GroupLayout.ORGANIZATION);
        describe(group, description);
        createRoleGroups(group, Scope.ORGANIZATION);
        return Organization.of(group, description);
    }

    public Project createProject(Organization organization, String name, String description) {
        if (GroupLayout.isReservedName(name)) {
            throw new Conflict(Conflict.NAME_TAKEN, "name: '" + name + "' is reserved for a role");
        }
        GroupModel group = createGroup(name, requireGroup(organization.id()));
        GroupLayout.mark(group, GroupLayout.PROJECT);
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

    /** Deletes the organization or project with its projects and role groups, and so every membership in them. */
    public void delete(OrgUnit unit) {
        session.groups().removeGroup(realm, requireGroup(unit.id()));
    }

    public List<Member> members(OrgUnit unit, Page page) {
        return queries.members(unit.id(), GroupLayout.roleNames(unit.scope()), page);
    }

    public Optional<Member> member(OrgUnit unit, UserModel user) {
        return queries.roleOf(user.getId(), unit.id(), GroupLayout.roleNames(unit.scope()))
                .map(role -> toMember(user, role));
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
        Optional<Role> current = queries.roleOf(user.getId(), unit.id(), GroupLayout.roleNames(unit.scope()));
        if (current.isPresent()) {
            throw new Conflict(Conflict.MEMBER_EXISTS, "This account is already a member, with the role " + current.get());
        }
        user.joinGroup(roleGroup(unit, role));
        return toMember(user, role);
    }

    /**
     * Gives a member another role. Under the unit's lock, so concurrent changes cannot leave a member with two roles or
     * an organization without an admin.
     */
    public Optional<Member> changeRole(OrgUnit unit, UserModel user, Role role, boolean mayRemoveLastAdmin) {
        lock(unit);
        Optional<Role> current = queries.roleOf(user.getId(), unit.id(), GroupLayout.roleNames(unit.scope()));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (current.get() != role) {
            requireAnotherAdmin(unit, current.get(), mayRemoveLastAdmin);
            user.leaveGroup(roleGroup(unit, current.get()));
            user.joinGroup(roleGroup(unit, role));
        }
        return Optional.of(toMember(user, role));
    }

    /** Ends a membership; false if there was none. */
    public boolean removeMember(OrgUnit unit, UserModel user, boolean mayRemoveLastAdmin) {
        lock(unit);
        Optional<Role> current = queries.roleOf(user.getId(), unit.id(), GroupLayout.roleNames(unit.scope()));
        if (current.isEmpty()) {
            return false;
        }
        requireAnotherAdmin(unit, current.get(), mayRemoveLastAdmin);
        user.leaveGroup(roleGroup(unit, current.get()));
        return true;
    }

    /** The roles the user holds directly, from Keycloak's (cached) group memberships. */
    public Memberships directMemberships(UserModel user) {
        Map<String, Role> organizations = new HashMap<>();
        Map<String, Role> projects = new HashMap<>();
        Map<String, String> organizationOfProject = new HashMap<>();
        user.getGroupsStream().forEach(group -> GroupLayout.roleOf(group).ifPresent(role -> {
            GroupModel unit = group.getParent();
            if (role.scope() == Scope.ORGANIZATION && GroupLayout.isOrganization(unit)) {
                organizations.put(unit.getId(), role);
            } else if (role.scope() == Scope.PROJECT && GroupLayout.isProject(unit)) {
                projects.merge(unit.getId(), role, Role::max);
                organizationOfProject.put(unit.getId(), unit.getParentId());
            }
        }));
        return new Memberships(organizations, projects, organizationOfProject);
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

    /**
     * The roles that count, as tokens carry them: organization roles as held, and in projects the role held there or
     * {@code project.admin} in every project of an organization the user is {@code organization.admin} of.
     */
    public Memberships effectiveMemberships(UserModel user) {
        Memberships direct = directMemberships(user);
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

    private void requireAnotherAdmin(OrgUnit unit, Role current, boolean mayRemoveLastAdmin) {
        if (current == Role.ORGANIZATION_ADMIN && !mayRemoveLastAdmin
                && queries.memberCount(roleGroup(unit, current).getId()) <= 1) {
            throw new Conflict(Conflict.LAST_ORGANIZATION_ADMIN,
                    "This is the organization's last organization.admin; add another one first");
        }
    }

    private Member toMember(UserModel user, Role role) {
        return new Member(user.getId(), user.getServiceAccountClientLink() != null, user.getUsername(), user.getEmail(),
                role);
    }

    private GroupModel createGroup(String name, GroupModel parent) {
        if (queries.childId(parent == null ? null : parent.getId(), name).isPresent()) {
            throw nameTaken(name);
        }
        try {
            return session.groups().createGroup(realm, name, parent);
        } catch (ModelDuplicateException | PersistenceException e) {
            throw nameTaken(name);
        }
    }

    private void createRoleGroups(GroupModel unit, Scope scope) {
        for (Role role : GroupLayout.rolesOf(scope)) {
            GroupLayout.markRole(session.groups().createGroup(realm, role.id(), unit), role);
        }
    }

    private GroupModel roleGroup(OrgUnit unit, Role role) {
        String id = queries.childId(unit.id(), role.id())
                .orElseThrow(() -> new IllegalStateException("Role group " + role + " missing under " + unit.id()));
        return session.groups().getGroupById(realm, id);
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
        return new Organization(group.getId(), group.getName(), row.description(),
                Times.instant(group.getCreatedTimestamp()));
    }

    private static Project project(DirectoryQueries.UnitRow row) {
        GroupEntity group = row.group();
        return new Project(group.getId(), group.getName(), row.description(), group.getParentId(),
                Times.instant(group.getCreatedTimestamp()));
    }
}
