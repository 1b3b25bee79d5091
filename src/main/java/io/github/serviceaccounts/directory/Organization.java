package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Scope;
import java.time.Instant;
import org.keycloak.models.GroupModel;

public record Organization(String id, String name, String description, Instant createdAt) implements OrgUnit {

    static Organization of(GroupModel group, String description) {
        return new Organization(group.getId(), group.getName(), description,
                GroupLayout.createdAt(group.getFirstAttribute(GroupLayout.CREATED_AT)));
    }

    @Override
    public Scope scope() {
        return Scope.ORGANIZATION;
    }
}
