package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Rules;
import io.github.serviceaccounts.access.Scope;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The roles a user or service account holds, read by the rules of {@link GroupLayout} in the two ways it allows:
 * from the database, for decisions that must see the latest state, and from Keycloak's cached groups, on the token
 * path where every read counts.
 */
public final class RoleReader {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final DirectoryQueries queries;

    public RoleReader(KeycloakSession session, RealmModel realm) {
        this(session, realm, new DirectoryQueries(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                realm.getId()));
    }

    RoleReader(KeycloakSession session, RealmModel realm, DirectoryQueries queries) {
        this.session = session;
        this.realm = realm;
        this.queries = queries;
    }

    /** The roles the user holds directly, read from the database. */
    public Memberships current(UserModel user) {
        return Memberships.of(queries.membershipRows(user.getId()), queries.environmentRows(user.getId()));
    }

    /** The roles the user holds directly, from Keycloak's (cached) groups; the same rules as {@link #current}. */
    public Memberships cached(UserModel user) {
        Map<String, Role> organizations = new HashMap<>();
        Map<String, Role> projects = new HashMap<>();
        Map<String, Role> environments = new HashMap<>();
        Map<String, String> organizationOfProject = new HashMap<>();
        Map<String, String> projectOfEnvironment = new HashMap<>();
        user.getGroupsStream().forEach(group -> GroupLayout.roleOf(group).ifPresent(role -> {
            if (role.scope() == Scope.ORGANIZATION) {
                organizations.merge(group.getParentId(), role, Role::max);
            } else if (role.scope() == Scope.PROJECT) {
                projects.merge(group.getParentId(), role, Role::max);
                organizationOfProject.put(group.getParentId(), group.getParent().getParentId());
            } else {
                GroupModel project = group.getParent().getParent();
                environments.merge(group.getParentId(), role, Role::max);
                projectOfEnvironment.put(group.getParentId(), project.getId());
                organizationOfProject.put(project.getId(), project.getParentId());
            }
        }));
        return new Memberships(organizations, projects, environments, organizationOfProject, projectOfEnvironment);
    }

    /**
     * The roles that count, as tokens carry them: organization roles as held; in projects the role held there or
     * {@code project.admin} in every project of an organization the user is {@code organization.admin} of; in
     * environments the role held there or {@code environment.admin} in every environment of those admin projects.
     */
    public Memberships effective(UserModel user) {
        Memberships direct = cached(user);
        Map<String, Role> projects = new HashMap<>(direct.projects());
        Map<String, String> organizationOfProject = new HashMap<>(direct.organizationOfProject());
        direct.organizations().forEach((organizationId, role) -> {
            GroupModel organization = role == Role.ORGANIZATION_ADMIN ? session.groups().getGroupById(realm,
                    organizationId) : null;
            if (organization == null) {
                return;
            }
            organization.getSubGroupsStream().filter(GroupLayout::isProject).forEach(project -> {
                projects.put(project.getId(), Rules.claimedInProject(projects.get(project.getId()), role));
                organizationOfProject.put(project.getId(), organizationId);
            });
        });
        Map<String, Role> environments = new HashMap<>(direct.environments());
        Map<String, String> projectOfEnvironment = new HashMap<>(direct.projectOfEnvironment());
        projects.forEach((projectId, role) -> {
            GroupModel project = role.includes(Role.PROJECT_ADMIN) ? session.groups().getGroupById(realm, projectId)
                    : null;
            if (project == null) {
                return;
            }
            project.getSubGroupsStream().filter(GroupLayout::isEnvironment).forEach(environment -> {
                environments.put(environment.getId(), Rules.inEnvironment(null, role));
                projectOfEnvironment.put(environment.getId(), projectId);
            });
        });
        return new Memberships(direct.organizations(), projects, environments, organizationOfProject,
                projectOfEnvironment);
    }
}
