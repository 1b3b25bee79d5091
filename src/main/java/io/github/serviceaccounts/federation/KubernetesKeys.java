package io.github.serviceaccounts.federation;

import org.keycloak.broker.kubernetes.KubernetesJwksEndpointLoader;
import org.keycloak.keys.PublicKeyLoader;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's own loader for a Kubernetes identity provider's keys (it reads the cluster's discovery document and
 * authenticates with the pod's token where Keycloak runs in that cluster). Its constructor is the one of Keycloak 26.6
 * and later; this class is loaded only for such a provider, so older lines never touch it.
 */
final class KubernetesKeys {

    private KubernetesKeys() {
    }

    static PublicKeyLoader loader(KeycloakSession session, String issuer) {
        try {
            return new KubernetesJwksEndpointLoader(session, issuer);
        } catch (LinkageError olderKeycloak) {
            throw new IllegalStateException("Kubernetes identity providers need Keycloak 26.6 or later here; register"
                    + " the cluster's issuer as an OpenID Connect identity provider with its JWKS URL instead",
                    olderKeycloak);
        }
    }
}
