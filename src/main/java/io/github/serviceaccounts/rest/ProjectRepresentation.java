package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.serviceaccounts.directory.Project;

@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProjectRepresentation(String id, String name, String description, String organizationId,
        String createdAt) {

    static ProjectRepresentation of(Project project) {
        return new ProjectRepresentation(project.id(), project.name(), project.description(), project.organizationId(),
                Instants.text(project.createdAt()));
    }
}
