package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.Conflict;
import io.github.serviceaccounts.Ellipsis;
import io.github.serviceaccounts.access.Scope;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.GroupEntity;

/**
 * Organizations, projects and environments of one realm, kept as Keycloak groups (see {@link GroupLayout}); their members are
 * {@link Members}, the roles people hold {@link RoleReader}.
 */
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

    public Optional<Environment> environment(String id) {
        return group(id).filter(GroupLayout::isEnvironment).map(g -> Environment.of(g, description(g)));
    }

    public Optional<OrgUnit> unit(String id) {
        return organization(id).<OrgUnit>map(o -> o).or(() -> project(id)).or(() -> environment(id));
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

    /** Every environment of the realm (each row's project read from Keycloak's cache). */
    public List<Environment> environments(Page page) {
        return withProjects(queries.allEnvironments(page));
    }

    /** The environments the user holds a role in. */
    public List<Environment> environmentsOf(UserModel user, Page page) {
        return withProjects(queries.environmentsOf(user.getId(), page));
    }

    private List<Environment> withProjects(List<DirectoryQueries.UnitRow> rows) {
        return rows.stream().map(row -> environment(row, session.groups().getGroupById(realm,
                row.group().getParentId()))).toList();
    }

    public List<Environment> environments(Project project, Page page) {
        GroupModel group = requireGroup(project.id());
        return queries.environments(project.id(), page).stream().map(row -> environment(row, group)).toList();
    }

    public Organization createOrganization(String name, String description) {
        GroupModel group = createGroup(name, null);
        GroupLayout.markUnit(group, GroupLayout.ORGANIZATION, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        describe(group, description);
        new RoleGroups(session, realm, queries).createAll(group, Scope.ORGANIZATION);
        return Organization.of(group, description);
    }

    public Project createProject(Organization organization, String name, String description) {
        return Project.of(createChild(organization, name, description, GroupLayout.PROJECT, Scope.PROJECT), description);
    }

    public Environment createEnvironment(Project project, String name, String description) {
        return Environment.of(createChild(project, name, description, GroupLayout.ENVIRONMENT, Scope.ENVIRONMENT),
                description);
    }

    /**
     * A project under an organization or an environment under a project, with its role groups. Names are unique
     * under the parent's lock, so concurrent creations of one name make one.
     */
    private GroupModel createChild(OrgUnit parent, String name, String description, String kind, Scope scope) {
        if (GroupLayout.isReservedName(name)) {
            throw new Conflict(Conflict.NAME_TAKEN, "name: '" + name + "' is reserved for a role");
        }
        queries.lock(parent.id());
        GroupModel group = createGroup(name, requireGroup(parent.id()));
        GroupLayout.markUnit(group, kind, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        describe(group, description);
        new RoleGroups(session, realm, queries).createAll(group, scope);
        return group;
    }

    /** Renames and describes an organization, project or environment; null leaves a field as it is. */
    public OrgUnit update(OrgUnit unit, String name, String description) {
        GroupModel group = requireGroup(unit.id());
        if (name != null && !name.equals(group.getName())) {
            if (!(unit instanceof Organization) && GroupLayout.isReservedName(name)) {
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
        if (unit instanceof Organization) {
            return Organization.of(group, current);
        }
        return unit instanceof Project ? Project.of(group, current) : Environment.of(group, current);
    }

    /**
     * Internal ids of the clients whose service-account users hold a role in the unit or in a unit below it (projects,
     * environments): those whose access a deletion of the unit ends.
     */
    public List<String> clientsWithRolesIn(OrgUnit unit) {
        return queries.clientsWithRolesUnder(unit.id());
    }

    /** Deletes the unit with the units below it and their role groups, and so every membership in them. */
    public void delete(OrgUnit unit) {
        session.groups().removeGroup(realm, requireGroup(unit.id()));
    }

    /**
     * Locks the organization's or project's group row until the transaction ends: changes to its memberships and to
     * the names of its service accounts happen one after the other, on every node sharing the database.
     */
    public void lock(OrgUnit unit) {
        queries.lock(unit.id());
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

    private static Environment environment(DirectoryQueries.UnitRow row, GroupModel project) {
        return Environment.of(row.group().getId(), row.group().getName(), project, row.description(), row.createdAt());
    }

    private static Project project(DirectoryQueries.UnitRow row) {
        GroupEntity group = row.group();
        return new Project(group.getId(), group.getName(), row.description(), group.getParentId(),
                GroupLayout.createdAt(row.createdAt()));
    }
}
