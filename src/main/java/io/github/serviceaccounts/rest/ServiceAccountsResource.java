package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.accounts.AccountNames;
import io.github.serviceaccounts.accounts.ServiceAccount;
import io.github.serviceaccounts.directory.Memberships;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.keycloak.events.admin.OperationType;

/** {@code /service-accounts/{saId}}: one service account, read by its project's users, changed by its developers. */
@Produces(MediaType.APPLICATION_JSON)
public final class ServiceAccountsResource {

    private static final Set<String> FIELDS = Set.of("name", "description", "enabled");

    private final Context context;
    private final Guard guard;

    ServiceAccountsResource(Context context) {
        this.context = context;
        this.guard = context.guard();
    }

    @GET
    @Path("{saId}")
    public ServiceAccountRepresentation get(@PathParam("saId") String saId) {
        return ServiceAccountRepresentation.of(guard.account(saId, Action.READ));
    }

    /** Renames, describes, disables or enables the account; a disabled account gets no tokens. */
    @PUT
    @Path("{saId}")
    public ServiceAccountRepresentation update(@PathParam("saId") String saId, String body) {
        ServiceAccount account = guard.account(saId, Action.MANAGE_SERVICE_ACCOUNTS);
        Body json = Body.parse(body, FIELDS);
        String name = json.has("name") ? accountName(json.text("name")) : null;
        String description = Texts.description("description", json.text("description"));
        Boolean enabled = json.bool("enabled");
        ServiceAccountRepresentation updated = ServiceAccountRepresentation.of(
                context.accounts().update(account, name, description, enabled));
        context.events().record(OperationType.UPDATE, updated, "service-accounts", saId);
        return updated;
    }

    @DELETE
    @Path("{saId}")
    public Response delete(@PathParam("saId") String saId) {
        ServiceAccount account = guard.account(saId, Action.MANAGE_SERVICE_ACCOUNTS);
        context.accounts().delete(account);
        context.events().record(OperationType.DELETE, ServiceAccountRepresentation.of(account), "service-accounts", saId);
        return Response.noContent().build();
    }

    /** The organizations and projects the account is a member of, with its role in each. */
    @GET
    @Path("{saId}/memberships")
    public MembershipsRepresentation memberships(@PathParam("saId") String saId) {
        ServiceAccount account = guard.account(saId, Action.READ);
        Memberships memberships = context.directory().directMemberships(context.accounts().user(account));
        List<MembershipsRepresentation.Entry> organizations = memberships.organizations().entrySet().stream()
                .flatMap(e -> context.directory().organization(e.getKey()).stream()
                        .map(o -> new MembershipsRepresentation.Entry(o.id(), o.name(), null, e.getValue().id())))
                .sorted(Comparator.comparing(MembershipsRepresentation.Entry::name))
                .toList();
        List<MembershipsRepresentation.Entry> projects = memberships.projects().entrySet().stream()
                .flatMap(e -> context.directory().project(e.getKey()).stream()
                        .map(p -> new MembershipsRepresentation.Entry(p.id(), p.name(), p.organizationId(),
                                e.getValue().id())))
                .sorted(Comparator.comparing(MembershipsRepresentation.Entry::name))
                .toList();
        return new MembershipsRepresentation(organizations, projects);
    }

    @Path("{saId}/keys")
    public KeysResource keys(@PathParam("saId") String saId) {
        return new KeysResource(context, guard.account(saId, Action.READ));
    }

    static String accountName(String name) {
        if (!AccountNames.isValid(name)) {
            throw Problems.invalid("name", "must be " + AccountNames.RULE);
        }
        return name;
    }
}
