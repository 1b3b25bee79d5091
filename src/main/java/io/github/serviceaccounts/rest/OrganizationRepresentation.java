package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.serviceaccounts.directory.Organization;

@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrganizationRepresentation(String id, String name, String description, String createdAt) {

    static OrganizationRepresentation of(Organization organization) {
        return new OrganizationRepresentation(organization.id(), organization.name(), organization.description(),
                Instants.text(organization.createdAt()));
    }
}
