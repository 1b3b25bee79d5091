package io.github.serviceaccounts.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.LastUse;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.Introspector;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestIssuer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The token path of SPEC §6 against real issuers: a second realm of the same Keycloak whose tokens carry GitHub-shaped
 * claims, and a Kubernetes-shaped issuer served by the test (discovery document and JWKS on localhost).
 */
@Tag("smoke")
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederatedTokenIT {

    private static final Map<String, Object> INVALID_CLIENT = Map.of("error", "invalid_client",
            "error_description", "Invalid client or Invalid client credentials");

    private Scenario s;
    private Api api;
    private Federation.CiRealm ci;
    private TestIssuer cluster;
    private Introspector introspector;
    private int accounts;

    @BeforeAll
    void createRealms(Api api) {
        this.api = api;
        s = Scenario.create(api);
        ci = Federation.CiRealm.create(api);
        ci.trustedBy(s.realm());
        cluster = TestIssuer.start();
        Federation.trustOpenIdIssuer(s.realm(), cluster.url(), cluster.jwksUrl());
        introspector = Introspector.create(s.realm());
    }

    @AfterAll
    void stopIssuer() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private TestAccount account() {
        return TestAccount.create(s.realm(), s.website(), "keyless-" + ++accounts)
                .memberOf("/projects/" + s.website(), "project.developer");
    }

    private JsonNode addCredential(TestAccount account, Map<String, Object> body) {
        Response created = api.post(account.path("/federated-credentials"), api.adminToken(), body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    private JsonNode podCredential(TestAccount account, String subject) {
        return addCredential(account, Map.of("name", "pod", "issuer", cluster.url(), "subject", subject));
    }

    private String podToken(String namespace, String name) {
        return cluster.sign(cluster.podClaims(namespace, name, Federation.issuerOf(s.realm())));
    }

    private Response exchange(TestAccount account, String externalToken) {
        return Federation.exchange(s.realm(), account.clientId(), externalToken);
    }

    private JsonNode lastEvent(String type, TestAccount account) {
        JsonNode events = api.get(s.realm().admin("/events?type=" + type + "&client=" + account.clientId() + "&max=1"),
                api.adminToken()).json();
        assertThat(events).as("%s events of %s", type, account.clientId()).isNotEmpty();
        return events.get(0);
    }

    private void assertRefused(TestAccount account, String externalToken, String reason) {
        Response answer = exchange(account, externalToken);
        assertThat(answer.status()).as("%s", answer).isEqualTo(401);
        assertThat(answer.json()).isEqualTo(Json.MAPPER.valueToTree(INVALID_CLIENT));
        assertThat(lastEvent("CLIENT_LOGIN_ERROR", account).at("/details/reason").asText()).startsWith(reason);
    }

    @Test
    void aCiJobsTokenBecomesTheAccountsTokenWithItsRoles() {
        TestAccount account = account();
        Federation.Job job = ci.job("acme/web", "refs/heads/main", "production", Federation.issuerOf(s.realm()));
        JsonNode credential = addCredential(account, Map.of("name", "web main", "issuer", ci.issuer(),
                "subject", job.subject(), "claims", Map.of("repository", "acme/*", "ref", "refs/heads/main",
                        "environment", "production")));

        Response answer = exchange(account, job.token());

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode claims = Json.claims(answer.json().get("access_token").asText());
        assertThat(claims.get("azp").asText()).isEqualTo(account.clientId());
        assertThat(claims.at("/projects/" + s.website()).asText()).isEqualTo("project.developer");
        JsonNode event = lastEvent("CLIENT_LOGIN", account);
        assertThat(event.at("/details/federated_credential_id").asText()).isEqualTo(credential.get("id").asText());
        assertThat(LastUse.written(() -> api.get(account.path("/federated-credentials/" + credential.get("id").asText()),
                api.adminToken()).json()).get("lastUsedAt").textValue()).isNotEmpty();
    }

    @Test
    void aClaimPatternMatchesOneElementOfAnArrayAndTheMatchingCredentialIsNamed() {
        TestAccount account = account();
        podCredential(account, "system:serviceaccount:other:*");
        String groups = addCredential(account, Map.of("name", "groups", "issuer", cluster.url(),
                "subject", "system:*", "claims", Map.of("groups", "deploy*"))).get("id").asText();
        Map<String, Object> claims = cluster.podClaims("ci", "deployer", Federation.issuerOf(s.realm()));
        claims.put("groups", List.of("builders", "deployers"));

        assertThat(exchange(account, cluster.sign(claims)).status()).isEqualTo(200);
        assertThat(lastEvent("CLIENT_LOGIN", account).at("/details/federated_credential_id").asText())
                .isEqualTo(groups);

        claims.put("groups", List.of("builders", "readers"));
        assertRefused(account, cluster.sign(claims), "federated credential 'pod': sub system:serviceaccount:ci:deployer");
    }

    @Test
    void aKubernetesPodsTokenBecomesTheAccountsToken() {
        TestAccount account = account();
        podCredential(account, "system:serviceaccount:ci:deployer");

        Response answer = exchange(account, podToken("ci", "deployer"));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(Json.claims(answer.json().get("access_token").asText()).get("azp").asText())
                .isEqualTo(account.clientId());
    }

    @Test
    void aWildcardMatchesAnyRunButStaysAnchoredAtBothEnds() {
        TestAccount account = account();
        podCredential(account, "repo:acme/*:ref:refs/heads/main");
        Map<String, Object> claims = cluster.podClaims("ci", "deployer", Federation.issuerOf(s.realm()));

        claims.put("sub", "repo:acme/web:ref:refs/heads/main");
        assertThat(exchange(account, cluster.sign(claims)).status()).isEqualTo(200);

        TestAccount exact = account();
        podCredential(exact, "repo:acme/web:*");
        claims.put("sub", "repo:acme/web-evil:ref:refs/heads/main");
        assertRefused(exact, cluster.sign(claims), "federated credential 'pod': sub repo:acme/web-evil");
        claims.put("sub", "x-repo:acme/web:ref:refs/heads/main");
        assertRefused(exact, cluster.sign(claims), "federated credential 'pod': sub x-repo:acme/web");
    }

    @Test
    void eachRefusalOfSpecSixHasItsReasonInTheEvent() throws InterruptedException {
        TestAccount account = account();
        String audience = Federation.issuerOf(s.realm());
        podCredential(account, "system:serviceaccount:ci:deployer");
        Map<String, Object> good = cluster.podClaims("ci", "deployer", audience);

        assertRefused(account, cluster.sign(with(good, "aud", List.of("https://elsewhere.example"))),
                "federated credential 'pod': aud does not hold " + audience);
        assertRefused(account, cluster.sign(with(good, "sub", "system:serviceaccount:ci:other")),
                "federated credential 'pod': sub system:serviceaccount:ci:other does not match");
        long past = Instant.now().getEpochSecond() - 120;
        assertRefused(account, cluster.sign(with(with(good, "exp", past), "iat", past - 600)), "token expired");
        assertRefused(account, cluster.sign(without(good, "exp")), "exp missing");
        assertRefused(account, cluster.sign(with(good, "nbf", Instant.now().getEpochSecond() + 300)),
                "nbf is in the future");
        assertRefused(account, cluster.sign(with(good, "iss", "https://untrusted.example")),
                "no federated credential of this service account trusts issuer https://untrusted.example");

        TestAccount claimed = account();
        addCredential(claimed, Map.of("name", "namespace", "issuer", cluster.url(), "subject", "system:*",
                "claims", Map.of("environment", "production")));
        assertRefused(claimed, cluster.sign(good), "federated credential 'namespace': claim environment does not"
                + " match production");

        TestAccount disabled = account();
        podCredential(disabled, "system:serviceaccount:ci:deployer");
        assertThat(disabled.setEnabled(api.adminToken(), false).status()).isEqualTo(200);
        assertRefused(disabled, cluster.sign(good), "service account disabled");

        TestAccount expiring = account();
        addCredential(expiring, Map.of("name", "short", "issuer", cluster.url(), "subject", "system:*",
                "expiresAt", Instant.now().plusSeconds(2).toString()));
        Thread.sleep(2500);
        assertRefused(expiring, cluster.sign(good), "federated credential 'short' is expired");
    }

    @Test
    void aDisabledCredentialRefusesAtOnceAndRevokesTheTokensItGot() throws InterruptedException {
        TestAccount account = account();
        String id = podCredential(account, "system:serviceaccount:ci:deployer").get("id").asText();
        Response answer = exchange(account, podToken("ci", "deployer"));
        String token = answer.json().get("access_token").asText();
        assertThat(introspector.active(token)).isTrue();
        Thread.sleep(1100);

        Response disabled = api.put(account.path("/federated-credentials/" + id), api.adminToken(),
                Map.of("enabled", false));

        assertThat(disabled.status()).as("%s", disabled).isEqualTo(200);
        assertThat(introspector.active(token)).isFalse();
        assertRefused(account, podToken("ci", "deployer"), "federated credential 'pod' is disabled");
        assertThat(lastEvent("CLIENT_LOGIN_ERROR", account).at("/details/federated_credential_id").asText())
                .isEqualTo(id);
    }

    @Test
    void aDeletedCredentialRefusesAtOnceAndRevokesTheTokensItGot() throws InterruptedException {
        TestAccount account = account();
        String id = podCredential(account, "system:serviceaccount:ci:deployer").get("id").asText();
        String token = exchange(account, podToken("ci", "deployer")).json().get("access_token").asText();
        Thread.sleep(1100);

        assertThat(api.delete(account.path("/federated-credentials/" + id), api.adminToken()).status()).isEqualTo(204);

        assertThat(introspector.active(token)).isFalse();
        assertRefused(account, podToken("ci", "deployer"), "no federated credential of this service account trusts");
    }

    @Test
    void anIdentityProviderDisabledByTheRealmAdministratorStopsItsTokensUntilTheIssuerIsTrustedAgain() {
        try (TestIssuer other = TestIssuer.start()) {
            String alias = Federation.trustOpenIdIssuer(s.realm(), other.url(), other.jwksUrl());
            TestAccount account = account();
            addCredential(account, Map.of("name", "other", "issuer", other.url(), "subject", "system:*"));
            String token = other.sign(other.podClaims("ci", "deployer", Federation.issuerOf(s.realm())));
            assertThat(exchange(account, token).status()).isEqualTo(200);

            Federation.setIdentityProviderEnabled(s.realm(), alias, false);

            assertRefused(account, token, "issuer " + other.url() + " is no longer an enabled identity provider");

            Federation.trustOpenIdIssuer(s.realm(), other.url(), other.jwksUrl());
            assertThat(exchange(account, token).status()).as("the issuer registered again under a new alias")
                    .isEqualTo(200);
        }
    }

    /**
     * Rotation: a token signed with the issuer's new key is accepted once the keys are fetched again, which happens
     * at most once per 10 s per issuer however many unknown {@code kid}s arrive.
     */
    @Test
    void aRotatedKeyIsFetchedAtABoundedRate() throws InterruptedException {
        try (TestIssuer rotating = TestIssuer.start()) {
            Federation.trustOpenIdIssuer(s.realm(), rotating.url(), rotating.jwksUrl());
            TestAccount account = account();
            addCredential(account, Map.of("name", "rotating", "issuer", rotating.url(), "subject", "system:*"));
            String audience = Federation.issuerOf(s.realm());
            assertThat(exchange(account, rotating.sign(rotating.podClaims("ci", "a", audience))).status())
                    .isEqualTo(200);
            int fetched = rotating.jwksRequests();

            rotating.rotate();
            for (int i = 0; i < 5; i++) {
                assertRefused(account, rotating.sign(rotating.podClaims("ci", "a", audience)), "kid ");
            }
            assertThat(rotating.jwksRequests()).as("fetches within 10 s of the last").isEqualTo(fetched);

            Thread.sleep(11_000);
            assertThat(exchange(account, rotating.sign(rotating.podClaims("ci", "a", audience))).status())
                    .isEqualTo(200);
            assertThat(rotating.jwksRequests()).isEqualTo(fetched + 1);
        }
    }

    /** Keys already fetched keep working while the issuer is down; unknown ones are refused without hammering it. */
    @Test
    void anIssuerDownDoesNotStopKeysAlreadyKnown() throws InterruptedException {
        try (TestIssuer flaky = TestIssuer.start()) {
            Federation.trustOpenIdIssuer(s.realm(), flaky.url(), flaky.jwksUrl());
            TestAccount account = account();
            addCredential(account, Map.of("name", "flaky", "issuer", flaky.url(), "subject", "system:*"));
            String audience = Federation.issuerOf(s.realm());
            assertThat(exchange(account, flaky.sign(flaky.podClaims("ci", "a", audience))).status()).isEqualTo(200);

            flaky.setDown(true);
            assertThat(exchange(account, flaky.sign(flaky.podClaims("ci", "a", audience))).status()).isEqualTo(200);

            Thread.sleep(11_000);
            TestIssuer.SigningKey unknown = flaky.rotate();
            int before = flaky.jwksRequests();
            for (int i = 0; i < 5; i++) {
                assertRefused(account, flaky.sign(flaky.podClaims("ci", "a", audience)), "the keys of issuer");
            }
            assertThat(flaky.jwksRequests()).as("one try while down, then held back").isEqualTo(before + 1);
            assertThat(unknown.kid()).isNotEmpty();
        }
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(claims);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> claims, String name) {
        Map<String, Object> copy = new HashMap<>(claims);
        copy.remove(name);
        return copy;
    }
}
