package io.github.serviceaccounts.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.ClientAssertions;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attack battery's federated cases: external tokens an attacker could forge, borrow or stretch. The victim
 * account trusts {@code system:serviceaccount:ci:deployer} of a trusted Kubernetes-shaped issuer; every attack gets
 * the same {@code 401 invalid_client} and its reason in the login-error event.
 */
@Tag("smoke")
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederatedAttacksIT {

    private static final String SUBJECT = "system:serviceaccount:ci:deployer";

    private Scenario s;
    private Api api;
    private TestIssuer trusted;
    private TestIssuer attacker;
    private TestAccount victim;
    private TestAccount other;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        s = Scenario.create(api);
        trusted = TestIssuer.start();
        attacker = TestIssuer.start();
        Federation.trustOpenIdIssuer(s.realm(), trusted.url(), trusted.jwksUrl());
        victim = TestAccount.create(s.realm(), s.website(), "victim")
                .memberOf("/projects/" + s.website(), "project.admin");
        other = TestAccount.create(s.realm(), s.website(), "other");
        api.post(victim.path("/federated-credentials"), api.adminToken(), Map.of("name", "deployer",
                "issuer", trusted.url(), "subject", SUBJECT));
        api.post(other.path("/federated-credentials"), api.adminToken(), Map.of("name", "reader",
                "issuer", trusted.url(), "subject", "system:serviceaccount:ci:reader"));
        assertThat(Federation.exchange(s.realm(), victim.clientId(), genuine()).status())
                .as("the genuine token works").isEqualTo(200);
    }

    @AfterAll
    void stopIssuers() {
        Stream.of(trusted, attacker).filter(java.util.Objects::nonNull).forEach(TestIssuer::close);
    }

    private String audience() {
        return Federation.issuerOf(s.realm());
    }

    private Map<String, Object> claims() {
        return new HashMap<>(trusted.podClaims("ci", "deployer", audience()));
    }

    private String genuine() {
        return trusted.sign(claims());
    }

    Stream<Arguments> attacks() {
        return Stream.of(
                attack("alg none", t -> ClientAssertions.unsigned(ClientAssertions.header("none",
                        trusted.currentKey().kid()), claims()), victim, "alg none is not an asymmetric"),
                attack("HMAC re-signed with the issuer's public key as the secret", t -> hmac(claims()), victim,
                        "alg HS256 is not an asymmetric"),
                attack("untrusted issuer, same sub", t -> attacker.sign(attacker.podClaims("ci", "deployer",
                        audience())), victim, "no federated credential of this service account trusts issuer"),
                attack("untrusted key claiming the trusted issuer and its kid", t -> attacker.sign(
                        ClientAssertions.header("RS256", trusted.currentKey().kid()), claims(),
                        attacker.currentKey()), victim, "signature does not verify with the issuer's key"),
                attack("trusted issuer's token for another account", t -> genuine(), other,
                        "federated credential 'reader': sub system:serviceaccount:ci:deployer does not match"),
                attack("audience confusion: a token meant for another service", t -> trusted.sign(
                        trusted.podClaims("ci", "deployer", "https://vault.example")), victim,
                        "federated credential 'deployer': aud does not hold"),
                attack("audience confusion: the issuer's default audience", t -> trusted.sign(
                        trusted.podClaims("ci", "deployer", trusted.url())), victim,
                        "federated credential 'deployer': aud does not hold"),
                attack("sub matching only with a suffix", t -> trusted.sign(with(claims(), "sub",
                        SUBJECT + "-evil")), victim, "federated credential 'deployer': sub"),
                attack("sub matching only with a prefix", t -> trusted.sign(with(claims(), "sub",
                        "evil-" + SUBJECT)), victim, "federated credential 'deployer': sub"),
                attack("an unknown kid", t -> trusted.sign(ClientAssertions.header("RS256", "no-such-kid"),
                        claims(), trusted.currentKey()), victim, "kid no-such-kid is not a key"),
                attack("a crit header", t -> trusted.sign(with(ClientAssertions.header("RS256",
                        trusted.currentKey().kid()), "crit", java.util.List.of("exp")), claims(),
                        trusted.currentKey()), victim, "crit header present"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isRefused(String name, Function<Void, String> forge, TestAccount target, String reason) {
        Response answer = Federation.exchange(s.realm(), target.clientId(), forge.apply(null));

        assertThat(answer.status()).as("%s", answer).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(answer.body()).doesNotContain("access_token");
        JsonNode event = api.get(s.realm().admin("/events?type=CLIENT_LOGIN_ERROR&max=1&client=" + target.clientId()),
                api.adminToken()).json().get(0);
        assertThat(event.at("/details/reason").asText()).startsWith(reason);
    }

    /** The classic key-confusion forgery: HS256 keyed with the bytes a verifier might take for the key. */
    private String hmac(Map<String, Object> claims) {
        RSAPublicKey key = (RSAPublicKey) trusted.currentKey().pair().getPublic();
        String input = ClientAssertions.encode(ClientAssertions.header("HS256", trusted.currentKey().kid())) + "."
                + ClientAssertions.encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> map, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(name, value);
        return copy;
    }

    private static Arguments attack(String name, Function<Void, String> forge, TestAccount target, String reason) {
        return Arguments.of(name, forge, target, reason);
    }
}
