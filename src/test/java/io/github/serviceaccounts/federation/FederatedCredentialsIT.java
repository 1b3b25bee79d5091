package io.github.serviceaccounts.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Concurrently;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The REST endpoints of SPEC §6: fields, errors, who may do what, the limit of 20 under races, and admin events. */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederatedCredentialsIT {

    private Scenario s;
    private Api api;
    private TestIssuer cluster;
    private String alias;
    private int accounts;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        s = Scenario.create(api);
        cluster = TestIssuer.start();
        alias = Federation.trustOpenIdIssuer(s.realm(), cluster.url(), cluster.jwksUrl());
    }

    @AfterAll
    void stopIssuer() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private TestAccount account() {
        return TestAccount.create(s.realm(), s.website(), "fed-" + ++accounts);
    }

    private Map<String, Object> credential(String name) {
        return Map.of("name", name, "issuer", cluster.url(), "subject", "system:serviceaccount:ci:" + name);
    }

    @Test
    void aCredentialIsCreatedReadChangedAndDeletedWithAnEventForEachChange() {
        TestAccount account = account();
        String token = s.token(s.developer());

        Response created = api.post(account.path("/federated-credentials"), token, Map.of("name", "deploy",
                "issuer", cluster.url(), "subject", "system:serviceaccount:ci:deployer",
                "claims", Map.of("environment", "prod*"), "expiresAt", "2099-01-01T00:00:00Z"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asText();
        assertThat(created.header("Location")).endsWith(account.path("/federated-credentials/" + id));
        assertThat(body.get("name").asText()).isEqualTo("deploy");
        assertThat(body.get("issuer").asText()).isEqualTo(cluster.url());
        assertThat(body.get("subject").asText()).isEqualTo("system:serviceaccount:ci:deployer");
        assertThat(body.get("audience").asText()).isEqualTo(Federation.issuerOf(s.realm()));
        assertThat(body.get("claims")).isEqualTo(io.github.serviceaccounts.testing.Json.parse(
                "{\"environment\":\"prod*\"}"));
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(body.get("createdAt").textValue()).isNotEmpty();
        assertThat(body.get("expiresAt").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(body.get("lastUsedAt").isNull()).isTrue();
        assertThat(body.get("createdBy").asText()).isEqualTo(s.developer().id());

        assertThat(api.get(account.path("/federated-credentials"), s.token(s.projectUser())).json().get(0)
                .get("id").asText()).isEqualTo(id);
        assertThat(api.get(account.path("/federated-credentials/" + id), s.token(s.projectUser())).json())
                .isEqualTo(body);

        Response changed = api.put(account.path("/federated-credentials/" + id), token, Map.of("name", "deploy prod",
                "subject", "system:serviceaccount:prod:*", "audience", "https://api.example", "claims", Map.of(),
                "enabled", false));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().get("name").asText()).isEqualTo("deploy prod");
        assertThat(changed.json().get("subject").asText()).isEqualTo("system:serviceaccount:prod:*");
        assertThat(changed.json().get("audience").asText()).isEqualTo("https://api.example");
        assertThat(changed.json().get("claims").size()).isZero();
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(changed.json().get("issuer").asText()).isEqualTo(cluster.url());
        assertThat(changed.json().get("expiresAt").asText()).isEqualTo("2099-01-01T00:00:00Z");
        Map<String, Object> neverExpires = new java.util.HashMap<>();
        neverExpires.put("expiresAt", null);
        assertThat(api.put(account.path("/federated-credentials/" + id), token, neverExpires).json()
                .get("expiresAt").isNull()).isTrue();

        assertThat(api.delete(account.path("/federated-credentials/" + id), token).status()).isEqualTo(204);
        assertThat(api.get(account.path("/federated-credentials/" + id), token).status()).isEqualTo(404);
        assertThat(api.delete(account.path("/federated-credentials/" + id), token).status()).isEqualTo(404);

        String path = "iam/service-accounts/" + account.id() + "/federated-credentials/" + id;
        assertThat(s.realm().adminEvent("CREATE", path).get("authDetails").get("userId").asText())
                .isEqualTo(s.developer().id());
        assertThat(s.realm().adminEvent("UPDATE", path)).isNotNull();
        assertThat(s.realm().adminEvent("DELETE", path)).isNotNull();
    }

    @Test
    void badInputGetsAnErrorNamingTheFieldAndChangesNothing() {
        TestAccount account = account();
        String token = s.token(s.developer());
        Map<String, Map<String, Object>> cases = Map.of(
                "issuer: is not the issuer of an enabled", Map.of("name", "x", "issuer", "https://evil.example",
                        "subject", "a"),
                "subject: must name something besides '*'", Map.of("name", "x", "issuer", cluster.url(),
                        "subject", "**"),
                "subject: is required", Map.of("name", "x", "issuer", cluster.url()),
                "name: must not be empty", Map.of("name", "", "issuer", cluster.url(), "subject", "a"),
                "claims: sub is checked by its own field", Map.of("name", "x", "issuer", cluster.url(),
                        "subject", "a", "claims", Map.of("sub", "b")),
                "claims: the pattern of ref must be a string", Map.of("name", "x", "issuer", cluster.url(),
                        "subject", "a", "claims", Map.of("ref", 3)),
                "expiresAt: must be in the future", Map.of("name", "x", "issuer", cluster.url(), "subject", "a",
                        "expiresAt", "2020-01-01T00:00:00Z"),
                "expiresAt: must be an ISO-8601 instant", Map.of("name", "x", "issuer", cluster.url(), "subject",
                        "a", "expiresAt", "tomorrow"),
                "issuer: unknown field", Map.of("name", "x", "issuer", cluster.url(), "subject", "a",
                        "enabled", false),
                "audience: must be at most 255 characters", Map.of("name", "x", "issuer", cluster.url(),
                        "subject", "a", "audience", "a".repeat(256)));
        cases.forEach((message, body) -> {
            Response answer = api.post(account.path("/federated-credentials"), token, body);
            assertThat(answer.status()).as("%s → %s", body, answer).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
            if (!message.startsWith("issuer: unknown")) {
                assertThat(answer.json().get("error_description").asText()).as("%s", body).startsWith(message);
            }
        });
        Response plain = api.send(api.request(account.path("/federated-credentials"), token)
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(plain.status()).isEqualTo(415);
        assertThat(api.get(account.path("/federated-credentials"), token).json().size()).isZero();
    }

    @Test
    void usersReadDevelopersChangeAndOthersSeeNothing() {
        TestAccount account = account();
        String path = account.path("/federated-credentials");

        assertThat(api.post(path, s.token(s.projectUser()), credential("a")).status()).isEqualTo(403);
        assertThat(api.get(path, s.token(s.projectUser())).status()).isEqualTo(200);
        assertThat(api.get(path, s.token(s.noRole())).status()).isEqualTo(404);
        assertThat(api.post(path, s.token(s.globexAdmin()), credential("a")).status()).isEqualTo(404);
        assertThat(api.post(path, s.token(s.developer()), credential("a")).status()).isEqualTo(201);
        assertThat(api.post(path, s.token(s.orgAdmin()), credential("b")).status()).isEqualTo(201);
        assertThat(api.post(path, s.token(s.manager()), credential("c")).status()).isEqualTo(201);
        assertThat(api.put(path, s.token(s.developer()), Map.of()).status()).isEqualTo(405);
    }

    @Test
    void membersAndAdministratorsSeeTheTrustedIssuersOthersDoNot() {
        Response listed = api.get(s.iam("/trusted-issuers"), s.token(s.projectUser()));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("alias")).contains(alias);
        JsonNode issuer = listed.json().get(listed.json().findValuesAsText("alias").indexOf(alias));
        assertThat(issuer.get("issuer").asText()).isEqualTo(cluster.url());
        assertThat(issuer.get("providerId").asText()).isEqualTo("oidc");
        assertThat(api.get(s.iam("/trusted-issuers"), api.adminToken()).status()).isEqualTo(200);
        assertThat(api.get(s.iam("/trusted-issuers"), s.token(s.noRole())).status()).isEqualTo(403);
    }

    /** 25 concurrent creations: 20 land, 5 get 409; the keys are counted apart. */
    @Test
    void atMostTwentyPerAccountUnderConcurrentCreations() throws Exception {
        TestAccount account = account();
        String token = s.token(s.developer());
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Map<String, Object> body = credential("race-" + i);
            calls.add(() -> api.post(account.path("/federated-credentials"), token, body));
        }

        List<Response> answers = Concurrently.answers(calls);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(20);
        List<Response> refused = answers.stream().filter(a -> a.status() != 201).toList();
        assertThat(refused).hasSize(5).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.json().get("error").asText()).isEqualTo("credential_limit_reached");
        });
        assertThat(api.get(account.path("/federated-credentials"), token).json().size()).isEqualTo(20);
        assertThat(api.post(account.path("/keys"), token, Map.of("algorithm", "ES256")).status()).isEqualTo(201);
    }

    /** SPEC §2 applied to credentials: what lets tokens in needs the account's roles; what stops them never does. */
    @Test
    void aDeveloperCannotGiveAnAdminAccountAFederatedCredential() {
        TestAccount account = account().memberOf("/projects/" + s.website(), "project.admin");
        String path = account.path("/federated-credentials");
        String developer = s.token(s.developer());

        Response refused = api.post(path, developer, credential("escalate"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error_description").asText())
                .contains("project.admin in project 'Website'");

        String id = api.post(path, s.token(s.projectAdmin()), credential("deploy")).json().get("id").asText();
        assertThat(api.put(path + "/" + id, developer, Map.of("subject", "system:*")).status()).isEqualTo(403);
        assertThat(api.put(path + "/" + id, developer, Map.of("name", "renamed")).status()).isEqualTo(200);
        assertThat(api.put(path + "/" + id, developer, Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(api.put(path + "/" + id, developer, Map.of("enabled", true)).status()).isEqualTo(403);
        assertThat(api.put(path + "/" + id, s.token(s.projectAdmin()), Map.of("enabled", true)).status())
                .isEqualTo(200);
        assertThat(api.delete(path + "/" + id, developer).status()).isEqualTo(204);
    }

    @Test
    void deletingTheAccountDeletesItsCredentials() {
        TestAccount account = account();
        api.post(account.path("/federated-credentials"), api.adminToken(), credential("gone"));

        assertThat(api.delete(account.path(""), api.adminToken()).status()).isEqualTo(204);

        assertThat(api.get(account.path("/federated-credentials"), api.adminToken()).status()).isEqualTo(404);
    }
}
