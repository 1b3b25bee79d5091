package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Rules;
import java.util.Map;

/**
 * The roles one user or service account holds directly: by organization id, by project id, and each of those
 * projects' organization. Effective roles follow from them by the rules of SPEC §2.
 */
public record Memberships(Map<String, Role> organizations, Map<String, Role> projects,
        Map<String, String> organizationOfProject) {

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
}
