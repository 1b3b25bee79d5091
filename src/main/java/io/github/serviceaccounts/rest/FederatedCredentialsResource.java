package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.accounts.ServiceAccount;
import io.github.serviceaccounts.federation.FederatedCredential;
import io.github.serviceaccounts.federation.FederatedCredentials;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.events.admin.OperationType;
import org.keycloak.services.Urls;

/**
 * {@code /service-accounts/{saId}/federated-credentials}: which tokens of trusted issuers stand in for a key (SPEC
 * §6), at most 20 per account. Read by the owning project's users, changed by its developers; whatever lets tokens in
 * needs a role at least the account's own everywhere it is a member, as a key does.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class FederatedCredentialsResource {

    private final Context context;
    private final Guard guard;
    private final String accountId;

    FederatedCredentialsResource(Context context, ServiceAccount account) {
        this.context = context;
        this.guard = context.guard();
        this.accountId = account.id();
    }

    @GET
    public List<FederatedCredentialRepresentation> list() {
        ServiceAccount account = guard.account(accountId, Action.READ);
        return credentials().of(account.id()).stream().map(FederatedCredentialRepresentation::of).toList();
    }

    @POST
    public Response create(String body) {
        ServiceAccount account = guard.account(accountId, Action.MANAGE_SERVICE_ACCOUNTS);
        FederatedCredentials.Definition definition = FederatedCredentialBody.definition(
                context.body(body, FederatedCredentialBody.NEW), realmIssuer());
        context.lock(account);
        guard.requireNoEscalation(account);
        FederatedCredentialRepresentation created = FederatedCredentialRepresentation.of(
                credentials().add(account.id(), definition, guard.user().getId()));
        record(OperationType.CREATE, created);
        return context.created(context.iamUri("service-accounts", accountId, "federated-credentials", created.id()),
                created);
    }

    @GET
    @Path("{credentialId}")
    public FederatedCredentialRepresentation get(@PathParam("credentialId") String credentialId) {
        ServiceAccount account = guard.account(accountId, Action.READ);
        return FederatedCredentialRepresentation.of(existing(account, credentialId));
    }

    /**
     * Renames, re-patterns, disables or enables the credential. A change that lets other tokens in (or lets them in
     * again) needs the no-escalation check; one that stops tokens it let in revokes the account's tokens.
     */
    @PUT
    @Path("{credentialId}")
    public FederatedCredentialRepresentation update(@PathParam("credentialId") String credentialId, String body) {
        ServiceAccount account = guard.account(accountId, Action.MANAGE_SERVICE_ACCOUNTS);
        FederatedCredentials.Change change = FederatedCredentialBody.change(
                context.body(body, FederatedCredentialBody.CHANGE));
        context.lock(account);
        FederatedCredential current = existing(account, credentialId);
        if (change.widens(current)) {
            guard.requireNoEscalation(account);
        }
        FederatedCredentialRepresentation updated = FederatedCredentialRepresentation.of(
                credentials().update(current, change));
        if (change.narrows(current)) {
            context.accounts().revokeTokens(account);
        }
        record(OperationType.UPDATE, updated);
        return updated;
    }

    /** Deletes the credential and revokes the account's tokens, those it got included. */
    @DELETE
    @Path("{credentialId}")
    public Response delete(@PathParam("credentialId") String credentialId) {
        ServiceAccount account = guard.account(accountId, Action.MANAGE_SERVICE_ACCOUNTS);
        context.lock(account);
        FederatedCredential credential = existing(account, credentialId);
        credentials().delete(credential);
        context.accounts().revokeTokens(account);
        record(OperationType.DELETE, FederatedCredentialRepresentation.of(credential));
        return Response.noContent().build();
    }

    private FederatedCredentials credentials() {
        return context.federation();
    }

    private FederatedCredential existing(ServiceAccount account, String credentialId) {
        return credentials().find(account.id(), credentialId).orElseThrow(Problems::notFound);
    }

    private String realmIssuer() {
        return Urls.realmIssuer(context.session().getContext().getUri().getBaseUri(), context.realm().getName());
    }

    private void record(OperationType operation, FederatedCredentialRepresentation credential) {
        context.events().record(operation, credential, "service-accounts", accountId, "federated-credentials",
                credential.id());
    }

    // Paths and methods the API does not have answer in its own error shape (see Fallback).

    @Path("")
    public Fallback otherMethodsOfList() {
        return Fallback.methodNotAllowed();
    }

    @Path("{credentialId}")
    public Fallback otherMethodsOfOne() {
        return Fallback.methodNotAllowed();
    }

    @Path("{credentialId}/{rest: .+}")
    public Fallback unknownPath() {
        return Fallback.notFound();
    }
}
