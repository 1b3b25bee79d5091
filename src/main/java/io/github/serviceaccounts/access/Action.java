package io.github.serviceaccounts.access;

/**
 * What a caller may try in an organization or a project, with the least effective role that allows it in each scope
 * ({@code null}: no role allows it there; only realm administrators may).
 */
public enum Action {
    /** Read the organization or project, its members, its service accounts and their key metadata. */
    READ(Role.PROJECT_USER, Role.PROJECT_USER),
    /** Create, update, disable, enable and delete the project's service accounts and their keys. */
    MANAGE_SERVICE_ACCOUNTS(null, Role.PROJECT_DEVELOPER),
    /** Add and remove members and change their roles. */
    MANAGE_MEMBERS(Role.ORGANIZATION_ADMIN, Role.PROJECT_ADMIN),
    UPDATE(Role.ORGANIZATION_ADMIN, Role.PROJECT_ADMIN),
    DELETE(null, Role.PROJECT_ADMIN),
    CREATE_PROJECT(Role.ORGANIZATION_ADMIN, null),
    CREATE_ORGANIZATION(null, null);

    private final Role leastInOrganization;
    private final Role leastInProject;

    Action(Role leastInOrganization, Role leastInProject) {
        this.leastInOrganization = leastInOrganization;
        this.leastInProject = leastInProject;
    }

    Role least(Scope scope) {
        return scope == Scope.ORGANIZATION ? leastInOrganization : leastInProject;
    }
}
