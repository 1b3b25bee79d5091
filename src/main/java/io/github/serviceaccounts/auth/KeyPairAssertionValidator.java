package io.github.serviceaccounts.auth;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.keys.KeyAlgorithm;
import io.github.serviceaccounts.keys.Keys;
import io.github.serviceaccounts.keys.ServiceAccountKey;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.AbstractJWTClientValidator;
import org.keycloak.common.VerificationException;
import org.keycloak.crypto.AsymmetricSignatureVerifierContext;
import org.keycloak.crypto.ECDSASignatureVerifierContext;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureVerifierContext;
import org.keycloak.events.Details;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.Urls;

/**
 * The checks of SPEC §5, on Keycloak's own client-assertion validator: assertion type, {@code iss = sub = client},
 * client enabled, the {@code kid} among this account's keys only, {@code alg} equal to the key's, the signature,
 * the audience, at most ten minutes of lifetime (less where the account's setting says so), 15 s of clock skew, {@code jti} once cluster-wide, and a usable key.
 */
final class KeyPairAssertionValidator extends AbstractJWTClientValidator {

    static final int CLOCK_SKEW_SECONDS = 15;
    private static final int MAX_KID_IN_EVENT = 64;

    private final Settings settings;
    private final Keys keys;
    private final Failures failures;
    private ServiceAccountKey key;

    KeyPairAssertionValidator(ClientAuthenticationFlowContext context, Settings settings, Keys keys, Failures failures)
            throws Exception {
        super(context, validator -> ((KeyPairAssertionValidator) validator).verifySignature(), 
                KeyPairClientAuthenticatorFactory.PROVIDER_ID);
        this.settings = settings;
        this.keys = keys;
        this.failures = failures;
    }

    @Override
    public boolean validate() {
        return validateClientAssertionParameters()
                && validateIssuerIsSubject()
                && validateClient()
                && findKey()
                && validateSignatureAlgorithm(key.algorithm().jwsName())
                && validateSignature()
                && validateTokenAudience(getExpectedAudiences(), isMultipleAudienceAllowed())
                && validateLifetime()
                && validateTokenActive(CLOCK_SKEW_SECONDS, getMaximumExpirationTime(), false)
                && validateKeyUsable();
    }

    /** Records the key in the success event and notes its use. */
    void succeed() {
        context.getEvent().detail(Details.CLIENT_JWT_KID, key.id());
        keys.markUsed(key, Instant.now());
        context.success();
    }

    /** iss = sub = the client id of the client being authenticated, whoever named it (client_id or sub). */
    private boolean validateIssuerIsSubject() {
        JsonWebToken token = clientAssertionState.getToken();
        String clientId = getClient().getClientId();
        if (!clientId.equals(token.getSubject()) || !clientId.equals(token.getIssuer())) {
            return failure("iss and sub must both be the client id");
        }
        return true;
    }

    private boolean findKey() {
        String kid = getJws().getHeader().getKeyId();
        if (kid == null || kid.isEmpty()) {
            return failure("kid missing from the JWT header");
        }
        key = keys.find(getClient().getId(), kid).orElse(null);
        if (key == null) {
            return failure("kid is not a key of this service account");
        }
        if (!settings.keyAlgorithms().contains(key.algorithm())) {
            return failure("the key's algorithm " + key.algorithm() + " is not allowed on this server");
        }
        return true;
    }

    private boolean verifySignature() {
        JWSInput jws = getJws();
        KeyWrapper wrapper = new KeyWrapper();
        wrapper.setKid(key.id());
        wrapper.setAlgorithm(key.algorithm().jwsName());
        wrapper.setUse(KeyUse.SIG);
        wrapper.setPublicKey(key.publicKey());
        wrapper.setCurve(key.algorithm().curve());
        wrapper.setType(switch (key.algorithm()) {
            case RS256, PS256 -> KeyType.RSA;
            case ES256 -> KeyType.EC;
            case EdDSA -> KeyType.OKP;
        });
        SignatureVerifierContext verifier = key.algorithm() == KeyAlgorithm.ES256
                ? new ECDSASignatureVerifierContext(wrapper) : new AsymmetricSignatureVerifierContext(wrapper);
        try {
            if (verifier.verify(jws.getEncodedSignatureInput().getBytes(StandardCharsets.UTF_8), jws.getSignature())) {
                return true;
            }
        } catch (VerificationException e) {
            // a signature of the wrong shape: refused below like any bad signature
        }
        return failure("signature does not verify with the key");
    }

    private boolean validateLifetime() {
        JsonWebToken token = clientAssertionState.getToken();
        if (token.getExp() == null) {
            return failure("exp missing");
        }
        long from = token.getIat() != null ? token.getIat() : currentTime;
        int longest = getMaximumExpirationTime();
        if (token.getExp() - from > longest) {
            return failure("exp is more than " + longest + " s after iat");
        }
        return true;
    }

    private boolean validateKeyUsable() {
        Instant now = Instant.now();
        if (!key.enabled()) {
            return failure("key disabled");
        }
        if (key.isExpired(now)) {
            return failure("key expired");
        }
        return true;
    }

    /** Every refusal: one answer for the caller, the reason and key id for the event. */
    @Override
    public boolean failure(String error, String errorDescription, int statusCode) {
        return failures.fail(getClient(), keyId(), errorDescription);
    }

    @Override
    protected boolean failure(AuthenticationFlowError error, Response response) {
        return failures.fail(getClient(), keyId(), error.name().toLowerCase());
    }

    private String keyId() {
        String kid = getJws() == null ? null : getJws().getHeader().getKeyId();
        return kid == null || kid.length() <= MAX_KID_IN_EVENT ? kid : kid.substring(0, MAX_KID_IN_EVENT) + "…";
    }

    /** The replay cache key names the client, so two accounts choosing the same jti do not collide. */
    @Override
    protected String getJtiCacheKeyPrefix() {
        return "service-account-assertion:" + getClient().getId();
    }

    @Override
    protected String getExpectedTokenIssuer() {
        return clientAssertionState.getToken().getSubject();
    }

    /** The token endpoint or the issuer, as SPEC §5 says; nothing else. */
    @Override
    protected List<String> getExpectedAudiences() {
        String issuer = Urls.realmIssuer(context.getUriInfo().getBaseUri(), realm.getName());
        String tokenEndpoint = OIDCLoginProtocolService.tokenUrl(context.getUriInfo().getBaseUriBuilder())
                .build(realm.getName()).toString();
        return List.of(issuer, tokenEndpoint);
    }

    @Override
    protected boolean isMultipleAudienceAllowed() {
        OIDCLoginProtocol protocol = (OIDCLoginProtocol) context.getSession().getProvider(LoginProtocol.class,
                OIDCLoginProtocol.LOGIN_PROTOCOL);
        return protocol.getConfig().isAllowMultipleAudiencesForJwtClientAuthentication();
    }

    @Override
    protected int getAllowedClockSkew() {
        return CLOCK_SKEW_SECONDS;
    }

    @Override
    protected int getMaximumExpirationTime() {
        return AssertionLifetime.of(getClient());
    }

    @Override
    protected boolean isReusePermitted() {
        return false;
    }

    @Override
    protected String getExpectedSignatureAlgorithm() {
        return key == null ? null : key.algorithm().jwsName();
    }
}
