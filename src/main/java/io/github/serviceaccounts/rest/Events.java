package io.github.serviceaccounts.rest;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Records every change as a Keycloak admin event with the changed resource's representation. The resource type is
 * Keycloak's {@code CUSTOM} (the admin-events API filters only on its own types) and the resource path tells what
 * changed, e.g. {@code iam/projects/<id>/members/<userId>}; filter with {@code resourcePath=iam/projects/*}.
 */
final class Events {

    private final AdminEventBuilder builder;

    Events(AdminEventBuilder builder) {
        this.builder = builder;
    }

    void record(OperationType operation, Object representation, String... path) {
        String[] full = new String[path.length + 1];
        full[0] = IamResourceProviderFactory.PROVIDER_ID;
        System.arraycopy(path, 0, full, 1, path.length);
        builder.operation(operation).resource(ResourceType.CUSTOM).resourcePath(full).representation(representation)
                .success();
    }
}
