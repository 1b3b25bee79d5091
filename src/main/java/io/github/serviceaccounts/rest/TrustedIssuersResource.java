package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.federation.TrustedIssuers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /trusted-issuers}: the issuers a federated credential may name, for the consoles' choice. Members are not
 * realm administrators and cannot read identity providers; this shows them only alias, name, issuer and type.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class TrustedIssuersResource {

    private final Context context;

    TrustedIssuersResource(Context context) {
        this.context = context;
    }

    @GET
    public List<TrustedIssuerRepresentation> list() {
        context.guard().requireSomeRole();
        return new TrustedIssuers(context.session()).all().stream().map(TrustedIssuerRepresentation::of).toList();
    }

    @Path("")
    public Fallback otherMethods() {
        return Fallback.methodNotAllowed();
    }

    @Path("{rest: .+}")
    public Fallback unknownPath() {
        return Fallback.notFound();
    }
}
