package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Scope;
import java.time.Instant;
import org.keycloak.models.GroupModel;

public record Project(String id, String name, String description, String organizationId, Instant createdAt)
        implements OrgUnit {

    static Project of(GroupModel group, String description) {
        return new Project(group.getId(), group.getName(), description, group.getParentId(),
                GroupLayout.createdAt(group.getFirstAttribute(GroupLayout.CREATED_AT)));
    }

    @Override
    public Scope scope() {
        return Scope.PROJECT;
    }
}
