package io.github.serviceaccounts.access;

/**
 * SPEC §2 and §9 as pure functions over effective roles. An effective role is the strongest role that counts in a
 * scope: in a project, the member's own role there or {@code organization.admin} of its organization; in an
 * organization, its {@code organization.admin} role or any role held in one of its projects (which lets the holder
 * see it); in an environment, the role held there, or {@code environment.admin} for a {@code project.admin} of its
 * project.
 */
public final class Rules {

    private Rules() {
    }

    /** Whether a caller with this effective role (null: none) may do the action in a scope of that kind. */
    public static boolean allows(Role effective, Action action, Scope scope) {
        Role least = action.least(scope);
        return effective != null && least != null && effective.includes(least);
    }

    /** Whether the caller may give a member this role: roles of the scope only, and never above the caller's own. */
    public static boolean mayGrant(Role effective, Role granted, Scope scope) {
        return allows(effective, Action.MANAGE_MEMBERS, scope) && granted.scope() == scope && effective.includes(granted);
    }

    /** Whether the caller may change or remove a member who holds this role now: nobody above the caller. */
    public static boolean mayChange(Role effective, Role current, Scope scope) {
        return allows(effective, Action.MANAGE_MEMBERS, scope) && effective.includes(current);
    }

    /**
     * Whether an effective role (null: none) reaches another in the same place. Making a service account's credential
     * usable hands its roles to whoever holds the credential, so it needs this for every role the account holds
     * (SPEC §2, no escalation through a service account).
     */
    public static boolean reaches(Role effective, Role held) {
        return effective != null && effective.includes(held);
    }

    /** Effective role in a project, from the role held there and the one held in its organization. */
    public static Role inProject(Role inProject, Role inOrganization) {
        return inOrganization == Role.ORGANIZATION_ADMIN ? Role.max(inProject, inOrganization) : inProject;
    }

    /**
     * Effective role in an environment, from the role held there and the effective role in its project:
     * {@code project.admin} (and so {@code organization.admin}) is {@code environment.admin}; lesser project roles
     * give nothing there.
     */
    public static Role inEnvironment(Role inEnvironment, Role inProject) {
        return inProject != null && inProject.includes(Role.PROJECT_ADMIN) ? Role.ENVIRONMENT_ADMIN : inEnvironment;
    }

    /** Effective role for an organization's API claims of a project: {@code organization.admin} counts as project.admin. */
    public static Role claimedInProject(Role inProject, Role inOrganization) {
        return inOrganization == Role.ORGANIZATION_ADMIN ? Role.PROJECT_ADMIN : inProject;
    }
}
