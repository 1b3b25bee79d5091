package io.github.serviceaccounts.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectsIT {

    private Scenario s;
    private Api api;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
    }

    private List<String> projectNames(String organizationId, String token, String query) {
        Response answer = api.get(s.iam("/organizations/" + organizationId + "/projects" + query), token);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json().findValuesAsText("name");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Visibility {

        @Test
        void organizationAdminsAndRealmViewersSeeEveryProjectOfTheOrganization() {
            assertThat(projectNames(s.acme(), s.token(s.orgAdmin()), "")).contains("Mobile", "Website");
            assertThat(projectNames(s.acme(), s.token(s.viewer()), "")).contains("Mobile", "Website");
        }

        @Test
        void projectMembersSeeOnlyTheirOwnProjects() {
            assertThat(projectNames(s.acme(), s.token(s.projectUser()), "")).containsExactly("Website");
            assertThat(api.get(s.iam("/projects/" + s.mobile()), s.token(s.projectAdmin())).status()).isEqualTo(404);
        }

        @Test
        void aProjectReadsAsTheSpecShowsIt() {
            JsonNode website = api.get(s.iam("/projects/" + s.website()), s.token(s.projectUser())).json();

            assertThat(website.get("id").asText()).isEqualTo(s.website());
            assertThat(website.get("name").asText()).isEqualTo("Website");
            assertThat(website.get("organizationId").asText()).isEqualTo(s.acme());
            assertThat(website.get("createdAt").asText()).endsWith("Z");
            assertThat(website.has("description")).isTrue();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OrganizationAdmins {

        @Test
        void areProjectAdminsOfProjectsCreatedAfterThem() {
            Response created = api.post(s.iam("/organizations/" + s.acme() + "/projects"), s.token(s.orgAdmin()),
                    Map.of("name", "Later", "description", "created by the organization admin"));
            String later = created.json().get("id").asText();
            TestUser newcomer = s.realm().user("later-member");

            Response added = api.post(s.iam("/projects/" + later + "/members"), s.token(s.orgAdmin()),
                    Map.of("userId", newcomer.id(), "role", "project.admin"));

            assertThat(created.status()).isEqualTo(201);
            assertThat(added.status()).isEqualTo(201);
            assertThat(s.realm().adminEvent("CREATE", "iam/projects/" + later).get("representation").asText())
                    .contains("Later");
        }

        @Test
        void renameAndDeleteProjectsWithAnAdminEventEach() {
            String id = s.realm().createProject(s.acme(), "Temporary").get("id").asText();

            Response renamed = api.put(s.iam("/projects/" + id), s.token(s.orgAdmin()),
                    Map.of("name", "Temporary 2", "description", "renamed"));
            Response deleted = api.delete(s.iam("/projects/" + id), s.token(s.orgAdmin()));

            assertThat(renamed.json().get("name").asText()).isEqualTo("Temporary 2");
            assertThat(renamed.json().get("description").asText()).isEqualTo("renamed");
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(api.get(s.iam("/projects/" + id), api.adminToken()).status()).isEqualTo(404);
            assertThat(s.realm().adminEvent("UPDATE", "iam/projects/" + id).get("representation").asText())
                    .contains("Temporary 2");
            assertThat(s.realm().adminEvent("DELETE", "iam/projects/" + id)).isNotNull();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Names {

        @Test
        void theSameNameTwiceInOneOrganizationIsRefused() {
            Response answer = api.post(s.iam("/organizations/" + s.acme() + "/projects"), api.adminToken(),
                    Map.of("name", "Website"));

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("error").asText()).isEqualTo("name_taken");
        }

        @Test
        void theSameNameInAnotherOrganizationIsFine() {
            Response answer = api.post(s.iam("/organizations/" + s.globex() + "/projects"), api.adminToken(),
                    Map.of("name", "Website"));

            assertThat(answer.status()).isEqualTo(201);
        }

        @Test
        void aRoleNameCannotBeAProjectName() {
            Response answer = api.post(s.iam("/organizations/" + s.acme() + "/projects"), api.adminToken(),
                    Map.of("name", "organization.admin"));

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("error_description").asText()).contains("reserved");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Paging {

        private String organization;

        @BeforeAll
        void createSevenProjects() {
            organization = s.realm().createOrganization("Paged").get("id").asText();
            for (String name : List.of("g", "b", "f", "a", "e", "c", "d")) {
                s.realm().createProject(organization, "project " + name);
            }
        }

        @Test
        void firstAndMaxSliceTheListInNameOrder() {
            assertThat(projectNames(organization, api.adminToken(), "?first=2&max=3"))
                    .containsExactly("project c", "project d", "project e");
        }

        @Test
        void searchMatchesPartOfTheNameIgnoringCase() {
            assertThat(projectNames(organization, api.adminToken(), "?search=CT%20F")).containsExactly("project f");
            assertThat(projectNames(organization, api.adminToken(), "?search=%25")).isEmpty();
        }

        @Test
        void maxDefaultsToAHundredAndZeroGivesNothing() {
            assertThat(projectNames(organization, api.adminToken(), "")).hasSize(7);
            assertThat(projectNames(organization, api.adminToken(), "?max=0")).isEmpty();
        }

        @Test
        void outOfRangePagingIsRefused() {
            for (String query : List.of("?max=1001", "?max=-1", "?first=-1", "?first=abc")) {
                Response answer = api.get(s.iam("/organizations/" + organization + "/projects" + query),
                        api.adminToken());
                assertThat(answer.status()).as(query).isEqualTo(400);
                assertThat(answer.json().get("error_description").asText()).as(query).containsAnyOf("max", "first");
            }
        }
    }
}
