package io.github.serviceaccounts.access;

/**
 * What a caller may try in an organization, a project or an environment, with the least effective role that allows it
 * in each scope ({@code null}: no role allows it there; only realm administrators may, or, for an environment, the
 * {@code project.admin} of its project, checked on the project).
 */
public enum Action {
    /** Read the unit and its members; in projects also its service accounts and their key metadata. */
    READ(Role.PROJECT_USER, Role.PROJECT_USER, Role.ENVIRONMENT_READER),
    /** Create, update, disable, enable and delete the project's service accounts and their keys. */
    MANAGE_SERVICE_ACCOUNTS(null, Role.PROJECT_DEVELOPER, null),
    /** Add and remove members and change their roles. */
    MANAGE_MEMBERS(Role.ORGANIZATION_ADMIN, Role.PROJECT_ADMIN, Role.ENVIRONMENT_ADMIN),
    UPDATE(Role.ORGANIZATION_ADMIN, Role.PROJECT_ADMIN, null),
    DELETE(null, Role.PROJECT_ADMIN, null),
    CREATE_PROJECT(Role.ORGANIZATION_ADMIN, null, null),
    /** Create, rename and delete the project's environments. */
    MANAGE_ENVIRONMENTS(null, Role.PROJECT_ADMIN, null),
    CREATE_ORGANIZATION(null, null, null);

    private final Role leastInOrganization;
    private final Role leastInProject;
    private final Role leastInEnvironment;

    Action(Role leastInOrganization, Role leastInProject, Role leastInEnvironment) {
        this.leastInOrganization = leastInOrganization;
        this.leastInProject = leastInProject;
        this.leastInEnvironment = leastInEnvironment;
    }

    Role least(Scope scope) {
        return switch (scope) {
            case ORGANIZATION -> leastInOrganization;
            case PROJECT -> leastInProject;
            case ENVIRONMENT -> leastInEnvironment;
        };
    }
}
