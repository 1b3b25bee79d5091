package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.federation.TrustedIssuer;

/** An issuer a federated credential may name: an enabled identity provider of the realm. */
public record TrustedIssuerRepresentation(String alias, String displayName, String issuer, String providerId) {

    static TrustedIssuerRepresentation of(TrustedIssuer issuer) {
        return new TrustedIssuerRepresentation(issuer.alias(), issuer.displayName(), issuer.issuer(),
                issuer.providerId());
    }
}
