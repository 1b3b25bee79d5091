package io.github.serviceaccounts.auth;

import io.github.serviceaccounts.Settings;
import io.github.serviceaccounts.accounts.AssertionLifetime;
import io.github.serviceaccounts.keys.KeyAlgorithm;
import io.github.serviceaccounts.keys.ServiceAccountKey;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.common.VerificationException;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.AsymmetricSignatureVerifierContext;
import org.keycloak.crypto.ECDSASignatureVerifierContext;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureVerifierContext;
import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.Urls;

/**
 * The checks of SPEC §5 for a service account's client assertion, in this order: assertion type and size, a JWT
 * without {@code crit}, {@code iss = sub = client_id}, the account enabled, the {@code kid} among this account's keys
 * only, {@code alg} equal to the key's, the key usable (enabled, unexpired, allowed, strong), the signature, the
 * audience, the times (15 s of clock skew, at most the account's lifetime after {@code iat}), and the {@code jti}
 * once cluster-wide for as long as the assertion could pass at all. Written on Keycloak's stable JOSE classes only, so
 * it reads the same on every supported Keycloak line.
 */
final class AssertionValidator {

    static final int CLOCK_SKEW_SECONDS = 15;
    static final int MAX_JTI_LENGTH = 256;
    private static final String JTI_PREFIX = "service-account-assertion:";

    private final ClientAuthenticationFlowContext context;
    private final ClientModel client;
    private final AccountKeyAuthenticator.Assertion assertion;
    private final ServiceAccountKey key;
    private final PublicKey publicKey;
    private final Settings settings;
    private final Failures failures;

    AssertionValidator(ClientAuthenticationFlowContext context, ClientModel client,
            AccountKeyAuthenticator.Assertion assertion, ServiceAccountKey key, PublicKey publicKey, Settings settings) {
        this.context = context;
        this.client = client;
        this.assertion = assertion;
        this.key = key;
        this.publicKey = publicKey;
        this.settings = settings;
        this.failures = new Failures(context, client, assertion.keyId().orElse(null));
    }

    /** Authenticates the account, or refuses with the one answer every refusal gets and the reason in the event. */
    void run() {
        String refusal = firstRefusal();
        if (refusal != null) {
            failures.fail(refusal);
            return;
        }
        context.setClient(client);
        context.getEvent().client(client.getClientId()).detail(Failures.KEY_ID, key.id());
        UseWriter.note(UseWriter.Kind.KEY, key.id(), System.currentTimeMillis());
        context.success();
    }

    private String firstRefusal() {
        String form = assertion.refusalOfForm();
        if (form != null) {
            return form;
        }
        JsonWebToken token = assertion.token();
        if (!client.getClientId().equals(token.getSubject()) || !client.getClientId().equals(token.getIssuer())) {
            return "iss and sub must both be the client id";
        }
        if (!client.isEnabled()) {
            return "service account disabled";
        }
        String refusal = refusalOfKey();
        if (refusal == null) {
            refusal = refusalOfAudience(token);
        }
        if (refusal == null) {
            refusal = refusalOfTimes(token);
        }
        return refusal;
    }

    private String refusalOfKey() {
        if (assertion.keyId().isEmpty()) {
            return "kid missing from the JWT header";
        }
        if (key == null) {
            return "kid is not a key of this service account";
        }
        String alg = assertion.jws().getHeader().getRawAlgorithm();
        if (!key.algorithm().jwsName().equals(alg)) {
            return "alg " + Printable.of(alg, 20) + " is not the key's algorithm " + key.algorithm().jwsName();
        }
        if (!key.enabled()) {
            return "key disabled";
        }
        if (key.isExpired(Instant.now())) {
            return "key expired";
        }
        if (!settings.keyAlgorithms().contains(key.algorithm())) {
            return "the key's algorithm " + key.algorithm() + " is not allowed on this server";
        }
        if (publicKey == null) {
            return "the stored key cannot be read";
        }
        if (!key.algorithm().accepts(publicKey)) {
            return "the key is too weak to be trusted (" + key.algorithm().requirement() + ")";
        }
        return verifies(publicKey) ? null : "signature does not verify with the key";
    }

    private boolean verifies(PublicKey publicKey) {
        KeyWrapper wrapper = new KeyWrapper();
        wrapper.setKid(key.id());
        wrapper.setAlgorithm(key.algorithm().jwsName());
        wrapper.setUse(KeyUse.SIG);
        wrapper.setPublicKey(publicKey);
        wrapper.setCurve(key.algorithm().curve());
        wrapper.setType(switch (key.algorithm()) {
            case RS256, PS256 -> KeyType.RSA;
            case ES256 -> KeyType.EC;
            case EdDSA -> KeyType.OKP;
        });
        SignatureVerifierContext verifier = key.algorithm() == KeyAlgorithm.ES256
                ? new ECDSASignatureVerifierContext(wrapper) : new AsymmetricSignatureVerifierContext(wrapper);
        try {
            return verifier.verify(assertion.jws().getEncodedSignatureInput().getBytes(StandardCharsets.UTF_8),
                    assertion.jws().getSignature());
        } catch (VerificationException | RuntimeException wrongShape) {
            return false;
        }
    }

    /** One audience, the token endpoint or the realm's issuer: nothing else (SPEC §5). */
    private String refusalOfAudience(JsonWebToken token) {
        String[] audience = token.getAudience();
        if (audience == null || audience.length == 0) {
            return "aud missing";
        }
        if (audience.length > 1) {
            return "aud holds more than one audience";
        }
        return expectedAudiences().contains(audience[0]) ? null : "aud is neither the token endpoint nor the issuer";
    }

    private List<String> expectedAudiences() {
        String realm = context.getRealm().getName();
        String issuer = Urls.realmIssuer(context.getUriInfo().getBaseUri(), realm);
        String tokenEndpoint = OIDCLoginProtocolService.tokenUrl(context.getUriInfo().getBaseUriBuilder()).build(realm)
                .toString();
        return List.of(issuer, tokenEndpoint);
    }

    /**
     * Accepted while {@code now <= exp + skew}, never before {@code nbf - skew} or {@code iat - skew}, and for at most
     * the account's lifetime after {@code iat} (or after now, without {@code iat}). The {@code jti} is then kept until
     * {@code exp + skew}, the last moment the same assertion could pass again.
     */
    private String refusalOfTimes(JsonWebToken token) {
        long now = Time.currentTimeMillis() / 1000;
        Long exp = token.getExp();
        if (exp == null) {
            return "exp missing";
        }
        if (now > exp + CLOCK_SKEW_SECONDS) {
            return "assertion expired";
        }
        if (token.getNbf() != null && token.getNbf() > now + CLOCK_SKEW_SECONDS) {
            return "nbf is in the future";
        }
        if (token.getIat() != null && token.getIat() > now + CLOCK_SKEW_SECONDS) {
            return "iat is in the future";
        }
        int longest = AssertionLifetime.of(client);
        long from = token.getIat() != null ? token.getIat() : now;
        if (exp - from > longest) {
            return "exp is more than " + longest + " s after " + (token.getIat() != null ? "iat" : "now");
        }
        String jti = token.getId();
        if (jti == null || jti.isEmpty()) {
            return "jti missing";
        }
        if (jti.length() > MAX_JTI_LENGTH) {
            return "jti longer than " + MAX_JTI_LENGTH + " characters";
        }
        long keepFor = exp + CLOCK_SKEW_SECONDS - now + 1;
        if (!context.getSession().singleUseObjects().putIfAbsent(JTI_PREFIX + client.getId() + ":" + jti, keepFor)) {
            return "jti already used (replay)";
        }
        return null;
    }
}
