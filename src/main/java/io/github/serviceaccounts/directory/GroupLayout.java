package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Scope;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.GroupModel;

/**
 * How organizations, projects and memberships are laid out as Keycloak groups. Nothing outside this package knows it,
 * and inside it this is the one definition: the model reads here and the SQL reads in {@link DirectoryQueries} test
 * the same marks.
 *
 * <pre>
 * Acme                      iam.kind=organization   (top-level group)
 * ├── organization.admin    iam.kind=role, iam.role=organization.admin
 * └── Website               iam.kind=project        (child of an organization)
 *     ├── project.admin     iam.kind=role, iam.role=project.admin
 *     ├── project.developer iam.kind=role, iam.role=project.developer
 *     ├── project.user      iam.kind=role, iam.role=project.user
 *     └── production        iam.kind=environment    (child of a project)
 *         ├── environment.admin   iam.kind=role, iam.role=environment.admin
 *         └── environment.reader  iam.kind=role, iam.role=environment.reader
 * </pre>
 *
 * A role group is a child of an organization or project marked {@code iam.kind=role}; the role it stands for is its
 * {@code iam.role} attribute (not its name, which an administrator may change), and it counts only where that role
 * belongs (organization roles under organizations, project roles under projects, environment roles under
 * environments). A membership is membership of a
 * role group; someone in two role groups of one unit (possible through Keycloak's own Groups page) holds the higher
 * role. Groups without these marks are not the extension's and never show in its answers or tokens.
 */
final class GroupLayout {

    static final String KIND = "iam.kind";
    static final String ORGANIZATION = "organization";
    static final String PROJECT = "project";
    static final String ENVIRONMENT = "environment";
    static final String ROLE = "role";
    static final String ROLE_NAME = "iam.role";
    static final String CREATED_AT = "iam.createdAt";

    private GroupLayout() {
    }

    static boolean isOrganization(GroupModel group) {
        return group != null && group.getParentId() == null && ORGANIZATION.equals(group.getFirstAttribute(KIND));
    }

    static boolean isProject(GroupModel group) {
        return group != null && group.getParentId() != null && PROJECT.equals(group.getFirstAttribute(KIND))
                && isOrganization(group.getParent());
    }

    static boolean isEnvironment(GroupModel group) {
        return group != null && group.getParentId() != null && ENVIRONMENT.equals(group.getFirstAttribute(KIND))
                && isProject(group.getParent());
    }

    /** The role a group stands for, if it is a role group under a unit where that role belongs. */
    static Optional<Role> roleOf(GroupModel group) {
        if (!ROLE.equals(group.getFirstAttribute(KIND))) {
            return Optional.empty();
        }
        return Role.fromId(group.getFirstAttribute(ROLE_NAME)).filter(role -> switch (role.scope()) {
            case ORGANIZATION -> isOrganization(group.getParent());
            case PROJECT -> isProject(group.getParent());
            case ENVIRONMENT -> isEnvironment(group.getParent());
        });
    }

    static List<Role> rolesOf(Scope scope) {
        return Arrays.stream(Role.values()).filter(role -> role.scope() == scope).toList();
    }

    static List<String> roleNames(Scope scope) {
        return rolesOf(scope).stream().map(Role::id).toList();
    }

    /** Role group names sit beside projects and environments, so none of them may take one. */
    static boolean isReservedName(String name) {
        return Role.fromId(name).isPresent();
    }

    static void markUnit(GroupModel group, String kind, Instant createdAt) {
        group.setSingleAttribute(KIND, kind);
        group.setSingleAttribute(CREATED_AT, createdAt.toString());
    }

    static void markRole(GroupModel group, Role role) {
        group.setSingleAttribute(KIND, ROLE);
        group.setSingleAttribute(ROLE_NAME, role.id());
        group.setDescription("Members with the role " + role.id() + " in " + group.getParent().getName());
    }

    /** The creation time recorded on a unit (ISO-8601), or null where none was recorded or it cannot be read. */
    static Instant createdAt(String recorded) {
        if (recorded == null) {
            return null;
        }
        try {
            return Instant.parse(recorded);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
