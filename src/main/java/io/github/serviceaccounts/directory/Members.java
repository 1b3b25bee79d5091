package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.Conflict;
import io.github.serviceaccounts.access.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The members of organizations and projects, one role each. Every change happens under the unit's lock, so that
 * concurrent changes cannot leave a member with two roles or an organization without an active admin.
 */
public final class Members {

    private final Directory directory;
    private final DirectoryQueries queries;
    private final RoleGroups roleGroups;
    private final RoleReader roles;

    public Members(KeycloakSession session, RealmModel realm, Directory directory) {
        this.directory = directory;
        this.queries = new DirectoryQueries(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                realm.getId());
        this.roleGroups = new RoleGroups(session, realm, queries);
        this.roles = new RoleReader(session, realm, queries);
    }

    /** A page of the unit's members with their (highest) role, by username. */
    public List<Member> list(OrgUnit unit, Page page) {
        return queries.members(unit.id(), unit.scope(), page);
    }

    public Optional<Member> find(OrgUnit unit, UserModel user) {
        return queries.roleOf(user.getId(), unit.id(), unit.scope()).map(role -> toMember(user, role));
    }

    /** Makes the user a member with this role, or refuses with {@code member_exists} if it already is one. */
    public Member add(OrgUnit unit, UserModel user, Role role) {
        directory.lock(unit);
        Optional<Role> current = queries.roleOf(user.getId(), unit.id(), unit.scope());
        if (current.isPresent()) {
            throw new Conflict(Conflict.MEMBER_EXISTS, "This account is already a member, with the role " + current.get());
        }
        user.joinGroup(roleGroups.of(unit, role));
        return toMember(user, role);
    }

    /** Gives a member another role; one found in two role groups (after edits elsewhere) leaves with one. */
    public Optional<Member> changeRole(OrgUnit unit, UserModel user, Role role, boolean mayRemoveLastAdmin) {
        directory.lock(unit);
        Optional<Role> current = queries.roleOf(user.getId(), unit.id(), unit.scope());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (current.get() == Role.ORGANIZATION_ADMIN && role != Role.ORGANIZATION_ADMIN) {
            requireAnotherAdmin(unit, user, mayRemoveLastAdmin);
        }
        GroupModel target = roleGroups.of(unit, role);
        roleGroups.leave(unit, user, target.getId());
        if (!user.isMemberOf(target)) {
            user.joinGroup(target);
        }
        return Optional.of(toMember(user, role));
    }

    /** Ends a membership (every role group of the unit the user is in); false if there was none. */
    public boolean remove(OrgUnit unit, UserModel user, boolean mayRemoveLastAdmin) {
        directory.lock(unit);
        Optional<Role> current = queries.roleOf(user.getId(), unit.id(), unit.scope());
        if (current.isEmpty()) {
            return false;
        }
        if (current.get() == Role.ORGANIZATION_ADMIN) {
            requireAnotherAdmin(unit, user, mayRemoveLastAdmin);
        }
        roleGroups.leave(unit, user, null);
        return true;
    }

    /**
     * Refuses ({@code 409 last_organization_admin}) when the user is the last active {@code organization.admin} of an
     * organization, for a change that ends its ability to act there: deleting or disabling the account that is it.
     * Locks each such organization, in id order, so the check holds against concurrent membership changes.
     */
    public void requireNotLastAdminAnywhere(UserModel user, boolean mayRemoveLastAdmin) {
        if (mayRemoveLastAdmin) {
            return;
        }
        roles.current(user).organizations().entrySet().stream()
                .filter(e -> e.getValue() == Role.ORGANIZATION_ADMIN)
                .map(Map.Entry::getKey).sorted()
                .forEach(id -> directory.organization(id).ifPresent(organization -> {
                    directory.lock(organization);
                    requireAnotherAdmin(organization, user, false);
                }));
    }

    private void requireAnotherAdmin(OrgUnit unit, UserModel user, boolean mayRemoveLastAdmin) {
        if (!mayRemoveLastAdmin
                && queries.otherActiveMembers(queries.roleGroupIds(unit.id(), Role.ORGANIZATION_ADMIN), user.getId()) == 0) {
            throw new Conflict(Conflict.LAST_ORGANIZATION_ADMIN,
                    "This is the organization's last active organization.admin; add another one first");
        }
    }

    private static Member toMember(UserModel user, Role role) {
        return new Member(user.getId(), user.getServiceAccountClientLink(), user.getUsername(), user.getEmail(), role);
    }
}
