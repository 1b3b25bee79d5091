package io.github.serviceaccounts.federation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

/**
 * The issuers a realm trusts for federated credentials: its enabled OpenID Connect identity providers that know
 * where the issuer's keys are (a JWKS URL or a JWKS), and its Kubernetes identity providers.
 */
public final class TrustedIssuers {

    static final String ISSUER = "issuer";
    static final String KUBERNETES = "kubernetes";
    private static final Set<String> OPENID_CONNECT = Set.of("oidc", "keycloak-oidc");

    private final KeycloakSession session;

    public TrustedIssuers(KeycloakSession session) {
        this.session = session;
    }

    public List<TrustedIssuer> all() {
        return trusted().sorted(Comparator.comparing(TrustedIssuer::displayName)).toList();
    }

    /** The trusted identity provider with exactly this issuer; the first by alias if two share it. */
    public Optional<TrustedIssuer> byIssuer(String issuer) {
        if (issuer == null || issuer.isEmpty()) {
            return Optional.empty();
        }
        return trusted().filter(t -> issuer.equals(t.issuer())).min(Comparator.comparing(TrustedIssuer::alias));
    }

    /**
     * The trusted identity provider a credential names: the one it was made with, read from Keycloak's cache by alias,
     * while it still has the issuer; else whichever provider has the issuer now.
     */
    public Optional<TrustedIssuer> of(FederatedCredential credential) {
        IdentityProviderModel named = session.identityProviders().getByAlias(credential.identityProvider());
        if (named != null && named.isEnabled() && knowsKeys(named)
                && credential.issuer().equals(named.getConfig().get(ISSUER))) {
            return Optional.of(new TrustedIssuer(named));
        }
        return byIssuer(credential.issuer());
    }

    private Stream<TrustedIssuer> trusted() {
        return AllIdentityProviders.of(session)
                .filter(IdentityProviderModel::isEnabled)
                .filter(TrustedIssuers::knowsKeys)
                .map(TrustedIssuer::new)
                .filter(t -> t.issuer() != null && !t.issuer().isBlank());
    }

    private static boolean knowsKeys(IdentityProviderModel model) {
        if (KUBERNETES.equals(model.getProviderId())) {
            return true;
        }
        if (!OPENID_CONNECT.contains(model.getProviderId())) {
            return false;
        }
        var config = model.getConfig();
        return Boolean.parseBoolean(config.get("useJwksUrl")) ? notBlank(config.get("jwksUrl"))
                : notBlank(config.get("publicKeySignatureVerifier"))
                        && config.get("publicKeySignatureVerifier").trim().startsWith("{");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
