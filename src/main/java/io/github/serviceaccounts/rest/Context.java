package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.accounts.ServiceAccount;
import io.github.serviceaccounts.accounts.ServiceAccounts;
import io.github.serviceaccounts.directory.Directory;
import io.github.serviceaccounts.directory.Members;
import io.github.serviceaccounts.federation.FederatedCredentials;
import io.github.serviceaccounts.keys.Keys;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What every resource of one request shares. */
record Context(KeycloakSession session, RealmModel realm, Settings settings, Directory directory, Members members,
        ServiceAccounts accounts, Keys keys, FederatedCredentials federation, Guard guard, Events events) {

    /**
     * Locks the account's row until the request ends, so its keys and credentials change one request at a time on
     * every node; 404 if it was deleted meanwhile.
     */
    void lock(ServiceAccount account) {
        if (!accounts.lock(account)) {
            throw Problems.notFound();
        }
    }

    /** The request's JSON body, holding only these fields (see {@link Body#parse}). */
    Body body(String raw, Set<String> allowed) {
        return Body.parse(session.getContext().getHttpRequest().getHttpHeaders().getMediaType(), raw, allowed);
    }

    /** 201 Created with the new resource's location (the request path plus its id) and representation. */
    Response created(String id, Object representation) {
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(id).build();
        return Response.created(location).entity(representation).build();
    }

    /** 201 Created for a resource that lives elsewhere than under the request path. */
    Response created(URI location, Object representation) {
        return Response.created(location).entity(representation).build();
    }

    /** The absolute URI of a path under this API's root, e.g. {@code service-accounts/<id>}. */
    URI iamUri(String... segments) {
        var builder = session.getContext().getUri().getBaseUriBuilder().path("admin/realms").path(realm.getName())
                .path(IamResourceProviderFactory.PROVIDER_ID);
        for (String segment : segments) {
            builder.path(segment);
        }
        return builder.build();
    }
}
