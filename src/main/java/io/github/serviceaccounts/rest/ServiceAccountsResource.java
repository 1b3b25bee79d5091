package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.activity.LastUses;
import io.github.serviceaccounts.accounts.AccountNames;
import io.github.serviceaccounts.accounts.AssertionLifetime;
import io.github.serviceaccounts.accounts.ServiceAccount;
import io.github.serviceaccounts.accounts.ServiceAccounts;
import io.github.serviceaccounts.directory.Memberships;
import io.github.serviceaccounts.directory.Project;
import io.github.serviceaccounts.directory.RoleReader;
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

    private static final Set<String> FIELDS = Set.of("name", "description", "enabled", "assertionLifetime", "projectId");

    private final Context context;
    private final Guard guard;

    ServiceAccountsResource(Context context) {
        this.context = context;
        this.guard = context.guard();
    }

    @GET
    @Path("{saId}")
    public ServiceAccountRepresentation get(@PathParam("saId") String saId) {
        ServiceAccount account = guard.account(saId, Action.READ);
        return ServiceAccountRepresentation.of(account, new LastUses(context.session()).of(account.id()));
    }

    /**
     * Renames, describes, disables or enables the account, sets its assertion lifetime, or moves it to another project
     * of its organization ({@code projectId}: needs {@code project.admin} of both projects). A disabled account gets no
     * tokens; enabling one is making its keys usable again, so it needs a role at least the account's own everywhere.
     */
    @PUT
    @Path("{saId}")
    public ServiceAccountRepresentation update(@PathParam("saId") String saId, String body) {
        ServiceAccount account = guard.account(saId, Action.MANAGE_SERVICE_ACCOUNTS);
        Body json = context.body(body, FIELDS);
        String name = json.has("name") ? accountName(json.text("name")) : null;
        String description = Texts.description("description", json.text("description"));
        Boolean enabled = json.bool("enabled");
        Integer lifetime = json.integer("assertionLifetime");
        if (lifetime != null && !AssertionLifetime.isValid(lifetime)) {
            throw Problems.invalid("assertionLifetime", "must be a whole number of seconds from "
                    + AssertionLifetime.MIN_SECONDS + " to " + AssertionLifetime.MAX_SECONDS);
        }
        Project target = json.has("projectId") ? moveTarget(account, json.text("projectId")) : null;
        context.lock(account);
        if (Boolean.TRUE.equals(enabled) && !account.enabled()) {
            guard.requireNoEscalation(account);
        }
        ServiceAccount updated = accounts().update(account,
                new ServiceAccounts.Change(name, description, enabled, lifetime),
                guard.caller().mayRemoveLastOrganizationAdmin());
        if (target != null) {
            updated = accounts().move(updated, target);
        }
        ServiceAccountRepresentation representation = ServiceAccountRepresentation.of(updated,
                new LastUses(context.session()).of(updated.id()));
        context.events().record(OperationType.UPDATE, representation, "service-accounts", saId);
        return representation;
    }

    /** Deleting an account that is the last active admin of an organization is refused (409 last_organization_admin). */
    @DELETE
    @Path("{saId}")
    public Response delete(@PathParam("saId") String saId) {
        ServiceAccount account = guard.account(saId, Action.MANAGE_SERVICE_ACCOUNTS);
        if (!accounts().delete(account, guard.caller().mayRemoveLastOrganizationAdmin())) {
            throw Problems.notFound();
        }
        context.events().record(OperationType.DELETE, ServiceAccountRepresentation.of(account, null),
                "service-accounts", saId);
        return Response.noContent().build();
    }

    /** The organizations and projects the account is a member of, with its role in each. */
    @GET
    @Path("{saId}/memberships")
    public MembershipsRepresentation memberships(@PathParam("saId") String saId) {
        ServiceAccount account = guard.account(saId, Action.READ);
        Memberships memberships = new RoleReader(context.session(), context.realm()).current(accounts().user(account));
        List<MembershipsRepresentation.Entry> organizations = memberships.organizations().entrySet().stream()
                .flatMap(e -> context.directory().organization(e.getKey()).stream()
                        .map(o -> new MembershipsRepresentation.Entry(o.id(), o.name(), null, null, e.getValue().id())))
                .sorted(Comparator.comparing(MembershipsRepresentation.Entry::name))
                .toList();
        List<MembershipsRepresentation.Entry> projects = memberships.projects().entrySet().stream()
                .flatMap(e -> context.directory().project(e.getKey()).stream()
                        .map(p -> new MembershipsRepresentation.Entry(p.id(), p.name(), p.organizationId(), null,
                                e.getValue().id())))
                .sorted(Comparator.comparing(MembershipsRepresentation.Entry::name))
                .toList();
        List<MembershipsRepresentation.Entry> environments = memberships.environments().entrySet().stream()
                .flatMap(e -> context.directory().environment(e.getKey()).stream()
                        .map(v -> new MembershipsRepresentation.Entry(v.id(), v.name(), v.organizationId(),
                                v.projectId(), e.getValue().id())))
                .sorted(Comparator.comparing(MembershipsRepresentation.Entry::name))
                .toList();
        return new MembershipsRepresentation(organizations, projects, environments);
    }

    @Path("{saId}/activity")
    public AccountActivityResource activity(@PathParam("saId") String saId) {
        return new AccountActivityResource(context, guard.account(saId, Action.READ));
    }

    @Path("{saId}/keys")
    public KeysResource keys(@PathParam("saId") String saId) {
        return new KeysResource(context, guard.account(saId, Action.READ));
    }

    @Path("{saId}/federated-credentials")
    public FederatedCredentialsResource federatedCredentials(@PathParam("saId") String saId) {
        return new FederatedCredentialsResource(context, guard.account(saId, Action.READ));
    }

    static String accountName(String name) {
        if (!AccountNames.isValid(name)) {
            throw Problems.invalid("name", "must be " + AccountNames.RULE);
        }
        return name;
    }

    /**
     * The project an account moves to: in the same organization, and the caller is {@code project.admin} (or more) of
     * both the current owner and the target. Null when it stays where it is.
     */
    private Project moveTarget(ServiceAccount account, String projectId) {
        if (projectId == null || projectId.equals(account.projectId())) {
            return null;
        }
        guard.project(account.projectId(), Action.UPDATE);
        Project target = context.directory().project(projectId).orElseThrow(
                () -> Problems.invalid("projectId", "is not a project you may see"));
        if (!guard.caller().isRealmAdmin() && !guard.caller().maySee(guard.effectiveIn(target), target.scope())) {
            throw Problems.invalid("projectId", "is not a project you may see");
        }
        Project current = context.directory().project(account.projectId()).orElseThrow(Problems::notFound);
        if (!target.organizationId().equals(current.organizationId())) {
            throw Problems.invalid("projectId", "must be a project of the same organization");
        }
        guard.require(target, Action.UPDATE);
        return target;
    }

    private ServiceAccounts accounts() {
        return context.accounts();
    }

    // Paths and methods the API does not have answer in its own error shape (see Fallback).

    @Path("")
    public Fallback noList() {
        return Fallback.notFound();
    }

    @Path("{saId}")
    public Fallback otherMethodsOfOne() {
        return Fallback.methodNotAllowed();
    }

    @Path("{saId}/memberships")
    public Fallback otherMethodsOfMemberships() {
        return Fallback.methodNotAllowed();
    }

    @Path("{saId}/{rest: .+}")
    public Fallback unknownPath() {
        return Fallback.notFound();
    }
}
