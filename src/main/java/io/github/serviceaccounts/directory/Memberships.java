package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Rules;
import io.github.serviceaccounts.access.Scope;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The roles one user or service account holds directly: by organization id, by project id, and each of those
 * projects' organization. Effective roles follow from them by the rules of SPEC §2.
 */
public record Memberships(Map<String, Role> organizations, Map<String, Role> projects,
        Map<String, String> organizationOfProject) {

    /** A role held in one organization or project. */
    public record Held(Scope scope, String unitId, Role role) {
    }

    public static Memberships none() {
        return new Memberships(Map.of(), Map.of(), Map.of());
    }

    /** From the role groups a user is in; two roles in one unit count as the higher one. */
    static Memberships of(Iterable<DirectoryQueries.MembershipRow> rows) {
        Map<String, Role> organizations = new HashMap<>();
        Map<String, Role> projects = new HashMap<>();
        Map<String, String> organizationOfProject = new HashMap<>();
        for (DirectoryQueries.MembershipRow row : rows) {
            if (row.role().scope() == Scope.ORGANIZATION) {
                organizations.merge(row.unitId(), row.role(), Role::max);
            } else {
                projects.merge(row.unitId(), row.role(), Role::max);
                organizationOfProject.put(row.unitId(), row.unitParentId());
            }
        }
        return new Memberships(organizations, projects, organizationOfProject);
    }

    /** In a project: its own role there, or organization.admin of the project's organization. */
    public Role effectiveIn(Project project) {
        return Rules.inProject(projects.get(project.id()), organizations.get(project.organizationId()));
    }

    /** In an organization: its organization role, or the strongest role it holds in one of the organization's projects. */
    public Role effectiveIn(Organization organization) {
        Role effective = organizations.get(organization.id());
        for (Map.Entry<String, Role> project : projects.entrySet()) {
            if (organization.id().equals(organizationOfProject.get(project.getKey()))) {
                effective = Role.max(effective, project.getValue());
            }
        }
        return effective;
    }

    public Role effectiveIn(OrgUnit unit) {
        return unit instanceof Project project ? effectiveIn(project) : effectiveIn((Organization) unit);
    }

    /**
     * The first role held here (organizations first, then projects, each by id) that the other memberships do not
     * reach in the same place: where someone holding only {@code other} would gain rights by acting as this holder.
     */
    public Optional<Held> firstAbove(Memberships other) {
        Stream<Held> inOrganizations = organizations.entrySet().stream()
                .map(e -> new Held(Scope.ORGANIZATION, e.getKey(), e.getValue()))
                .filter(held -> !Rules.reaches(other.organizations.get(held.unitId()), held.role()));
        Stream<Held> inProjects = projects.entrySet().stream()
                .map(e -> new Held(Scope.PROJECT, e.getKey(), e.getValue()))
                .filter(held -> !Rules.reaches(Rules.inProject(other.projects.get(held.unitId()),
                        other.organizations.get(organizationOfProject.get(held.unitId()))), held.role()));
        return Stream.concat(inOrganizations.sorted(Comparator.comparing(Held::unitId)),
                inProjects.sorted(Comparator.comparing(Held::unitId))).findFirst();
    }
}
