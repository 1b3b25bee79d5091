package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.directory.Organization;
import io.github.serviceaccounts.directory.Page;
import io.github.serviceaccounts.directory.Project;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.keycloak.events.admin.OperationType;

/** {@code /organizations}: organizations and the projects in them. */
@Produces(MediaType.APPLICATION_JSON)
public final class OrganizationsResource {

    private static final Set<String> FIELDS = Set.of("name", "description");

    private final Context context;
    private final Guard guard;

    OrganizationsResource(Context context) {
        this.context = context;
        this.guard = context.guard();
    }

    /** The organizations the caller may read: all of them for realm administrators, else those it is a member of. */
    @GET
    public List<OrganizationRepresentation> list(@QueryParam("first") String first, @QueryParam("max") String max,
            @QueryParam("search") String search) {
        boolean all = guard.readsEverything();
        Page page = Paging.page(first, max, search);
        List<Organization> found = all ? context.directory().organizations(page)
                : context.directory().organizationsOf(guard.user(), page);
        return found.stream().map(OrganizationRepresentation::of).toList();
    }

    @POST
    public Response create(String body) {
        guard.require(Action.CREATE_ORGANIZATION);
        Body json = context.body(body, FIELDS);
        String name = Texts.name("name", json.requiredText("name"));
        String description = Texts.description("description", json.text("description"));
        OrganizationRepresentation created = OrganizationRepresentation.of(
                context.directory().createOrganization(name, description));
        context.events().record(OperationType.CREATE, created, "organizations", created.id());
        return context.created(created.id(), created);
    }

    @GET
    @Path("{orgId}")
    public OrganizationRepresentation get(@PathParam("orgId") String orgId) {
        return OrganizationRepresentation.of(guard.organization(orgId, Action.READ));
    }

    @PUT
    @Path("{orgId}")
    public OrganizationRepresentation update(@PathParam("orgId") String orgId, String body) {
        Organization organization = guard.organization(orgId, Action.UPDATE);
        Body json = context.body(body, FIELDS);
        String name = json.has("name") ? Texts.name("name", json.text("name")) : null;
        String description = Texts.description("description", json.text("description"));
        OrganizationRepresentation updated = OrganizationRepresentation.of(
                (Organization) context.directory().update(organization, name, description));
        context.events().record(OperationType.UPDATE, updated, "organizations", orgId);
        return updated;
    }

    @DELETE
    @Path("{orgId}")
    public Response delete(@PathParam("orgId") String orgId) {
        Organization organization = guard.organization(orgId, Action.DELETE);
        context.accounts().requireNoneOwnedBy(organization);
        // Revoke first: once a group is removed, Keycloak's cache serves clients uncached for the rest of the
        // transaction, and a change made through such a client would not reach the cache.
        context.accounts().revokeTokensOfClients(context.directory().clientsWithRolesIn(organization));
        context.directory().delete(organization);
        context.events().record(OperationType.DELETE, OrganizationRepresentation.of(organization),
                "organizations", orgId);
        return Response.noContent().build();
    }

    /** The organization's projects the caller may read: all of them for its admins, else those it is a member of. */
    @GET
    @Path("{orgId}/projects")
    public List<ProjectRepresentation> projects(@PathParam("orgId") String orgId, @QueryParam("first") String first,
            @QueryParam("max") String max, @QueryParam("search") String search) {
        Organization organization = guard.organization(orgId, Action.READ);
        Page page = Paging.page(first, max, search);
        List<Project> found = guard.seesAllProjectsOf(organization)
                ? context.directory().projects(organization, page)
                : context.directory().projectsOf(organization, guard.user(), page);
        return found.stream().map(ProjectRepresentation::of).toList();
    }

    @POST
    @Path("{orgId}/projects")
    public Response createProject(@PathParam("orgId") String orgId, String body) {
        Organization organization = guard.organization(orgId, Action.CREATE_PROJECT);
        Body json = context.body(body, FIELDS);
        String name = Texts.name("name", json.requiredText("name"));
        String description = Texts.description("description", json.text("description"));
        ProjectRepresentation created = ProjectRepresentation.of(
                context.directory().createProject(organization, name, description));
        context.events().record(OperationType.CREATE, created, "projects", created.id());
        return context.created(created.id(), created);
    }

    @Path("{orgId}/members")
    public MembersResource members(@PathParam("orgId") String orgId) {
        return new MembersResource(context, guard.organization(orgId, Action.READ), "organizations");
    }

    // Paths and methods the API does not have answer in its own error shape (see Fallback).

    @Path("")
    public Fallback otherMethodsOfList() {
        return Fallback.methodNotAllowed();
    }

    @Path("{orgId}")
    public Fallback otherMethodsOfOne() {
        return Fallback.methodNotAllowed();
    }

    @Path("{orgId}/projects")
    public Fallback otherMethodsOfProjects() {
        return Fallback.methodNotAllowed();
    }

    @Path("{orgId}/{rest: .+}")
    public Fallback unknownPath() {
        return Fallback.notFound();
    }
}
