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
import org.junit.jupiter.api.Tag;

@Tag("smoke")
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersIT {

    private Scenario s;
    private Api api;
    private int users;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
    }

    private TestUser newUser() {
        return s.realm().user("member-" + ++users);
    }

    private String websiteMembers() {
        return s.iam("/projects/" + s.website() + "/members");
    }

    private String acmeMembers() {
        return s.iam("/organizations/" + s.acme() + "/members");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Adding {

        @Test
        void byEmailAnswersTheMemberWithItsLocationAndRecordsAnAdminEvent() {
            TestUser user = newUser();

            Response added = api.post(websiteMembers(), s.token(s.projectAdmin()),
                    Map.of("email", user.email(), "role", "project.developer"));

            assertThat(added.status()).isEqualTo(201);
            assertThat(added.header("Location")).endsWith("/members/" + user.id());
            JsonNode member = added.json();
            assertThat(member.get("id").asText()).isEqualTo(user.id());
            assertThat(member.get("type").asText()).isEqualTo("user");
            assertThat(member.get("username").asText()).isEqualTo(user.username());
            assertThat(member.get("email").asText()).isEqualTo(user.email());
            assertThat(member.get("role").asText()).isEqualTo("project.developer");
            String path = "iam/projects/" + s.website() + "/members/" + user.id();
            assertThat(s.realm().adminEvent("CREATE", path).get("representation").asText()).contains("project.developer");
        }

        @Test
        void byUserIdWorksTheSame() {
            TestUser user = newUser();

            Response added = api.post(acmeMembers(), s.token(s.orgAdmin()),
                    Map.of("userId", user.id(), "role", "organization.admin"));

            assertThat(added.status()).isEqualTo(201);
            assertThat(added.json().get("role").asText()).isEqualTo("organization.admin");
        }

        @Test
        void anExistingMemberIsRefusedWhateverTheRole() {
            TestUser user = newUser();
            s.realm().addMember("/projects/" + s.website(), user, "project.user");

            for (String role : List.of("project.user", "project.admin")) {
                Response again = api.post(websiteMembers(), api.adminToken(), Map.of("userId", user.id(), "role", role));
                assertThat(again.status()).isEqualTo(409);
                assertThat(again.json().get("error").asText()).isEqualTo("member_exists");
            }
            assertThat(roleIn(websiteMembers(), user)).isEqualTo("project.user");
        }

        @Test
        void anUnknownEmailOrUserIdIsRefusedNamingTheField() {
            Response byEmail = api.post(websiteMembers(), api.adminToken(),
                    Map.of("email", "nobody@example.test", "role", "project.user"));
            Response byId = api.post(websiteMembers(), api.adminToken(),
                    Map.of("userId", "00000000-0000-0000-0000-000000000000", "role", "project.user"));

            assertThat(byEmail.status()).isEqualTo(400);
            assertThat(byEmail.json().get("error_description").asText()).startsWith("email:");
            assertThat(byId.status()).isEqualTo(400);
            assertThat(byId.json().get("error_description").asText()).startsWith("userId:");
        }

        @Test
        void exactlyOneOfEmailAndUserIdIsNeeded() {
            TestUser user = newUser();

            assertThat(api.post(websiteMembers(), api.adminToken(), Map.of("role", "project.user")).status())
                    .isEqualTo(400);
            assertThat(api.post(websiteMembers(), api.adminToken(),
                    Map.of("email", user.email(), "userId", user.id(), "role", "project.user")).status()).isEqualTo(400);
            assertThat(roleIn(websiteMembers(), user)).isNull();
        }

        @Test
        void unknownRolesAndRolesOfTheOtherScopeAreRefused() {
            TestUser user = newUser();

            Response unknown = api.post(websiteMembers(), api.adminToken(), Map.of("userId", user.id(), "role", "owner"));
            Response orgRoleInProject = api.post(websiteMembers(), api.adminToken(),
                    Map.of("userId", user.id(), "role", "organization.admin"));
            Response projectRoleInOrg = api.post(acmeMembers(), api.adminToken(),
                    Map.of("userId", user.id(), "role", "project.admin"));

            assertThat(List.of(unknown.status(), orgRoleInProject.status(), projectRoleInOrg.status()))
                    .containsOnly(400);
            assertThat(unknown.json().get("error_description").asText()).startsWith("role:");
            assertThat(roleIn(websiteMembers(), user)).isNull();
            assertThat(roleIn(acmeMembers(), user)).isNull();
        }

        /** Only the extension makes service accounts (SPEC §2): another client's service-account user is no member. */
        @Test
        void theServiceAccountUserOfAnotherKeycloakClientIsRefused() {
            JsonNode client = serviceAccountClient("reporting-job");
            String serviceAccountUser = api.get(s.realm().admin("/clients/" + client.get("id").asText()
                    + "/service-account-user"), api.adminToken()).json().get("id").asText();

            Response added = api.post(websiteMembers(), s.token(s.projectAdmin()),
                    Map.of("userId", serviceAccountUser, "role", "project.user"));

            assertThat(added.status()).isEqualTo(400);
            assertThat(added.json().get("error_description").asText()).startsWith("userId:")
                    .contains("not a service account of this extension");
            String secret = api.get(s.realm().admin("/clients/" + client.get("id").asText() + "/client-secret"),
                    api.adminToken()).json().get("value").asText();
            String token = clientCredentialsToken("reporting-job", secret);
            assertThat(api.get(s.iam("/projects/" + s.website()), token).status()).isEqualTo(404);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Changing {

        @Test
        void aRoleChangeCountsOnTheVeryNextCall() {
            TestUser admin = newUser();
            s.realm().addMember("/projects/" + s.website(), admin, "project.admin");
            String token = s.token(admin);
            assertThat(api.post(websiteMembers(), token, Map.of("userId", newUser().id(), "role", "project.user"))
                    .status()).isEqualTo(201);

            Response demoted = api.put(websiteMembers() + "/" + admin.id(), s.token(s.projectAdmin()),
                    Map.of("role", "project.user"));

            assertThat(demoted.status()).isEqualTo(200);
            assertThat(demoted.json().get("role").asText()).isEqualTo("project.user");
            assertThat(api.post(websiteMembers(), token, Map.of("userId", newUser().id(), "role", "project.user"))
                    .status()).isEqualTo(403);
            assertThat(s.realm().adminEvent("UPDATE", "iam/projects/" + s.website() + "/members/" + admin.id()))
                    .isNotNull();
        }

        @Test
        void aMemberKeepsOneRolePerScope() {
            TestUser user = newUser();
            s.realm().addMember("/projects/" + s.website(), user, "project.user");

            api.put(websiteMembers() + "/" + user.id(), api.adminToken(), Map.of("role", "project.developer"));
            api.put(websiteMembers() + "/" + user.id(), api.adminToken(), Map.of("role", "project.admin"));

            List<JsonNode> rows = api.get(websiteMembers() + "?max=1000", api.adminToken()).json().findParents("id")
                    .stream().filter(m -> m.get("id").asText().equals(user.id())).toList();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("role").asText()).isEqualTo("project.admin");
        }

        @Test
        void removingEndsTheMembershipAndItsAccess() {
            TestUser user = newUser();
            s.realm().addMember("/projects/" + s.website(), user, "project.user");
            assertThat(api.get(s.iam("/projects/" + s.website()), s.token(user)).status()).isEqualTo(200);

            Response removed = api.delete(websiteMembers() + "/" + user.id(), s.token(s.projectAdmin()));

            assertThat(removed.status()).isEqualTo(204);
            assertThat(api.get(websiteMembers() + "/" + user.id(), api.adminToken()).status()).isEqualTo(404);
            assertThat(api.get(s.iam("/projects/" + s.website()), s.token(user)).status()).isEqualTo(404);
            assertThat(s.realm().adminEvent("DELETE", "iam/projects/" + s.website() + "/members/" + user.id()))
                    .isNotNull();
        }

        @Test
        void aUserWhoIsNoMemberIsNotFound() {
            TestUser user = newUser();

            assertThat(api.put(websiteMembers() + "/" + user.id(), api.adminToken(), Map.of("role", "project.user"))
                    .status()).isEqualTo(404);
            assertThat(api.delete(websiteMembers() + "/" + user.id(), api.adminToken()).status()).isEqualTo(404);
            assertThat(api.get(websiteMembers() + "/no-such-user", api.adminToken()).status()).isEqualTo(404);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class LastOrganizationAdmin {

        @Test
        void cannotBeRemovedByAnotherMember() {
            String org = s.realm().createOrganization("Solo").get("id").asText();
            TestUser only = newUser();
            s.realm().addMember("/organizations/" + org, only, "organization.admin");

            Response answer = api.delete(s.iam("/organizations/" + org + "/members/" + only.id()), s.token(only));

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("error").asText()).isEqualTo("last_organization_admin");
            assertThat(roleIn(s.iam("/organizations/" + org + "/members"), only)).isEqualTo("organization.admin");
        }

        @Test
        void canLeaveOnceThereIsAnother() {
            String org = s.realm().createOrganization("Duo").get("id").asText();
            TestUser first = newUser();
            TestUser second = newUser();
            s.realm().addMember("/organizations/" + org, first, "organization.admin");

            assertThat(api.post(s.iam("/organizations/" + org + "/members"), s.token(first),
                    Map.of("userId", second.id(), "role", "organization.admin")).status()).isEqualTo(201);
            assertThat(api.delete(s.iam("/organizations/" + org + "/members/" + first.id()), s.token(first)).status())
                    .isEqualTo(204);
            assertThat(api.delete(s.iam("/organizations/" + org + "/members/" + second.id()), s.token(second)).status())
                    .isEqualTo(409);
        }

        @Test
        void canBeRemovedByARealmAdministrator() {
            String org = s.realm().createOrganization("Orphan").get("id").asText();
            TestUser only = newUser();
            s.realm().addMember("/organizations/" + org, only, "organization.admin");

            assertThat(api.delete(s.iam("/organizations/" + org + "/members/" + only.id()), s.token(s.manager()))
                    .status()).isEqualTo(204);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Listing {

        @Test
        void membersComeInUsernameOrderWithPagingAndSearch() {
            String project = s.realm().createProject(s.globex(), "Listed").get("id").asText();
            for (String name : List.of("list-c", "list-a", "list-b")) {
                s.realm().addMember("/projects/" + project, s.realm().user(name), "project.user");
            }
            String members = s.iam("/projects/" + project + "/members");

            assertThat(api.get(members, api.adminToken()).json().findValuesAsText("username"))
                    .containsExactly("list-a", "list-b", "list-c");
            assertThat(api.get(members + "?first=1&max=1", api.adminToken()).json().findValuesAsText("username"))
                    .containsExactly("list-b");
            assertThat(api.get(members + "?search=LIST-C", api.adminToken()).json().findValuesAsText("username"))
                    .containsExactly("list-c");
        }

        @Test
        void organizationMembersAreItsAdmins() {
            assertThat(api.get(acmeMembers(), s.token(s.projectUser())).json().findValuesAsText("username"))
                    .contains(s.orgAdmin().username()).doesNotContain(s.projectAdmin().username());
        }
    }

    private String roleIn(String membersPath, TestUser user) {
        Response answer = api.get(membersPath + "/" + user.id(), api.adminToken());
        return answer.status() == 404 ? null : answer.json().get("role").asText();
    }

    private JsonNode serviceAccountClient(String clientId) {
        Response created = api.post(s.realm().admin("/clients"), api.adminToken(), Map.of("clientId", clientId,
                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false));
        assertThat(created.status()).isEqualTo(201);
        return api.get(s.realm().admin("/clients?clientId=" + clientId), api.adminToken()).json().get(0);
    }

    private String clientCredentialsToken(String clientId, String secret) {
        Response answer = api.form("/realms/" + s.realm().name() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json().get("access_token").asText();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ServiceAccountMembers {

        @Test
        void carryWhoControlsThemForEveryoneWhoReadsTheList() {
            io.github.serviceaccounts.testing.TestAccount account = io.github.serviceaccounts.testing.TestAccount
                    .create(s.realm(), s.portal(), "from-globex").memberOf("/projects/" + s.website(), "project.user");

            JsonNode members = api.get(websiteMembers(), s.token(s.projectUser())).json();
            JsonNode member = java.util.stream.StreamSupport.stream(members.spliterator(), false)
                    .filter(m -> m.get("id").asText().equals(account.user().id())).findFirst().orElseThrow();

            assertThat(member.get("type").asText()).isEqualTo("serviceAccount");
            assertThat(member.at("/serviceAccount/id").asText()).isEqualTo(account.id());
            assertThat(member.at("/serviceAccount/name").asText()).isEqualTo("from-globex");
            assertThat(member.at("/serviceAccount/projectName").asText()).isEqualTo("Portal");
            assertThat(member.at("/serviceAccount/organizationName").asText()).isEqualTo("Globex");
            assertThat(member.at("/serviceAccount/organizationId").asText()).isEqualTo(s.globex());
            // ...although the reader may not read the owning project itself.
            assertThat(api.get(s.iam("/projects/" + s.portal()), s.token(s.projectUser())).status()).isEqualTo(404);
            JsonNode one = api.get(websiteMembers() + "/" + account.user().id(), s.token(s.projectUser())).json();
            assertThat(one.at("/serviceAccount/projectId").asText()).isEqualTo(s.portal());
        }

        @Test
        void usersCarryNoOwner() {
            JsonNode members = api.get(websiteMembers(), s.token(s.projectUser())).json();
            JsonNode developer = java.util.stream.StreamSupport.stream(members.spliterator(), false)
                    .filter(m -> m.get("id").asText().equals(s.developer().id())).findFirst().orElseThrow();

            assertThat(developer.get("type").asText()).isEqualTo("user");
            assertThat(developer.get("serviceAccount").isNull()).isTrue();
        }

        @Test
        void anEmailIsTrimmedAndAnUnknownOneIsSaidInPlainWords() {
            TestUser user = newUser();

            Response added = api.post(websiteMembers(), s.token(s.projectAdmin()),
                    Map.of("email", "  " + user.email() + " ", "role", "project.user"));
            Response unknown = api.post(websiteMembers(), s.token(s.projectAdmin()),
                    Map.of("email", "nobody-here@example.test", "role", "project.user"));

            assertThat(added.status()).isEqualTo(201);
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("error_description").asText())
                    .startsWith("email: nobody in this realm has this email address");
        }
    }
}
