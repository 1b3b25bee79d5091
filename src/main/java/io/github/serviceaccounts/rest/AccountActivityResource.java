package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.accounts.ServiceAccount;
import io.github.serviceaccounts.activity.AccountActivity;
import io.github.serviceaccounts.directory.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /service-accounts/{saId}/activity}: what the account did, newest first: tokens got and refused, and admin
 * API calls made with its tokens, from the realm's stored events (SPEC §7). {@code X-Events-Stored: false} says the
 * realm stores none; the list is then empty.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class AccountActivityResource {

    static final String EVENTS_STORED = "X-Events-Stored";

    private final Context context;
    private final String accountId;

    AccountActivityResource(Context context, ServiceAccount account) {
        this.context = context;
        this.accountId = account.id();
    }

    @GET
    public Response list(@QueryParam("first") String first, @QueryParam("max") String max) {
        ServiceAccount account = context.guard().account(accountId, Action.READ);
        Page page = Paging.page(first, max, null);
        AccountActivity activity = new AccountActivity(context.session(), context.realm());
        List<ActivityRepresentation> entries = activity.of(account, context.accounts().user(account).getId(),
                page.first(), page.max()).stream().map(ActivityRepresentation::of).toList();
        return Response.ok(entries).header(EVENTS_STORED, String.valueOf(activity.stored())).build();
    }

    // Paths and methods the API does not have answer in its own error shape (see Fallback).

    @Path("")
    public Fallback otherMethods() {
        return Fallback.methodNotAllowed();
    }

    @Path("{rest: .+}")
    public Fallback unknownPath() {
        return Fallback.notFound();
    }
}
