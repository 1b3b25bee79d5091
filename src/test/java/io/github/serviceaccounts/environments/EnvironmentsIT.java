package io.github.serviceaccounts.environments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Concurrently;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestUser;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SPEC §9: environments of a project, their members and the {@code environments} claim. The scenario's Website gets
 * an environment {@code production} with an {@code environment.admin} and an {@code environment.reader} who hold no
 * project role at all.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvironmentsIT {

    private Scenario s;
    private Api api;
    private String production;
    private TestUser environmentAdmin;
    private TestUser environmentReader;
    private int n;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
        this.production = s.realm().createEnvironment(s.website(), "production").get("id").asText();
        this.environmentAdmin = s.realm().user("environment-admin");
        this.environmentReader = s.realm().user("environment-reader");
        s.realm().addMember("/environments/" + production, environmentAdmin, "environment.admin");
        s.realm().addMember("/environments/" + production, environmentReader, "environment.reader");
    }

    private String environments(String project) {
        return s.iam("/projects/" + project + "/environments");
    }

    private String environment(String id) {
        return s.iam("/environments/" + id);
    }

    private String newEnvironment() {
        return s.realm().createEnvironment(s.website(), "env-" + ++n).get("id").asText();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Lifecycle {

        @Test
        void aProjectAdminCreatesReadsRenamesAndDeletesAnEnvironmentEachAnAdminEvent() {
            Response created = api.post(environments(s.website()), s.token(s.projectAdmin()),
                    Map.of("name", "staging", "description", "Before production"));

            assertThat(created.status()).as("%s", created).isEqualTo(201);
            JsonNode body = created.json();
            String id = body.get("id").asText();
            assertThat(created.header("Location")).endsWith("/iam/environments/" + id);
            assertThat(body.get("name").asText()).isEqualTo("staging");
            assertThat(body.get("description").asText()).isEqualTo("Before production");
            assertThat(body.get("projectId").asText()).isEqualTo(s.website());
            assertThat(body.get("organizationId").asText()).isEqualTo(s.acme());
            assertThat(body.get("createdAt").textValue()).isNotEmpty();
            assertThat(api.get(environment(id), s.token(s.projectUser())).json()).isEqualTo(body);
            assertThat(s.realm().adminEvent("CREATE", "iam/environments/" + id)).isNotNull();

            Response renamed = api.put(environment(id), s.token(s.projectAdmin()), Map.of("name", "pre-production"));
            assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
            assertThat(renamed.json().get("name").asText()).isEqualTo("pre-production");
            assertThat(renamed.json().get("description").asText()).isEqualTo("Before production");
            assertThat(s.realm().adminEvent("UPDATE", "iam/environments/" + id)).isNotNull();

            assertThat(api.delete(environment(id), s.token(s.orgAdmin())).status()).isEqualTo(204);
            assertThat(api.get(environment(id), api.adminToken()).status()).isEqualTo(404);
            assertThat(s.realm().adminEvent("DELETE", "iam/environments/" + id)).isNotNull();
        }

        @Test
        void theListIsPagedSearchedAndOrderedByName() {
            String project = s.realm().createProject(s.acme(), "Listed " + ++n).get("id").asText();
            for (String name : List.of("qa", "dev", "production", "staging")) {
                s.realm().createEnvironment(project, name);
            }

            JsonNode all = api.get(environments(project), s.token(s.orgAdmin())).json();
            JsonNode page = api.get(environments(project) + "?first=1&max=2", s.token(s.orgAdmin())).json();
            JsonNode found = api.get(environments(project) + "?search=PROD", s.token(s.orgAdmin())).json();

            assertThat(all.findValuesAsText("name")).containsExactly("dev", "production", "qa", "staging");
            assertThat(page.findValuesAsText("name")).containsExactly("production", "qa");
            assertThat(found.findValuesAsText("name")).containsExactly("production");
        }

        @Test
        void namesAreUniqueInTheirProjectOnly() {
            Response again = api.post(environments(s.website()), api.adminToken(), Map.of("name", "production"));
            Response elsewhere = api.post(environments(s.mobile()), api.adminToken(), Map.of("name", "production"));
            Response roleName = api.post(environments(s.website()), api.adminToken(),
                    Map.of("name", "environment.admin"));
            String other = newEnvironment();
            Response renamedOnto = api.put(environment(other), api.adminToken(), Map.of("name", "production"));

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("error").asText()).isEqualTo("name_taken");
            assertThat(elsewhere.status()).as("%s", elsewhere).isEqualTo(201);
            assertThat(roleName.status()).isEqualTo(409);
            assertThat(renamedOnto.status()).isEqualTo(409);
            assertThat(api.get(environment(other), api.adminToken()).json().get("name").asText()).startsWith("env-");
        }

        @Test
        void badInputIsRefusedNamingTheFieldAndChangesNothing() {
            int before = api.get(environments(s.website()), api.adminToken()).json().size();

            Response noName = api.post(environments(s.website()), api.adminToken(), Map.of("description", "x"));
            Response unknownField = api.post(environments(s.website()), api.adminToken(),
                    Map.of("name", "x", "kind", "prod"));
            Response blank = api.post(environments(s.website()), api.adminToken(), Map.of("name", "  "));
            Response notJson = api.send(api.request(environments(s.website()), api.adminToken())
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x")));

            assertThat(noName.status()).isEqualTo(400);
            assertThat(noName.json().get("error_description").asText()).contains("name");
            assertThat(unknownField.status()).isEqualTo(400);
            assertThat(unknownField.json().get("error_description").asText()).contains("kind");
            assertThat(blank.status()).isEqualTo(400);
            assertThat(notJson.status()).isEqualTo(415);
            assertThat(api.get(environments(s.website()), api.adminToken()).json()).hasSize(before);
        }

        @Test
        void tenConcurrentCreationsOfOneNameMakeOneEnvironment() throws Exception {
            String name = "raced-" + ++n;
            String token = api.adminToken();
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> api.post(environments(s.website()), token, Map.of("name", name)));
            }

            List<Integer> statuses = Concurrently.statuses(calls);

            assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
            assertThat(statuses.stream().filter(status -> status == 409)).hasSize(9);
            assertThat(api.get(environments(s.website()) + "?search=" + name, token).json()).hasSize(1);
        }

        @Test
        void deletingTheProjectDeletesItsEnvironments() {
            String project = s.realm().createProject(s.acme(), "Doomed " + ++n).get("id").asText();
            String doomed = s.realm().createEnvironment(project, "production").get("id").asText();

            assertThat(api.delete(s.iam("/projects/" + project), api.adminToken()).status()).isEqualTo(204);

            assertThat(api.get(environment(doomed), api.adminToken()).status()).isEqualTo(404);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Permissions {

        private int status(Response answer) {
            return answer.status();
        }

        @Test
        void creatingIsForProjectAdminsAndAbove() {
            Map<TestUser, Integer> expected = Map.of(s.projectAdmin(), 201, s.orgAdmin(), 201, s.manager(), 201,
                    s.developer(), 403, s.projectUser(), 403, s.viewer(), 403, environmentAdmin, 404, s.noRole(), 404,
                    s.globexAdmin(), 404);
            expected.forEach((caller, status) -> assertThat(status(api.post(environments(s.website()), s.token(caller),
                    Map.of("name", "by-" + caller.username())))).as(caller.username()).isEqualTo(status));
        }

        @Test
        void readingIsForTheEnvironmentsMembersAndTheProjectsReaders() {
            Map<TestUser, Integer> expected = Map.of(s.projectUser(), 200, s.developer(), 200, s.projectAdmin(), 200,
                    s.orgAdmin(), 200, environmentReader, 200, environmentAdmin, 200, s.viewer(), 200, s.noRole(), 404,
                    s.globexAdmin(), 404);
            expected.forEach((caller, status) -> assertThat(status(api.get(environment(production), s.token(caller))))
                    .as(caller.username()).isEqualTo(status));
            assertThat(status(api.get(environments(s.website()), s.token(environmentAdmin))))
                    .as("an environment-only member does not see the project").isEqualTo(404);
        }

        @Test
        void theOwnListShowsAnEnvironmentOnlyMemberItsEnvironments() {
            String notTheirs = newEnvironment();
            JsonNode mine = api.get(s.iam("/environments"), s.token(environmentReader)).json();
            JsonNode none = api.get(s.iam("/environments"), s.token(s.developer())).json();
            JsonNode all = api.get(s.iam("/environments?search=production"), s.token(s.viewer())).json();

            assertThat(mine.findValuesAsText("id")).contains(production).doesNotContain(notTheirs);
            assertThat(mine.findValuesAsText("projectId")).containsOnly(s.website());
            assertThat(mine.findValuesAsText("organizationId")).containsOnly(s.acme());
            assertThat(none).as("project roles are not environment memberships").isEmpty();
            assertThat(all.findValuesAsText("id")).contains(production);
            assertThat(api.get(s.iam("/environments"), s.token(s.viewer())).json().findValuesAsText("id"))
                    .contains(notTheirs);
        }

        @Test
        void renamingAndDeletingIsForTheProjectsAdmins() {
            String id = newEnvironment();
            s.realm().addMember("/environments/" + id, environmentAdmin, "environment.admin");
            s.realm().addMember("/environments/" + id, environmentReader, "environment.reader");
            for (TestUser caller : List.of(environmentAdmin, environmentReader, s.developer(), s.projectUser())) {
                assertThat(status(api.put(environment(id), s.token(caller), Map.of("name", "renamed"))))
                        .as(caller.username()).isEqualTo(403);
                assertThat(status(api.delete(environment(id), s.token(caller)))).as(caller.username()).isEqualTo(403);
            }
            assertThat(status(api.delete(environment(id), s.token(s.noRole())))).isEqualTo(404);
            assertThat(status(api.delete(environment(id), s.token(s.projectAdmin())))).isEqualTo(204);
        }

        @Test
        void membersAreReadByEnvironmentReadersAndInheritedAdminsOnly() {
            String members = environment(production) + "/members";
            Map<TestUser, Integer> expected = Map.of(environmentReader, 200, environmentAdmin, 200,
                    s.projectAdmin(), 200, s.orgAdmin(), 200, s.viewer(), 200, s.developer(), 403,
                    s.projectUser(), 403, s.noRole(), 404);
            expected.forEach((caller, status) -> assertThat(status(api.get(members, s.token(caller))))
                    .as(caller.username()).isEqualTo(status));
            JsonNode listed = api.get(members, s.token(environmentReader)).json();
            assertThat(listed.findValuesAsText("username")).contains("environment-admin", "environment-reader");
            assertThat(listed.findValuesAsText("username")).as("inherited admins are not members")
                    .doesNotContain(s.projectAdmin().username());
        }

        @Test
        void environmentAdminsManageMembersWithEnvironmentRolesOnly() {
            String id = newEnvironment();
            s.realm().addMember("/environments/" + id, environmentAdmin, "environment.admin");
            s.realm().addMember("/environments/" + id, environmentReader, "environment.reader");
            String members = environment(id) + "/members";
            TestUser newcomer = s.realm().user("newcomer-" + ++n);

            Response projectRole = api.post(members, s.token(environmentAdmin),
                    Map.of("userId", newcomer.id(), "role", "project.user"));
            Response byReader = api.post(members, s.token(environmentReader),
                    Map.of("userId", newcomer.id(), "role", "environment.reader"));
            Response byDeveloper = api.post(members, s.token(s.developer()),
                    Map.of("userId", newcomer.id(), "role", "environment.reader"));
            Response added = api.post(members, s.token(environmentAdmin),
                    Map.of("userId", newcomer.id(), "role", "environment.reader"));
            Response promoted = api.put(members + "/" + newcomer.id(), s.token(s.projectAdmin()),
                    Map.of("role", "environment.admin"));
            Response one = api.get(members + "/" + newcomer.id(), s.token(environmentAdmin));
            Response removed = api.delete(members + "/" + newcomer.id(), s.token(environmentAdmin));

            assertThat(projectRole.status()).isEqualTo(400);
            assertThat(projectRole.json().get("error_description").asText()).contains("environment.reader");
            assertThat(byReader.status()).isEqualTo(403);
            assertThat(byDeveloper.status()).as("project.developer sees the environment, manages nothing there")
                    .isEqualTo(403);
            assertThat(added.status()).as("%s", added).isEqualTo(201);
            assertThat(added.json().get("role").asText()).isEqualTo("environment.reader");
            assertThat(promoted.status()).as("%s", promoted).isEqualTo(200);
            assertThat(one.json().get("role").asText()).isEqualTo("environment.admin");
            assertThat(removed.status()).isEqualTo(204);
            assertThat(s.realm().adminEvent("CREATE", "iam/environments/" + id + "/members/" + newcomer.id()))
                    .isNotNull();
            assertThat(api.get(members + "/" + newcomer.id(), api.adminToken()).status()).isEqualTo(404);
        }

        @Test
        void tenConcurrentAddsOfOneMemberMakeOneMembership() throws Exception {
            TestUser user = s.realm().user("raced-member-" + ++n);
            String token = api.adminToken();
            String[] roles = {"environment.reader", "environment.admin"};
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String role = roles[i % 2];
                calls.add(() -> api.post(environment(production) + "/members", token,
                        Map.of("userId", user.id(), "role", role)));
            }

            List<Integer> statuses = Concurrently.statuses(calls);

            assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
            assertThat(statuses.stream().filter(status -> status == 409)).hasSize(9);
            assertThat(api.get(s.realm().admin("/users/" + user.id() + "/groups"), token).json()).hasSize(1);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Claims {

        private TestAccount account(String name) {
            return TestAccount.create(s.realm(), s.mobile(), name + "-" + ++n);
        }

        @Test
        void anEnvironmentMemberCarriesItsRoleThereAndNothingInTheProject() {
            TestAccount deployer = account("deployer").memberOf("/environments/" + production, "environment.admin");

            JsonNode claims = Json.claims(deployer.client("ES256").token());

            assertThat(claims.get("environments")).isEqualTo(Json.parse("{\"" + production + "\":\"environment.admin\"}"));
            assertThat(claims.get("projects").size()).isZero();
            assertThat(claims.get("organizations").size()).isZero();
            JsonNode memberships = api.get(deployer.path("/memberships"), api.adminToken()).json();
            assertThat(memberships.at("/environments/0/id").asText()).isEqualTo(production);
            assertThat(memberships.at("/environments/0/projectId").asText()).isEqualTo(s.website());
            assertThat(memberships.at("/environments/0/role").asText()).isEqualTo("environment.admin");
        }

        @Test
        void projectAdminIsEnvironmentAdminInEveryEnvironmentOfItsProjectEvenLaterOnes() {
            String project = s.realm().createProject(s.acme(), "Inherited " + ++n).get("id").asText();
            String dev = s.realm().createEnvironment(project, "dev").get("id").asText();
            TestAccount admin = account("admin").memberOf("/projects/" + project, "project.admin");
            TestAccount developer = account("developer").memberOf("/projects/" + project, "project.developer");

            String later = s.realm().createEnvironment(project, "production").get("id").asText();
            JsonNode adminClaims = Json.claims(admin.client("ES256").token());
            JsonNode developerClaims = Json.claims(developer.client("ES256").token());

            assertThat(adminClaims.at("/environments/" + dev).asText()).isEqualTo("environment.admin");
            assertThat(adminClaims.at("/environments/" + later).asText()).isEqualTo("environment.admin");
            assertThat(developerClaims.get("environments").size()).as("project.developer implies nothing").isZero();
        }

        @Test
        void organizationAdminIsEnvironmentAdminInEveryEnvironmentOfItsOrganization() {
            String organization = s.realm().createOrganization("Env org " + ++n).get("id").asText();
            String first = s.realm().createEnvironment(s.realm().createProject(organization, "One").get("id").asText(),
                    "production").get("id").asText();
            String second = s.realm().createEnvironment(s.realm().createProject(organization, "Two").get("id").asText(),
                    "production").get("id").asText();
            TestAccount admin = account("org-admin").memberOf("/organizations/" + organization, "organization.admin");

            JsonNode claims = Json.claims(admin.client("ES256").token());

            assertThat(claims.get("environments")).isEqualTo(Json.parse("{\"" + first + "\":\"environment.admin\",\""
                    + second + "\":\"environment.admin\"}"));
            assertThat(claims.get("environments").has(production)).isFalse();
        }

        @Test
        void deletingTheEnvironmentRemovesItFromTheAccountsMembershipsAndTokens() {
            String doomed = newEnvironment();
            TestAccount account = account("doomed").memberOf("/environments/" + doomed, "environment.reader");
            assertThat(Json.claims(account.client("ES256").token()).at("/environments/" + doomed).asText())
                    .isEqualTo("environment.reader");

            assertThat(api.delete(environment(doomed), s.token(s.projectAdmin())).status()).isEqualTo(204);

            assertThat(api.get(account.path("/memberships"), api.adminToken()).json().get("environments")).isEmpty();
        }
    }
}
