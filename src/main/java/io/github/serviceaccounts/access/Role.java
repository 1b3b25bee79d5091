package io.github.serviceaccounts.access;

import java.util.Arrays;
import java.util.Optional;

/** The roles of SPEC §2, from least to most powerful; each includes the rights of the ones before it. */
public enum Role {
    PROJECT_USER("project.user", Scope.PROJECT),
    PROJECT_DEVELOPER("project.developer", Scope.PROJECT),
    PROJECT_ADMIN("project.admin", Scope.PROJECT),
    ORGANIZATION_ADMIN("organization.admin", Scope.ORGANIZATION);

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

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }

    /** The higher of two roles, either of which may be absent. */
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
