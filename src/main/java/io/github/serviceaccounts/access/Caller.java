package io.github.serviceaccounts.access;

/** Who calls the API: a Keycloak user or a service account's user, with their realm-wide authority. */
public record Caller(String userId, Authority authority) {

    public boolean isRealmAdmin() {
        return authority == Authority.REALM_ADMIN;
    }

    /** Whether the caller may see the organization or project at all; what it may not see does not exist for it. */
    public boolean maySee(Role effective, Scope scope) {
        return may(Action.READ, effective, scope);
    }

    public boolean may(Action action, Role effective, Scope scope) {
        return switch (authority) {
            case REALM_ADMIN -> true;
            case REALM_VIEWER -> action == Action.READ || Rules.allows(effective, action, scope);
            case MEMBER -> Rules.allows(effective, action, scope);
        };
    }

    public boolean mayGrant(Role effective, Role granted, Scope scope) {
        return isRealmAdmin() || Rules.mayGrant(effective, granted, scope);
    }

    public boolean mayChange(Role effective, Role current, Scope scope) {
        return isRealmAdmin() || Rules.mayChange(effective, current, scope);
    }

    /** Only a realm administrator may leave an organization without an {@code organization.admin}. */
    public boolean mayRemoveLastOrganizationAdmin() {
        return isRealmAdmin();
    }
}
