package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Scope;
import java.time.Instant;
import org.keycloak.models.GroupModel;

/** A stage inside one project ({@code dev}, {@code production}, …): the third level of SPEC §9. */
public record Environment(String id, String name, String description, String projectId, String organizationId,
        Instant createdAt) implements OrgUnit {

    static Environment of(GroupModel group, String description) {
        return new Environment(group.getId(), group.getName(), description, group.getParentId(),
                group.getParent().getParentId(), GroupLayout.createdAt(group.getFirstAttribute(GroupLayout.CREATED_AT)));
    }

    @Override
    public Scope scope() {
        return Scope.ENVIRONMENT;
    }
}
