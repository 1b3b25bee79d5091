package io.github.serviceaccounts.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.federation.FederatedCredential;
import io.github.serviceaccounts.federation.IssuerKeys;
import io.github.serviceaccounts.federation.TrustedIssuer;
import io.github.serviceaccounts.federation.TrustedIssuers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.events.Details;
import org.keycloak.models.ClientModel;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/**
 * The checks of SPEC §6 for an external token presented as a service account's client assertion: an enabled,
 * unexpired credential of this account names its issuer, the issuer is still a trusted identity provider of the realm,
 * {@code alg} is asymmetric and the signature verifies with a key the issuer publishes, the times hold (15 s of skew),
 * and one such credential's audience, subject pattern and claim patterns all match. External tokens are meant to be
 * presented many times while they live (a Kubernetes token for an hour), so there is no {@code jti} check here.
 */
final class FederatedAssertionValidator {

    /** The login-event detail naming the credential that was used, or the one the refusal is about. */
    static final String CREDENTIAL_ID = "federated_credential_id";

    private final ClientAuthenticationFlowContext context;
    private final ClientModel client;
    private final AccountKeyAuthenticator.Assertion assertion;
    /** The account's credentials that name the token's issuer, as the authenticator read them. */
    private final List<FederatedCredential> named;
    private final Failures failures;
    private FederatedCredential used;
    private FederatedCredential refused;

    FederatedAssertionValidator(ClientAuthenticationFlowContext context, ClientModel client,
            AccountKeyAuthenticator.Assertion assertion, List<FederatedCredential> named) {
        this.context = context;
        this.client = client;
        this.assertion = assertion;
        this.named = named;
        this.failures = new Failures(context, client, null);
    }

    /** Authenticates the account, or refuses with the one answer every refusal gets and the reason in the event. */
    void run() {
        String refusal = firstRefusal();
        if (refusal != null) {
            if (refused != null) {
                context.getEvent().detail(CREDENTIAL_ID, refused.id());
            }
            failures.fail(refusal);
            return;
        }
        context.setClient(client);
        context.getEvent().client(client.getClientId()).detail(CREDENTIAL_ID, used.id());
        UseWriter.note(UseWriter.Kind.FEDERATED_CREDENTIAL, used.id(), System.currentTimeMillis());
        context.success();
    }

    private String firstRefusal() {
        String form = assertion.refusalOfForm();
        if (form != null) {
            return form;
        }
        if (!client.isEnabled()) {
            return "service account disabled";
        }
        JsonWebToken token = assertion.token();
        String issuer = token.getIssuer();
        if (named.isEmpty()) {
            return "no federated credential of this service account trusts issuer " + Printable.of(issuer, 100);
        }
        Instant now = Instant.now();
        List<FederatedCredential> usable = named.stream().filter(c -> c.enabled() && !c.isExpired(now)).toList();
        if (usable.isEmpty()) {
            refused = named.get(0);
            return "federated credential '" + refused.name() + "' is " + (refused.enabled() ? "expired" : "disabled");
        }
        Optional<TrustedIssuer> trusted = new TrustedIssuers(context.getSession()).of(usable.get(0));
        if (trusted.isEmpty()) {
            refused = usable.get(0);
            return "issuer " + issuer + " is no longer an enabled identity provider of the realm";
        }
        context.getEvent().detail(Details.IDENTITY_PROVIDER, trusted.get().alias());
        String refusal = refusalOfSignature(trusted.get());
        if (refusal == null) {
            refusal = refusalOfTimes(token);
        }
        if (refusal == null) {
            refusal = refusalOfCredentials(usable, token);
        }
        return refusal;
    }

    private String refusalOfSignature(TrustedIssuer issuer) {
        String alg = assertion.jws().getHeader().getRawAlgorithm();
        SignatureProvider provider = alg == null ? null
                : context.getSession().getProvider(SignatureProvider.class, alg);
        if (provider == null || !provider.isAsymmetricAlgorithm()) {
            return "alg " + Printable.of(alg, 20) + " is not an asymmetric signature algorithm";
        }
        String kid = assertion.jws().getHeader().getKeyId();
        KeyWrapper key;
        try {
            key = new IssuerKeys(context.getSession(), context.getRealm()).find(issuer, kid, alg);
        } catch (RuntimeException unreachable) {
            return "the keys of issuer " + issuer.alias() + " could not be fetched";
        }
        if (key == null) {
            return "kid " + Printable.of(kid, 64) + " is not a key issuer " + issuer.alias() + " publishes for " + alg;
        }
        if (key.getAlgorithm() == null) {
            key.setAlgorithm(alg);
        }
        try {
            return provider.verifier(key).verify(
                    assertion.jws().getEncodedSignatureInput().getBytes(StandardCharsets.UTF_8),
                    assertion.jws().getSignature()) ? null : "signature does not verify with the issuer's key";
        } catch (Exception wrongShape) {
            return "signature does not verify with the issuer's key";
        }
    }

    private String refusalOfTimes(JsonWebToken token) {
        long now = Time.currentTimeMillis() / 1000;
        if (token.getExp() == null) {
            return "exp missing";
        }
        if (now > token.getExp() + AssertionValidator.CLOCK_SKEW_SECONDS) {
            return "token expired";
        }
        if (token.getNbf() != null && token.getNbf() > now + AssertionValidator.CLOCK_SKEW_SECONDS) {
            return "nbf is in the future";
        }
        if (token.getIat() != null && token.getIat() > now + AssertionValidator.CLOCK_SKEW_SECONDS) {
            return "iat is in the future";
        }
        return null;
    }

    /** The first usable credential that admits the token wins; else the refusal names the first one's mismatch. */
    private String refusalOfCredentials(List<FederatedCredential> usable, JsonWebToken token) {
        JsonNode payload = payload();
        String first = null;
        for (FederatedCredential candidate : usable) {
            String mismatch = mismatch(candidate, token, payload);
            if (mismatch == null) {
                used = candidate;
                return null;
            }
            if (first == null) {
                first = "federated credential '" + candidate.name() + "': " + mismatch;
                refused = candidate;
            }
        }
        return first;
    }

    private static String mismatch(FederatedCredential credential, JsonWebToken token, JsonNode payload) {
        String[] audience = token.getAudience();
        if (audience == null || !Arrays.asList(audience).contains(credential.audience())) {
            return "aud does not hold " + credential.audience();
        }
        if (token.getSubject() == null || !credential.subject().matches(token.getSubject())) {
            return "sub " + Printable.of(token.getSubject(), 100) + " does not match " + credential.subject().text();
        }
        return credential.claims().firstMismatch(payload).map(claim -> "claim " + claim + " does not match "
                + credential.claims().texts().get(claim)).orElse(null);
    }

    private JsonNode payload() {
        try {
            return JsonSerialization.mapper.readTree(assertion.jws().getContent());
        } catch (IOException unreadable) {
            return null;
        }
    }
}
