package io.github.serviceaccounts.federation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.jose.jwk.JSONWebKeySet;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.keys.PublicKeyLoader;
import org.keycloak.keys.PublicKeyStorageProvider;
import org.keycloak.keys.PublicKeyStorageUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.JWKSHttpUtils;
import org.keycloak.util.JWKSUtils;
import org.keycloak.util.JsonSerialization;

/**
 * The signing keys of a trusted issuer, through Keycloak's public-key storage under the identity provider's own cache
 * entry: fetched once and kept, an unknown {@code kid} refetched at most once per {@code minTimeBetweenRequests}
 * (10 s by default), and keys already known still served while the issuer is down. Keycloak's storage does not
 * space out failed fetches, so a failure here holds further fetches of that issuer back for {@link #RETRY_AFTER_SECONDS}
 * on this node: tokens with unknown {@code kid}s cannot make the server hammer an issuer that is down.
 */
public final class IssuerKeys {

    static final int RETRY_AFTER_SECONDS = 10;
    private static final Map<String, Integer> LAST_FAILURE = new ConcurrentHashMap<>();

    private final KeycloakSession session;
    private final RealmModel realm;

    public IssuerKeys(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The key that signed a token with this {@code kid} and {@code alg}, or null if the issuer publishes none. */
    public KeyWrapper find(TrustedIssuer issuer, String kid, String alg) {
        PublicKeyStorageProvider storage = session.getProvider(PublicKeyStorageProvider.class);
        String cacheKey = PublicKeyStorageUtils.getIdpModelCacheKey(realm.getId(), issuer.model().getInternalId());
        return storage.getPublicKey(cacheKey, kid, alg, heldBackAfterFailure(cacheKey, loader(issuer)));
    }

    private static PublicKeyLoader heldBackAfterFailure(String cacheKey, PublicKeyLoader loader) {
        return () -> {
            Integer failed = LAST_FAILURE.get(cacheKey);
            if (failed != null && Time.currentTime() < failed + RETRY_AFTER_SECONDS) {
                throw new IllegalStateException("the issuer's keys could not be fetched a moment ago");
            }
            try {
                var keys = loader.loadKeys();
                LAST_FAILURE.remove(cacheKey);
                return keys;
            } catch (Exception | LinkageError e) {
                LAST_FAILURE.put(cacheKey, Time.currentTime());
                throw e;
            }
        };
    }

    private PublicKeyLoader loader(TrustedIssuer issuer) {
        if (issuer.isKubernetes()) {
            return KubernetesKeys.loader(session, issuer.issuer());
        }
        var config = issuer.model().getConfig();
        if (Boolean.parseBoolean(config.get("useJwksUrl"))) {
            String url = config.get("jwksUrl");
            return () -> JWKSUtils.getKeyWrappersForUse(JWKSHttpUtils.sendJwksRequest(session, url), JWK.Use.SIG,
                    true);
        }
        String jwks = config.get("publicKeySignatureVerifier");
        return () -> JWKSUtils.getKeyWrappersForUse(JsonSerialization.readValue(jwks, JSONWebKeySet.class),
                JWK.Use.SIG, true);
    }
}
