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
        return Memberships.of(queries.membershipRows(user.getId()));
    }

    /** The roles the user holds directly, from Keycloak's (cached) groups; the same rules as {@link #current}. */
    public Memberships cached(UserModel user) {
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
        return new Memberships(direct.organizations(), projects, organizationOfProject);
    }
}
