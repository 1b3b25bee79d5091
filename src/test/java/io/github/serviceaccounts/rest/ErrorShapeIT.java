package io.github.serviceaccounts.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.TestAccount;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §3: every error of the API, unknown paths and methods included, is {@code {"error", "error_description"}} with
 * a code from its list; request bodies are JSON, anything else is 415 and changes nothing.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorShapeIT {

    private Scenario s;
    private Api api;
    private TestAccount account;
    private String keyId;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
        this.account = TestAccount.create(s.realm(), s.website(), "shaped");
        this.keyId = account.client("ES256").keyId();
    }

    private Response send(String method, String path) {
        return api.send(api.request(expand(path), api.adminToken())
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private String expand(String path) {
        return s.iam(path.replace("{org}", s.acme()).replace("{project}", s.website())
                .replace("{sa}", account.id()).replace("{key}", keyId).replace("{member}", s.developer().id()));
    }

    private static void assertShaped(Response answer, int status, String error) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.json().get("error").asText()).isEqualTo(error);
        assertThat(answer.json().get("error_description").textValue()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /nothing-here",
        "GET, /organizations/{org}/nothing-here",
        "GET, /organizations/{org}/projects/deeper",
        "GET, /projects",
        "GET, /projects/{project}/nothing-here",
        "GET, /projects/{project}/service-accounts/deeper",
        "GET, /projects/{project}/members/{member}/deeper",
        "GET, /service-accounts",
        "GET, /service-accounts/{sa}/nothing-here",
        "GET, /service-accounts/{sa}/keys/{key}/deeper",
    })
    void unknownPathsAre404InTheApisShape(String method, String path) {
        assertShaped(send(method, path), 404, "not_found");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "PATCH, /organizations",
        "DELETE, /organizations",
        "PATCH, /organizations/{org}",
        "POST, /organizations/{org}",
        "PUT, /organizations/{org}/projects",
        "POST, /projects/{project}",
        "PATCH, /projects/{project}/members",
        "POST, /projects/{project}/members/{member}",
        "DELETE, /projects/{project}/service-accounts",
        "POST, /service-accounts/{sa}",
        "POST, /service-accounts/{sa}/memberships",
        "PUT, /service-accounts/{sa}/keys",
        "POST, /service-accounts/{sa}/keys/{key}",
    })
    void otherMethodsAre405InTheApisShape(String method, String path) {
        assertShaped(send(method, path), 405, "method_not_allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void aBodyThatIsNotJsonIs415AndChangesNothing(String type) {
        String body = "{\"userId\":\"" + s.noRole().id() + "\",\"role\":\"project.user\"}";

        Response answer = api.send(api.request(s.iam("/projects/" + s.website() + "/members"), api.adminToken())
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)));

        assertShaped(answer, 415, "unsupported_media_type");
        assertThat(api.get(s.iam("/projects/" + s.website() + "/members/" + s.noRole().id()), api.adminToken())
                .status()).isEqualTo(404);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        Response answer = api.send(api.request(s.iam("/organizations"), api.adminToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Untyped\"}")));

        assertShaped(answer, 415, "unsupported_media_type");
    }

    @Test
    void jsonWithACharsetIsJson() {
        Response answer = api.send(api.request(s.iam("/organizations"), api.adminToken())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Typed\"}")));

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void keyFilesAreNeverCached() {
        Response json = api.post(account.path("/keys"), api.adminToken(), Map.of("algorithm", "ES256"));
        Response csv = api.send(api.request(account.path("/keys"), api.adminToken()).header("Accept", "text/csv")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"algorithm\":\"ES256\"}")));

        assertThat(json.status()).isEqualTo(201);
        assertThat(json.header("Cache-Control")).isEqualTo("no-store");
        assertThat(csv.status()).isEqualTo(201);
        assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
    }
}
