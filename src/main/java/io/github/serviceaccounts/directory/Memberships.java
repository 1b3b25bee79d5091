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
 * The roles one user or service account holds directly: by organization id, by project id and by environment id,
 * with each environment's project and each of those projects' organization. Effective roles follow from them by the
 * rules of SPEC §2 and §9.
 */
public record Memberships(Map<String, Role> organizations, Map<String, Role> projects,
        Map<String, Role> environments, Map<String, String> organizationOfProject,
        Map<String, String> projectOfEnvironment) {

    /** A role held in one organization, project or environment. */
    public record Held(Scope scope, String unitId, Role role) {
    }

    public static Memberships none() {
        return new Memberships(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** From the role groups a user is in; two roles in one unit count as the higher one. */
    static Memberships of(Iterable<DirectoryQueries.MembershipRow> rows,
            Iterable<DirectoryQueries.EnvironmentRow> environmentRows) {
        Map<String, Role> organizations = new HashMap<>();
        Map<String, Role> projects = new HashMap<>();
        Map<String, Role> environments = new HashMap<>();
        Map<String, String> organizationOfProject = new HashMap<>();
        Map<String, String> projectOfEnvironment = new HashMap<>();
        for (DirectoryQueries.MembershipRow row : rows) {
            if (row.role().scope() == Scope.ORGANIZATION) {
                organizations.merge(row.unitId(), row.role(), Role::max);
            } else {
                projects.merge(row.unitId(), row.role(), Role::max);
                organizationOfProject.put(row.unitId(), row.unitParentId());
            }
        }
        for (DirectoryQueries.EnvironmentRow row : environmentRows) {
            environments.merge(row.environmentId(), row.role(), Role::max);
            projectOfEnvironment.put(row.environmentId(), row.projectId());
            organizationOfProject.put(row.projectId(), row.organizationId());
        }
        return new Memberships(organizations, projects, environments, organizationOfProject, projectOfEnvironment);
    }

    /** Whether it holds no role anywhere. */
    public boolean isEmpty() {
        return organizations.isEmpty() && projects.isEmpty() && environments.isEmpty();
    }

    /** In a project: its own role there, or organization.admin of the project's organization. */
    public Role effectiveIn(Project project) {
        return inProject(project.id(), project.organizationId());
    }

    /** In an environment: its own role there, or environment.admin as project.admin of its project. */
    public Role effectiveIn(Environment environment) {
        return Rules.inEnvironment(environments.get(environment.id()), effectiveInProjectOf(environment));
    }

    /** In the environment's project, from the ids the environment carries (no need to load the project). */
    public Role effectiveInProjectOf(Environment environment) {
        return inProject(environment.projectId(), environment.organizationId());
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
        if (unit instanceof Project project) {
            return effectiveIn(project);
        }
        return unit instanceof Environment environment ? effectiveIn(environment) : effectiveIn((Organization) unit);
    }

    /**
     * The first role held here (organizations first, then projects, then environments, each by id) that the other
     * memberships do not reach in the same place: where someone holding only {@code other} would gain rights by acting
     * as this holder.
     */
    public Optional<Held> firstAbove(Memberships other) {
        Stream<Held> inOrganizations = organizations.entrySet().stream()
                .map(e -> new Held(Scope.ORGANIZATION, e.getKey(), e.getValue()))
                .filter(held -> !Rules.reaches(other.organizations.get(held.unitId()), held.role()));
        Stream<Held> inProjects = projects.entrySet().stream()
                .map(e -> new Held(Scope.PROJECT, e.getKey(), e.getValue()))
                .filter(held -> !Rules.reaches(other.inProject(held.unitId(), organizationOfProject.get(held.unitId())),
                        held.role()));
        Stream<Held> inEnvironments = environments.entrySet().stream()
                .map(e -> new Held(Scope.ENVIRONMENT, e.getKey(), e.getValue()))
                .filter(held -> {
                    String project = projectOfEnvironment.get(held.unitId());
                    return !Rules.reaches(Rules.inEnvironment(other.environments.get(held.unitId()),
                            other.inProject(project, organizationOfProject.get(project))), held.role());
                });
        return Stream.of(inOrganizations, inProjects, inEnvironments)
                .flatMap(held -> held.sorted(Comparator.comparing(Held::unitId)))
                .findFirst();
    }

    private Role inProject(String projectId, String organizationId) {
        return Rules.inProject(projects.get(projectId), organizationId == null ? null : organizations.get(organizationId));
    }
}
