package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.directory.Directory;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What every resource of one request shares. */
record Context(KeycloakSession session, RealmModel realm, Directory directory, Guard guard, Events events) {

    /** 201 Created with the new resource's location (the request path plus its id) and representation. */
    Response created(String id, Object representation) {
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(id).build();
        return Response.created(location).entity(representation).build();
    }
}
