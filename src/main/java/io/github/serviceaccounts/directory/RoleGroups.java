package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Scope;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The role groups of organizations and projects: made with their unit, found by their mark, left all at once. */
final class RoleGroups {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final DirectoryQueries queries;

    RoleGroups(KeycloakSession session, RealmModel realm, DirectoryQueries queries) {
        this.session = session;
        this.realm = realm;
        this.queries = queries;
    }

    void createAll(GroupModel unit, Scope scope) {
        GroupLayout.rolesOf(scope).forEach(role -> create(unit, role));
    }

    /** The group membership of this role means; recreated if someone deleted it in Keycloak's Groups page. */
    GroupModel of(OrgUnit unit, Role role) {
        return queries.roleGroupIds(unit.id(), role).stream().findFirst()
                .map(id -> session.groups().getGroupById(realm, id))
                .orElseGet(() -> create(session.groups().getGroupById(realm, unit.id()), role));
    }

    /** Leaves every role group of the unit the user is in, but the one to keep (null: all). */
    void leave(OrgUnit unit, UserModel user, String keep) {
        List<String> current = new ArrayList<>(queries.roleGroupsOfUser(user.getId(), unit.id(), unit.scope()));
        current.remove(keep);
        current.forEach(id -> user.leaveGroup(session.groups().getGroupById(realm, id)));
    }

    private GroupModel create(GroupModel unit, Role role) {
        GroupModel group = session.groups().createGroup(realm, role.id(), unit);
        GroupLayout.markRole(group, role);
        return group;
    }
}
