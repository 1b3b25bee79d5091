package io.github.serviceaccounts.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Json;
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
class OrganizationsIT {

    private Scenario s;
    private Api api;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
    }

    private List<String> organizationNames(TestUser user) {
        return api.get(s.iam("/organizations"), s.token(user)).json().findValuesAsText("name");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Listing {

        @Test
        void realmAdministratorsAndViewersSeeEveryOrganization() {
            assertThat(organizationNames(s.manager())).contains("Acme", "Globex");
            assertThat(organizationNames(s.viewer())).contains("Acme", "Globex");
        }

        @Test
        void membersSeeOnlyTheOrganizationsTheyHoldARoleIn() {
            assertThat(organizationNames(s.orgAdmin())).containsExactly("Acme");
            assertThat(organizationNames(s.projectUser())).containsExactly("Acme");
            assertThat(organizationNames(s.globexAdmin())).containsExactly("Globex");
        }

        @Test
        void aUserWithoutRolesSeesNone() {
            assertThat(organizationNames(s.noRole())).isEmpty();
        }

        @Test
        void anOrganizationReadsAsTheSpecShowsIt() {
            JsonNode acme = api.get(s.iam("/organizations/" + s.acme()), s.token(s.projectUser())).json();

            assertThat(acme.get("id").asText()).isEqualTo(s.acme());
            assertThat(acme.get("name").asText()).isEqualTo("Acme");
            assertThat(acme.has("description")).isTrue();
            assertThat(acme.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Changes {

        @Test
        void creatingAnswersTheOrganizationWithItsLocationAndRecordsAnAdminEvent() {
            Response created = api.post(s.iam("/organizations"), s.token(s.manager()),
                    Map.of("name", "Initech", "description", "Made by a test"));

            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertThat(created.header("Location")).endsWith("/iam/organizations/" + id);
            assertThat(created.json().get("description").asText()).isEqualTo("Made by a test");
            JsonNode event = event("CREATE", "iam/organizations/" + id);
            assertThat(Json.parse(event.get("representation").asText()).get("name").asText()).isEqualTo("Initech");
            assertThat(event.at("/authDetails/userId").asText()).isEqualTo(s.manager().id());
        }

        @Test
        void anOrganizationAdminRenamesItsOrganization() {
            String id = s.realm().createOrganization("Hooli").get("id").asText();
            TestUser admin = s.realm().user("hooli-admin");
            s.realm().addMember("/organizations/" + id, admin, "organization.admin");

            Response updated = api.put(s.iam("/organizations/" + id), s.token(admin), Map.of("name", "Hooli XYZ"));

            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.json().get("name").asText()).isEqualTo("Hooli XYZ");
            assertThat(api.get(s.iam("/organizations/" + id), s.token(admin)).json().get("name").asText())
                    .isEqualTo("Hooli XYZ");
            assertThat(event("UPDATE", "iam/organizations/" + id).get("representation").asText()).contains("Hooli XYZ");
        }

        @Test
        void deletingAnOrganizationTakesItsProjectsAndMembershipsWithIt() {
            String id = s.realm().createOrganization("Umbrella").get("id").asText();
            String project = s.realm().createProject(id, "Lab").get("id").asText();
            TestUser member = s.realm().user("umbrella-member");
            s.realm().addMember("/projects/" + project, member, "project.admin");

            assertThat(api.delete(s.iam("/organizations/" + id), s.token(s.manager())).status()).isEqualTo(204);

            assertThat(api.get(s.iam("/organizations/" + id), api.adminToken()).status()).isEqualTo(404);
            assertThat(api.get(s.iam("/projects/" + project), api.adminToken()).status()).isEqualTo(404);
            assertThat(organizationNames(member)).isEmpty();
            assertThat(event("DELETE", "iam/organizations/" + id).get("representation").asText()).contains("Umbrella");
        }

        @Test
        void aSecondOrganizationWithTheSameNameIsRefused() {
            Response answer = api.post(s.iam("/organizations"), api.adminToken(), Map.of("name", "Acme"));

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("error").asText()).isEqualTo("name_taken");
        }

        @Test
        void renamingOntoAnotherOrganizationsNameIsRefusedAndChangesNothing() {
            Response answer = api.put(s.iam("/organizations/" + s.globex()), api.adminToken(), Map.of("name", "Acme"));

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("error").asText()).isEqualTo("name_taken");
            assertThat(api.get(s.iam("/organizations/" + s.globex()), api.adminToken()).json().get("name").asText())
                    .isEqualTo("Globex");
        }

        private JsonNode event(String operation, String path) {
            return s.realm().adminEvent(operation, path);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GroupsOfTheRealm {

        @Test
        void groupsTheExtensionDidNotMarkNeverAppear() {
            Response plain = api.post(s.realm().admin("/groups"), api.adminToken(), Map.of("name", "Plain"));
            String plainId = plain.header("Location").replaceAll(".*/", "");
            Response team = api.post(s.realm().admin("/groups/" + s.acme() + "/children"), api.adminToken(),
                    Map.of("name", "Team"));
            String teamId = team.json().get("id").asText();

            assertThat(organizationNames(s.manager())).doesNotContain("Plain");
            assertThat(api.get(s.iam("/organizations/" + plainId), api.adminToken()).status()).isEqualTo(404);
            assertThat(api.get(s.iam("/organizations/" + s.acme() + "/projects"), api.adminToken()).json()
                    .findValuesAsText("name")).containsExactlyInAnyOrder("Website", "Mobile");
            assertThat(api.get(s.iam("/projects/" + teamId), api.adminToken()).status()).isEqualTo(404);
        }

        @Test
        void theLayoutIsVisibleInKeycloaksGroups() {
            JsonNode children = api.get(s.realm().admin("/groups/" + s.acme() + "/children?max=100"), api.adminToken())
                    .json();

            assertThat(children.findValuesAsText("name")).contains("organization.admin", "Website", "Mobile");
            JsonNode website = api.get(s.realm().admin("/groups/" + s.website() + "/children"), api.adminToken()).json();
            assertThat(website.findValuesAsText("name"))
                    .containsExactlyInAnyOrder("project.admin", "project.developer", "project.user");
        }
    }
}
