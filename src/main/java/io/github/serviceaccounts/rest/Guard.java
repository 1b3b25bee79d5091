package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.access.Authority;
import io.github.serviceaccounts.access.Caller;
import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Scope;
import io.github.serviceaccounts.accounts.ServiceAccount;
import io.github.serviceaccounts.accounts.ServiceAccounts;
import io.github.serviceaccounts.directory.Directory;
import io.github.serviceaccounts.directory.Environment;
import io.github.serviceaccounts.directory.Memberships;
import io.github.serviceaccounts.directory.OrgUnit;
import io.github.serviceaccounts.directory.Organization;
import io.github.serviceaccounts.directory.Project;
import io.github.serviceaccounts.directory.RoleReader;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Decides, from live state, what the caller of one request may do: Keycloak's realm-management roles first, then
 * the caller's memberships. What it may not read is answered 404, what it may read but not change 403.
 */
final class Guard {

    private final Directory directory;
    private final RoleReader roles;
    private final ServiceAccounts accounts;
    private final UserModel user;
    private final Caller caller;
    private final boolean memberOfRealm;
    private Memberships memberships;

    Guard(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, Directory directory,
            RoleReader roles, ServiceAccounts accounts) {
        this.directory = directory;
        this.roles = roles;
        this.accounts = accounts;
        this.user = auth.adminAuth().getUser();
        requireActive(session, auth.adminAuth().getRealm());
        this.memberOfRealm = auth.adminAuth().getRealm().getId().equals(realm.getId());
        Authority authority = auth.users().canManage() ? Authority.REALM_ADMIN
                : auth.users().canView() ? Authority.REALM_VIEWER : Authority.MEMBER;
        this.caller = new Caller(user.getId(), authority);
    }

    /**
     * Tokens of a user or service account disabled since they were issued stop working here at once, whatever their
     * remaining lifetime.
     */
    private void requireActive(KeycloakSession session, RealmModel tokenRealm) {
        if (!user.isEnabled()) {
            throw Problems.unauthorized();
        }
        String clientId = user.getServiceAccountClientLink();
        if (clientId != null) {
            ClientModel client = session.clients().getClientById(tokenRealm, clientId);
            if (client == null || !client.isEnabled()) {
                throw Problems.unauthorized();
            }
        }
    }

    Caller caller() {
        return caller;
    }

    UserModel user() {
        return user;
    }

    /** Whether the caller reads every organization (and every project in them) without a membership. */
    boolean readsEverything() {
        return caller.authority() != Authority.MEMBER;
    }

    void require(Action action) {
        if (!caller.may(action, null, Scope.ORGANIZATION)) {
            throw Problems.forbidden();
        }
    }

    Organization organization(String id, Action action) {
        Organization organization = directory.organization(id).orElseThrow(Problems::notFound);
        require(organization, action);
        return organization;
    }

    Project project(String id, Action action) {
        Project project = directory.project(id).orElseThrow(Problems::notFound);
        require(project, action);
        return project;
    }

    /** The service account, if the caller may do the action in its owning project; else 404 or 403 as for projects. */
    ServiceAccount account(String id, Action action) {
        ServiceAccount account = accounts.find(id).orElseThrow(Problems::notFound);
        Project owner = directory.project(account.projectId()).orElseThrow(Problems::notFound);
        require(owner, action);
        return account;
    }

    /**
     * The environment, if the caller sees it: as one of its readers, or as a reader of its project (SPEC §9).
     * What the caller may do there is decided apart.
     */
    Environment environment(String id) {
        Environment environment = directory.environment(id).orElseThrow(Problems::notFound);
        if (!sees(environment, effectiveIn(environment))) {
            throw Problems.notFound();
        }
        return environment;
    }

    /** Refuses (403) unless the caller may do the action in the environment's project (renaming, deleting it). */
    void requireInProjectOf(Environment environment, Action action) {
        if (!caller.may(action, memberships().effectiveInProjectOf(environment), Scope.PROJECT)) {
            throw Problems.forbidden();
        }
    }

    void require(OrgUnit unit, Action action) {
        Role effective = effectiveIn(unit);
        if (!sees(unit, effective)) {
            throw Problems.notFound();
        }
        if (!caller.may(action, effective, unit.scope())) {
            throw Problems.forbidden();
        }
    }

    Role effectiveIn(OrgUnit unit) {
        return memberships().effectiveIn(unit);
    }

    /** Environments are seen by their own readers and by the readers of their project. */
    private boolean sees(OrgUnit unit, Role effective) {
        if (caller.maySee(effective, unit.scope())) {
            return true;
        }
        return unit instanceof Environment environment
                && caller.maySee(memberships().effectiveInProjectOf(environment), Scope.PROJECT);
    }

    /** Refuses (403) a caller who is neither a realm administrator or viewer nor a member of anything. */
    void requireSomeRole() {
        if (!readsEverything() && memberships().isEmpty()) {
            throw Problems.forbidden();
        }
    }

    /** Whether the caller sees all projects of the organization, not only those it is a member of. */
    boolean seesAllProjectsOf(Organization organization) {
        return readsEverything() || effectiveIn(organization) == Role.ORGANIZATION_ADMIN;
    }

    /**
     * Refuses (403, naming the place) to make the account's credentials usable for a caller whose effective role is
     * below the account's own anywhere the account is a member: whoever holds a usable key of an account acts with its
     * roles (SPEC §2, no escalation through a service account). Read from the database, after the caller locked the
     * account, so a concurrent role change is seen. Realm administrators are exempt.
     */
    void requireNoEscalation(ServiceAccount account) {
        if (caller.isRealmAdmin()) {
            return;
        }
        Memberships callerRoles = memberOfRealm ? roles.current(user) : Memberships.none();
        roles.current(accounts.user(account)).firstAbove(callerRoles).ifPresent(held -> {
            String kind = held.scope().name().toLowerCase();
            String place = directory.unit(held.unitId()).map(unit -> kind + " '" + unit.name() + "'")
                    .orElse("a " + kind);
            throw Problems.forbidden("This service account is " + held.role() + " in " + place + ", above your role"
                    + " there: only someone with at least that role there may create, upload or enable its keys, add or"
                    + " widen its federated credentials, or enable it");
        });
    }

    private Memberships memberships() {
        if (memberships == null) {
            memberships = memberOfRealm ? roles.current(user) : Memberships.none();
        }
        return memberships;
    }
}
