package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Scope;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.GroupModel;

/**
 * How organizations, projects and memberships are laid out as Keycloak groups. Nothing outside this package knows it.
 *
 * <pre>
 * Acme                      iam.kind=organization   (top-level group)
 * ├── organization.admin    iam.kind=role           (its members are the organization's admins)
 * └── Website               iam.kind=project
 *     ├── project.admin     iam.kind=role
 *     ├── project.developer iam.kind=role
 *     └── project.user      iam.kind=role
 * </pre>
 *
 * A membership is membership of exactly one role group under an organization or project. Groups without the
 * {@code iam.kind} mark are not the extension's and never show in its answers.
 */
final class GroupLayout {

    static final String KIND = "iam.kind";
    static final String ORGANIZATION = "organization";
    static final String PROJECT = "project";
    static final String ROLE = "role";
    static final String ROLE_NAME = "iam.role";

    private GroupLayout() {
    }

    static boolean isOrganization(GroupModel group) {
        return group != null && group.getParentId() == null && ORGANIZATION.equals(group.getFirstAttribute(KIND));
    }

    static boolean isProject(GroupModel group) {
        return group != null && group.getParentId() != null && PROJECT.equals(group.getFirstAttribute(KIND));
    }

    /** The role a role group stands for, if the group is one. */
    static Optional<Role> roleOf(GroupModel group) {
        return ROLE.equals(group.getFirstAttribute(KIND)) ? Role.fromId(group.getName()) : Optional.empty();
    }

    static List<Role> rolesOf(Scope scope) {
        return Arrays.stream(Role.values()).filter(role -> role.scope() == scope).toList();
    }

    static List<String> roleNames(Scope scope) {
        return rolesOf(scope).stream().map(Role::id).toList();
    }

    /** Role group names sit beside projects under an organization, so no project may take one. */
    static boolean isReservedName(String name) {
        return Role.fromId(name).isPresent();
    }

    static void mark(GroupModel group, String kind) {
        group.setSingleAttribute(KIND, kind);
    }

    static void markRole(GroupModel group, Role role) {
        mark(group, ROLE);
        group.setSingleAttribute(ROLE_NAME, role.id());
        group.setDescription("Members with the role " + role.id() + " in " + group.getParent().getName());
    }
}
