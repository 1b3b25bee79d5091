package io.github.serviceaccounts.federation;

import org.keycloak.models.IdentityProviderModel;

/**
 * An identity provider of the realm whose tokens a federated credential may name: a realm administrator configured
 * it, with the issuer and where its keys are, so no member chooses a URL the server fetches.
 */
public record TrustedIssuer(IdentityProviderModel model) {

    public String alias() {
        return model.getAlias();
    }

    public String displayName() {
        String name = model.getDisplayName();
        return name == null || name.isBlank() ? model.getAlias() : name;
    }

    public String issuer() {
        return model.getConfig().get(TrustedIssuers.ISSUER);
    }

    public String providerId() {
        return model.getProviderId();
    }

    boolean isKubernetes() {
        return TrustedIssuers.KUBERNETES.equals(model.getProviderId());
    }
}
