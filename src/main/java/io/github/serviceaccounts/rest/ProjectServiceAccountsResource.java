package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.activity.LastUses;
import io.github.serviceaccounts.directory.Project;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.keycloak.events.admin.OperationType;

/** {@code /projects/{projectId}/service-accounts}: the accounts a project owns. */
@Produces(MediaType.APPLICATION_JSON)
public final class ProjectServiceAccountsResource {

    private static final Set<String> FIELDS = Set.of("name", "description");

    private final Context context;
    private final Guard guard;
    private final Project project;

    ProjectServiceAccountsResource(Context context, Project project) {
        this.context = context;
        this.guard = context.guard();
        this.project = project;
    }

    @GET
    public List<ServiceAccountRepresentation> list(@QueryParam("first") String first, @QueryParam("max") String max,
            @QueryParam("search") String search) {
        guard.require(project, Action.READ);
        return ServiceAccountRepresentation.of(context.accounts().ofProject(project, Paging.page(first, max, search)),
                new LastUses(context.session()));
    }

    /** Creates an account owned by the project. It starts with no membership, not even in this project. */
    @POST
    public Response create(String body) {
        guard.require(project, Action.MANAGE_SERVICE_ACCOUNTS);
        Body json = context.body(body, FIELDS);
        String name = ServiceAccountsResource.accountName(json.requiredText("name"));
        String description = Texts.description("description", json.text("description"));
        ServiceAccountRepresentation created = ServiceAccountRepresentation.of(
                context.accounts().create(project, name, description), null);
        context.events().record(OperationType.CREATE, created, "service-accounts", created.id());
        return context.created(context.iamUri("service-accounts", created.id()), created);
    }

    // Paths and methods the API does not have answer in its own error shape (see Fallback).

    @Path("")
    public Fallback otherMethodsOfList() {
        return Fallback.methodNotAllowed();
    }

    @Path("{rest: .+}")
    public Fallback unknownPath() {
        return Fallback.notFound();
    }
}
