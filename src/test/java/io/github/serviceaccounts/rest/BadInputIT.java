package io.github.serviceaccounts.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input is answered 400 with the field named, and changes nothing. */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private Scenario s;
    private Api api;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty name                      | {"name": ""}                          | name: must not be empty
            blank name                      | {"name": "   "}                       | name: must not be blank
            name with spaces around it      | {"name": " Acme2 "}                   | name: must not be blank or start
            name of 101 characters          | {"name": "%s"}                        | name: must be at most 100
            name with a bell                | {"name": "a\\u0007b"}                  | name: must not contain control
            name with a line break          | {"name": "a\\nb"}                      | name: must not contain control
            name with a bidi override       | {"name": "a\\u202eb"}                  | name: must not contain control
            name that is a number           | {"name": 5}                           | name: must be a string
            no name                         | {"description": "x"}                  | name: is required
            description of 501 characters   | {"name": "Fine", "description": "%s"} | description: must be at most 500
            unknown field                   | {"name": "Fine", "colour": "red"}     | colour: unknown field
            malformed JSON                  | {"name":                              | The body is not valid JSON
            an array                        | ["name"]                              | The body must be a JSON object
            a string                        | "name"                                | The body must be a JSON object
            null                            | null                                  | The body must be a JSON object
            """)
    void createOrganizationRefusesAndChangesNothing(String label, String body, String description) {
        int before = organizationCount();
        String filled = body.contains("%s") ? body.formatted(body.contains("description") ? "d".repeat(501) : "n".repeat(101)) : body;

        Response answer = api.post(s.iam("/organizations"), api.adminToken(), filled);

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(answer.json().get("error_description").asText()).startsWith(description);
        assertThat(organizationCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"\"}", "{\"name\": \"a\\tb\"}", "[]", "{\"description\": 7}"})
    void updateProjectRefusesAndChangesNothing(String body) {
        Response answer = api.put(s.iam("/projects/" + s.website()), s.token(s.projectAdmin()), body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(api.get(s.iam("/projects/" + s.website()), api.adminToken()).json().get("name").asText())
                .isEqualTo("Website");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void namesOfOneToAHundredCharactersAreFine(int length) {
        Response answer = api.post(s.iam("/organizations/" + s.acme() + "/projects"), api.adminToken(),
                Map.of("name", "x".repeat(length), "description", "d".repeat(500)));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("name").asText()).hasSize(length);
        String id = answer.json().get("id").asText();
        assertThat(api.get(s.iam("/projects/" + id), api.adminToken()).json().get("description").asText()).hasSize(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Robert'); DROP TABLE KEYCLOAK_GROUP;--", "<script>alert(1)</script>", "../../etc/passwd",
            "%2e%2e%2f", "名前 🚀"})
    void unusualNamesAreStoredAndReturnedVerbatim(String name) {
        Response created = api.post(s.iam("/organizations/" + s.globex() + "/projects"), api.adminToken(),
                Map.of("name", name));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(api.get(s.iam("/projects/" + id), api.adminToken()).json().get("name").asText()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/organizations/' OR '1'='1", "/projects/..%2F..%2Forganizations",
            "/organizations/00000000-0000-0000-0000-000000000000", "/projects/" + "x"})
    void unknownIdsAreNotFound(String path) {
        assertThat(api.get(s.iam(path.replace(" ", "%20").replace("'", "%27")), api.adminToken()).status())
                .isEqualTo(404);
    }

    private int organizationCount() {
        return api.get(s.iam("/organizations?max=1000"), api.adminToken()).json().size();
    }
}
