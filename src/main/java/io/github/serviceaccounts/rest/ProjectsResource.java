package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.activity.UnusedReport;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.keycloak.events.admin.OperationType;

/** {@code /projects/{projectId}}: one project, its members, environments, service accounts and unused report. */
@Produces(MediaType.APPLICATION_JSON)
public final class ProjectsResource {

    private static final Set<String> FIELDS = Set.of("name", "description");
    private static final int UNUSED_DAYS = 90;
    private static final int MAX_UNUSED_DAYS = 3650;

    private final Context context;
    private final Guard guard;

    ProjectsResource(Context context) {
        this.context = context;
        this.guard = context.guard();
    }

    @GET
    @Path("{projectId}")
    public ProjectRepresentation get(@PathParam("projectId") String projectId) {
        return ProjectRepresentation.of(guard.project(projectId, Action.READ));
    }

    @PUT
    @Path("{projectId}")
    public ProjectRepresentation update(@PathParam("projectId") String projectId, String body) {
        Project project = guard.project(projectId, Action.UPDATE);
        Body json = context.body(body, FIELDS);
        String name = json.has("name") ? Texts.name("name", json.text("name")) : null;
        String description = Texts.description("description", json.text("description"));
        Project changed = (Project) context.directory().update(project, name, description);
        if (name != null) {
            context.accounts().projectRenamed(changed);
        }
        ProjectRepresentation updated = ProjectRepresentation.of(changed);
        context.events().record(OperationType.UPDATE, updated, "projects", projectId);
        return updated;
    }

    @DELETE
    @Path("{projectId}")
    public Response delete(@PathParam("projectId") String projectId) {
        Project project = guard.project(projectId, Action.DELETE);
        context.accounts().requireNoneOwnedBy(project);
        // Revoke first: once a group is removed, Keycloak's cache serves clients uncached for the rest of the
        // transaction, and a change made through such a client would not reach the cache.
        context.accounts().revokeTokensOfClients(context.directory().clientsWithRolesIn(project));
        context.directory().delete(project);
        context.events().record(OperationType.DELETE, ProjectRepresentation.of(project), "projects",
                projectId);
        return Response.noContent().build();
    }

    @Path("{projectId}/service-accounts")
    public ProjectServiceAccountsResource serviceAccounts(@PathParam("projectId") String projectId) {
        return new ProjectServiceAccountsResource(context, guard.project(projectId, Action.READ));
    }

    /**
     * The project's accounts, keys and federated credentials not used in {@code days} days (90 by default, 0 to 3650),
     * never-used ones counted from their creation.
     */
    @GET
    @Path("{projectId}/unused")
    public UnusedRepresentation unused(@PathParam("projectId") String projectId, @QueryParam("days") String days) {
        Project project = guard.project(projectId, Action.READ);
        int since = Paging.number("days", days, UNUSED_DAYS, MAX_UNUSED_DAYS);
        return UnusedRepresentation.of(new UnusedReport(context.session(), context.accounts(), context.keys(),
                context.federation()).of(project, Instant.now().minus(Duration.ofDays(since))));
    }

    /** The project's environments, for every reader of the project. */
    @GET
    @Path("{projectId}/environments")
    public List<EnvironmentRepresentation> environments(@PathParam("projectId") String projectId,
            @QueryParam("first") String first, @QueryParam("max") String max, @QueryParam("search") String search) {
        Project project = guard.project(projectId, Action.READ);
        return context.directory().environments(project, Paging.page(first, max, search)).stream()
                .map(EnvironmentRepresentation::of).toList();
    }

    @POST
    @Path("{projectId}/environments")
    public Response createEnvironment(@PathParam("projectId") String projectId, String body) {
        Project project = guard.project(projectId, Action.MANAGE_ENVIRONMENTS);
        Body json = context.body(body, EnvironmentsResource.FIELDS);
        String name = Texts.name("name", json.requiredText("name"));
        String description = Texts.description("description", json.text("description"));
        EnvironmentRepresentation created = EnvironmentRepresentation.of(
                context.directory().createEnvironment(project, name, description));
        context.events().record(OperationType.CREATE, created, "environments", created.id());
        return context.created(context.iamUri("environments", created.id()), created);
    }

    @Path("{projectId}/members")
    public MembersResource members(@PathParam("projectId") String projectId) {
        return new MembersResource(context, guard.project(projectId, Action.READ), "projects");
    }

    // Paths and methods the API does not have answer in its own error shape (see Fallback).

    @Path("")
    public Fallback noList() {
        return Fallback.notFound();
    }

    @Path("{projectId}")
    public Fallback otherMethodsOfOne() {
        return Fallback.methodNotAllowed();
    }

    @Path("{projectId}/environments")
    public Fallback otherMethodsOfEnvironments() {
        return Fallback.methodNotAllowed();
    }

    @Path("{projectId}/unused")
    public Fallback otherMethodsOfUnused() {
        return Fallback.methodNotAllowed();
    }

    @Path("{projectId}/{rest: .+}")
    public Fallback unknownPath() {
        return Fallback.notFound();
    }
}
