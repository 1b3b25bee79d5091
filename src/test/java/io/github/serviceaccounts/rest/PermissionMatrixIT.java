package io.github.serviceaccounts.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.TestUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** Every REST operation built so far, called by every kind of caller, against SPEC §3's "who" column. */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIT {

    private Scenario scenario;
    private Api api;
    /** An environment of Website and its two members who hold no other role (SPEC §9). */
    private String production;
    private TestUser environmentAdmin;
    private TestUser environmentReader;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.scenario = Scenario.create(api);
        this.environmentAdmin = scenario.realm().user("env-admin");
        this.environmentReader = scenario.realm().user("env-reader");
        this.production = environmentWithItsMembers("production");
    }

    private String environmentWithItsMembers(String name) {
        String environment = scenario.realm().createEnvironment(scenario.website(), name).get("id").asText();
        scenario.realm().addMember("/environments/" + environment, environmentAdmin, "environment.admin");
        scenario.realm().addMember("/environments/" + environment, environmentReader, "environment.reader");
        return environment;
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheStatusTheSpecGivesIt() throws IOException {
        List<String> lines;
        try (InputStream in = PermissionMatrixIT.class.getResourceAsStream("/rest/permissions.psv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        }
        String[] callers = lines.get(0).split("\\|");
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\|", -1);
            for (int column = 3; column < callers.length; column++) {
                String caller = callers[column];
                String expected = cells[column];
                if (expected.equals("-")) {
                    continue;
                }
                String name = caller + " " + cells[0] + " " + cells[1] + " " + cells[2] + " → " + expected;
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Response answer = call(caller, cells[0], cells[1], cells[2]);
                    assertThat(answer.status()).as("%s: %s", name, answer.body()).isEqualTo(Integer.parseInt(expected));
                }));
            }
        }
        return tests.stream();
    }

    private Response call(String caller, String method, String pathTemplate, String bodyTemplate) {
        String path = scenario.iam(fill(pathTemplate));
        String body = fill(bodyTemplate);
        String token = token(caller);
        return switch (method) {
            case "GET" -> api.get(path, token);
            case "POST" -> api.post(path, token, body);
            case "PUT" -> api.put(path, token, body);
            case "DELETE" -> api.delete(path, token);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private String token(String caller) {
        return switch (caller) {
            case "master" -> api.adminToken();
            case "manager" -> scenario.token(scenario.manager());
            case "viewer" -> scenario.token(scenario.viewer());
            case "orgAdmin" -> scenario.token(scenario.orgAdmin());
            case "projectAdmin" -> scenario.token(scenario.projectAdmin());
            case "developer" -> scenario.token(scenario.developer());
            case "projectUser" -> scenario.token(scenario.projectUser());
            case "noRole" -> scenario.token(scenario.noRole());
            case "globexAdmin" -> scenario.token(scenario.globexAdmin());
            case "envAdmin" -> scenario.token(environmentAdmin);
            case "envReader" -> scenario.token(environmentReader);
            default -> throw new IllegalArgumentException(caller);
        };
    }

    /** Replaces the placeholders, creating fresh resources where the row needs them. */
    private String fill(String template) {
        String text = template.replace("{acme}", scenario.acme()).replace("{globex}", scenario.globex())
                .replace("{website}", scenario.website()).replace("{mobile}", scenario.mobile())
                .replace("{production}", production)
                .replace("{unique}", "n-" + UUID.randomUUID());
        if (text.contains("{scratchProject}")) {
            String project = scenario.realm().createProject(scenario.acme(), "p-" + UUID.randomUUID()).get("id").asText();
            scenario.realm().addMember("/projects/" + project, scenario.projectAdmin(), "project.admin");
            scenario.realm().addMember("/projects/" + project, scenario.developer(), "project.developer");
            scenario.realm().addMember("/projects/" + project, scenario.projectUser(), "project.user");
            text = text.replace("{scratchProject}", project);
        }
        if (text.contains("{scratchEnvironment}")) {
            text = text.replace("{scratchEnvironment}", environmentWithItsMembers("e-" + UUID.randomUUID()));
        }
        if (text.contains("{scratchEnvMember}")) {
            TestUser member = freshUser();
            scenario.realm().addMember("/environments/" + production, member, "environment.reader");
            text = text.replace("{scratchEnvMember}", member.id());
        }
        if (text.contains("{scratchOrg}")) {
            text = text.replace("{scratchOrg}",
                    scenario.realm().createOrganization("o-" + UUID.randomUUID()).get("id").asText());
        }
        if (text.contains("{newUser}")) {
            text = text.replace("{newUser}", freshUser().id());
        }
        if (text.contains("{scratchMember}")) {
            TestUser member = freshUser();
            scenario.realm().addMember("/projects/" + scenario.website(), member, "project.user");
            text = text.replace("{scratchMember}", member.id());
        }
        if (text.contains("{accountName}")) {
            text = text.replace("{accountName}", "acct-" + UUID.randomUUID().toString().substring(0, 8));
        }
        if (text.contains("{scratchAccount}")) {
            String account = account(scenario.website());
            text = text.replace("{scratchAccount}", account);
            if (text.contains("{scratchKey}")) {
                text = text.replace("{scratchKey}", scenario.realm().generateKey(account, "ES256").get("keyId").asText());
            }
        }
        if (text.contains("{mobileAccount}")) {
            text = text.replace("{mobileAccount}", account(scenario.mobile()));
        }
        if (text.contains("{scratchOrgAdmin}")) {
            TestUser member = freshUser();
            scenario.realm().addMember("/organizations/" + scenario.acme(), member, "organization.admin");
            text = text.replace("{scratchOrgAdmin}", member.id());
        }
        return text;
    }

    private String account(String project) {
        return scenario.realm().createServiceAccount(project, "acct-" + UUID.randomUUID().toString().substring(0, 8))
                .get("id").asText();
    }

    private TestUser freshUser() {
        return scenario.realm().user("u-" + UUID.randomUUID().toString().substring(0, 13));
    }
}
