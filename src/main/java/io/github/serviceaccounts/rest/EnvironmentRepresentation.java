package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.serviceaccounts.directory.Environment;

@JsonInclude(JsonInclude.Include.ALWAYS)
public record EnvironmentRepresentation(String id, String name, String description, String projectId,
        String projectName, String organizationId, String organizationName, String createdAt) {

    static EnvironmentRepresentation of(Environment environment) {
        return new EnvironmentRepresentation(environment.id(), environment.name(), environment.description(),
                environment.projectId(), environment.projectName(), environment.organizationId(),
                environment.organizationName(), Instants.text(environment.createdAt()));
    }
}
