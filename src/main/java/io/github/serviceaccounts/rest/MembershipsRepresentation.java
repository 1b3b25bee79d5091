package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Where a service account is a member, with its role in each place. */
public record MembershipsRepresentation(List<Entry> organizations, List<Entry> projects, List<Entry> environments) {

    /** One membership; {@code organizationId} is set for projects and environments, {@code projectId} for environments. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String id, String name, String organizationId, String projectId, String role) {
    }
}
