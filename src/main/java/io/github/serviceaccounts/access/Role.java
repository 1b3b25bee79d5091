package io.github.serviceaccounts.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of SPEC §2 and §9, from least to most powerful in two ladders: the project and organization roles, each
 * including the ones before it, and the environment roles, which include each other but nothing of the first ladder
 * (a project role counts in an environment only through {@link Rules#inEnvironment}).
 */
public enum Role {
    PROJECT_USER("project.user", Scope.PROJECT),
    PROJECT_DEVELOPER("project.developer", Scope.PROJECT),
    PROJECT_ADMIN("project.admin", Scope.PROJECT),
    ORGANIZATION_ADMIN("organization.admin", Scope.ORGANIZATION),
    ENVIRONMENT_READER("environment.reader", Scope.ENVIRONMENT),
    ENVIRONMENT_ADMIN("environment.admin", Scope.ENVIRONMENT);

    private final String id;
    private final Scope scope;

    Role(String id, Scope scope) {
        this.id = id;
        this.scope = scope;
    }

    /** The name users see and send, e.g. {@code project.admin}. */
    public String id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    /** Whether this role has every right of the other: on the same ladder and not below it. */
    public boolean includes(Role other) {
        return isEnvironmentRole() == other.isEnvironmentRole() && compareTo(other) >= 0;
    }

    private boolean isEnvironmentRole() {
        return scope == Scope.ENVIRONMENT;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }

    /** The higher of two roles of one ladder, either of which may be absent. */
    public static Role max(Role a, Role b) {
        if (a == null) {
            return b;
        }
        return b == null || a.includes(b) ? a : b;
    }

    @Override
    public String toString() {
        return id;
    }
}
