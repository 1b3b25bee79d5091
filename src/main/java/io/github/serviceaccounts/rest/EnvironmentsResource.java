package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.directory.Environment;
import io.github.serviceaccounts.directory.Page;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/**
 * {@code /environments/{envId}}: one environment of a project and its members (SPEC §9). Readers are its members and
 * the project's members; renaming and deleting it is for the project's admins; its members are managed by its
 * {@code environment.admin}s, which every {@code project.admin} of the project is.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class EnvironmentsResource {

    static final Set<String> FIELDS = Set.of("name", "description");

    private final Context context;
    private final Guard guard;

    EnvironmentsResource(Context context) {
        this.context = context;
        this.guard = context.guard();
    }

    /**
     * The environments the caller may open from a list of its own: those it holds a role in, or every one for realm
     * administrators and viewers. Project readers find the others under their projects.
     */
    @GET
    public List<EnvironmentRepresentation> list(@QueryParam("first") String first, @QueryParam("max") String max,
            @QueryParam("search") String search) {
        Page page = Paging.page(first, max, search);
        List<Environment> found = guard.readsEverything() ? context.directory().environments(page)
                : context.directory().environmentsOf(guard.user(), page);
        return found.stream().map(EnvironmentRepresentation::of).toList();
    }

    @GET
    @Path("{envId}")
    public EnvironmentRepresentation get(@PathParam("envId") String envId) {
        return EnvironmentRepresentation.of(guard.environment(envId));
    }

    @PUT
    @Path("{envId}")
    public EnvironmentRepresentation update(@PathParam("envId") String envId, String body) {
        Environment environment = guard.environment(envId);
        guard.requireInProjectOf(environment, Action.MANAGE_ENVIRONMENTS);
        Body json = context.body(body, FIELDS);
        String name = json.has("name") ? Texts.name("name", json.text("name")) : null;
        String description = Texts.description("description", json.text("description"));
        EnvironmentRepresentation updated = EnvironmentRepresentation.of(
                (Environment) context.directory().update(environment, name, description));
        context.events().record(OperationType.UPDATE, updated, "environments", envId);
        return updated;
    }

    /** Deletes the environment and every membership in it; the tokens of accounts that held a role there end. */
    @DELETE
    @Path("{envId}")
    public Response delete(@PathParam("envId") String envId) {
        Environment environment = guard.environment(envId);
        guard.requireInProjectOf(environment, Action.MANAGE_ENVIRONMENTS);
        // Revoke first, as for projects: after the group is removed Keycloak serves its clients uncached.
        context.accounts().revokeTokensOfClients(context.directory().clientsWithRolesIn(environment));
        context.directory().delete(environment);
        context.events().record(OperationType.DELETE, EnvironmentRepresentation.of(environment), "environments",
                envId);
        return Response.noContent().build();
    }

    @Path("{envId}/members")
    public MembersResource members(@PathParam("envId") String envId) {
        return new MembersResource(context, guard.environment(envId), "environments");
    }

    // Paths and methods the API does not have answer in its own error shape (see Fallback).

    @Path("")
    public Fallback otherMethodsOfList() {
        return Fallback.methodNotAllowed();
    }

    @Path("{envId}")
    public Fallback otherMethodsOfOne() {
        return Fallback.methodNotAllowed();
    }

    @Path("{envId}/{rest: .+}")
    public Fallback unknownPath() {
        return Fallback.notFound();
    }
}
