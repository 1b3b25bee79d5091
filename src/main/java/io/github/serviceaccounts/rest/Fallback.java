package io.github.serviceaccounts.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.function.Supplier;
import org.keycloak.services.ErrorResponseException;

/**
 * Answers every method with one of the API's own errors, so that paths and methods the API does not have (and the
 * whole API where it cannot work) answer in the shape SPEC §3 promises rather than in the web server's words. (No method
 * is named like a getter: Quarkus reads the classes resources return as if they were JSON beans.)
 */
public final class Fallback {

    private final Supplier<ErrorResponseException> error;

    Fallback(Supplier<ErrorResponseException> error) {
        this.error = error;
    }

    /** For a path the API has, with a method it has not. */
    static Fallback methodNotAllowed() {
        return new Fallback(Problems::methodNotAllowed);
    }

    /** For a path the API has not. */
    static Fallback notFound() {
        return new Fallback(Problems::notFound);
    }

    @GET
    public void onGet() {
        throw error.get();
    }

    @POST
    public void onPost() {
        throw error.get();
    }

    @PUT
    public void onPut() {
        throw error.get();
    }

    @DELETE
    public void onDelete() {
        throw error.get();
    }

    @PATCH
    public void onPatch() {
        throw error.get();
    }

    @HEAD
    public void onHead() {
        throw error.get();
    }

    @OPTIONS
    public void onOptions() {
        throw error.get();
    }
}
