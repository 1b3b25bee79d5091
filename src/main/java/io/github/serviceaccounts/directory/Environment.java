package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Scope;
import java.time.Instant;
import org.keycloak.models.GroupModel;

/**
 * A stage inside one project ({@code dev}, {@code production}, …): the third level of SPEC §9. It names its project and
 * organization too, for its members who may not open them.
 */
public record Environment(String id, String name, String description, String projectId, String projectName,
        String organizationId, String organizationName, Instant createdAt) implements OrgUnit {

    static Environment of(GroupModel group, String description) {
        return of(group.getId(), group.getName(), group.getParent(), description,
                group.getFirstAttribute(GroupLayout.CREATED_AT));
    }

    /** An environment of this project group (whose parent is the organization's). */
    static Environment of(String id, String name, GroupModel project, String description, String createdAt) {
        GroupModel organization = project.getParent();
        return new Environment(id, name, description, project.getId(), project.getName(), organization.getId(),
                organization.getName(), GroupLayout.createdAt(createdAt));
    }

    @Override
    public Scope scope() {
        return Scope.ENVIRONMENT;
    }
}
