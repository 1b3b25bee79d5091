package io.github.serviceaccounts.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAccountsIT {

    private Scenario s;
    private Api api;
    private int accounts;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
    }

    private String websiteAccounts() {
        return s.iam("/projects/" + s.website() + "/service-accounts");
    }

    private JsonNode newAccount(String project) {
        return s.realm().createServiceAccount(project, "account-" + ++accounts);
    }

    private JsonNode keycloakClient(JsonNode account) {
        return api.get(s.realm().admin("/clients/" + account.get("id").asText()), api.adminToken()).json();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Creating {

        @Test
        void aDeveloperCreatesAnAccountOfItsProject() {
            Response created = api.post(websiteAccounts(), s.token(s.developer()),
                    Map.of("name", "ci-deployer", "description", "Deploys from CI"));

            assertThat(created.status()).isEqualTo(201);
            JsonNode account = created.json();
            String id = account.get("id").asText();
            assertThat(created.header("Location")).endsWith("/iam/service-accounts/" + id);
            assertThat(account.get("clientId").asText()).matches("sa-ci-deployer-[a-z0-9]{6}");
            assertThat(account.get("name").asText()).isEqualTo("ci-deployer");
            assertThat(account.get("description").asText()).isEqualTo("Deploys from CI");
            assertThat(account.get("email").asText()).isEqualTo(account.get("clientId").asText() + "@serviceaccounts.invalid");
            assertThat(account.get("projectId").asText()).isEqualTo(s.website());
            assertThat(account.get("enabled").asBoolean()).isTrue();
            assertThat(account.get("createdAt").asText()).endsWith("Z");
            assertThat(s.realm().adminEvent("CREATE", "iam/service-accounts/" + id).get("representation").asText())
                    .contains("ci-deployer");
        }

        @Test
        void itIsAConfidentialClientWithOnlyTheClientCredentialsGrantAndTheKeyAuthenticator() {
            JsonNode client = keycloakClient(newAccount(s.website()));

            assertThat(client.get("publicClient").asBoolean()).isFalse();
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(client.get("clientAuthenticatorType").asText()).isEqualTo("client-jwt");
            assertThat(client.at("/attributes/iam.project").asText()).isEqualTo(s.website());
            assertThat(client.get("description").asText()).startsWith("Service account of project 'Website'");
            JsonNode scopes = api.get(s.realm().admin("/clients/" + client.get("id").asText() + "/default-client-scopes"),
                    api.adminToken()).json();
            assertThat(scopes.findValuesAsText("name")).doesNotContain("profile", "web-origins", "iam-roles");
            assertThat(client.get("protocolMappers").findValuesAsText("protocolMapper")).contains("iam-roles-mapper");
        }

        @Test
        void itStartsWithNoMembershipAndNoRoleAtAll() {
            JsonNode account = newAccount(s.website());
            String id = account.get("id").asText();

            JsonNode memberships = api.get(s.iam("/service-accounts/" + id + "/memberships"), api.adminToken()).json();
            assertThat(memberships.get("organizations")).isEmpty();
            assertThat(memberships.get("projects")).isEmpty();
            String userId = userIdOf(account);
            assertThat(api.get(s.iam("/projects/" + s.website() + "/members/" + userId), api.adminToken()).status())
                    .isEqualTo(404);
            assertThat(api.get(s.realm().admin("/users/" + userId + "/groups"), api.adminToken()).json()).isEmpty();
            assertThat(api.get(s.realm().admin("/users/" + userId + "/role-mappings/realm/composite"),
                    api.adminToken()).json()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"ab", "Upper", "1starts-with-digit", "-dash", "dash-", "has space", "under_score",
                "ünïcode", "a234567890123456789012345678901"})
        void namesOutsideTheRulesAreRefused(String name) {
            Response answer = api.post(websiteAccounts(), api.adminToken(), Map.of("name", name));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("error_description").asText()).startsWith("name: must be 3 to 30");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "a23456789012345678901234567890", "x-1-y"})
        void namesWithinTheRulesAreAccepted(String name) {
            assertThat(api.post(websiteAccounts(), api.adminToken(), Map.of("name", name)).status()).isEqualTo(201);
        }

        @Test
        void aNameIsUniqueWithinItsProjectOnly() {
            s.realm().createServiceAccount(s.website(), "twin");

            Response again = api.post(websiteAccounts(), api.adminToken(), Map.of("name", "twin"));
            Response elsewhere = api.post(s.iam("/projects/" + s.mobile() + "/service-accounts"), api.adminToken(),
                    Map.of("name", "twin"));

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("error").asText()).isEqualTo("name_taken");
            assertThat(elsewhere.status()).isEqualTo(201);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Membership {

        @Test
        void itsEmailAddsItToAProjectOfAnotherOrganizationLikeAUsersEmail() {
            JsonNode account = newAccount(s.website());

            Response added = api.post(s.iam("/projects/" + s.portal() + "/members"), s.token(s.globexAdmin()),
                    Map.of("email", account.get("email").asText(), "role", "project.developer"));

            assertThat(added.status()).isEqualTo(201);
            assertThat(added.json().get("type").asText()).isEqualTo("serviceAccount");
            assertThat(added.json().get("email").asText()).isEqualTo(account.get("email").asText());
            JsonNode memberships = api.get(s.iam("/service-accounts/" + account.get("id").asText() + "/memberships"),
                    api.adminToken()).json();
            assertThat(memberships.get("projects").findValuesAsText("id")).containsExactly(s.portal());
            assertThat(memberships.get("projects").findValuesAsText("role")).containsExactly("project.developer");
        }

        @Test
        void itCanBelongToManyProjectsAndOrganizationsWithARoleEach() {
            JsonNode account = newAccount(s.website());
            String email = account.get("email").asText();

            api.post(s.iam("/projects/" + s.website() + "/members"), api.adminToken(), Map.of("email", email, "role", "project.user"));
            api.post(s.iam("/projects/" + s.mobile() + "/members"), api.adminToken(), Map.of("email", email, "role", "project.admin"));
            api.post(s.iam("/organizations/" + s.globex() + "/members"), api.adminToken(),
                    Map.of("email", email, "role", "organization.admin"));

            JsonNode memberships = api.get(s.iam("/service-accounts/" + account.get("id").asText() + "/memberships"),
                    s.token(s.projectUser())).json();
            assertThat(memberships.get("organizations").findValuesAsText("role")).containsExactly("organization.admin");
            assertThat(memberships.get("projects").findValuesAsText("name")).containsExactly("Mobile", "Website");
            assertThat(memberships.get("projects").findValuesAsText("role")).containsExactly("project.admin", "project.user");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Listing {

        @Test
        void aProjectListsItsAccountsInNameOrderWithPagingAndSearch() {
            String project = s.realm().createProject(s.acme(), "Accounts").get("id").asText();
            for (String name : List.of("job-c", "job-a", "job-b", "other")) {
                s.realm().createServiceAccount(project, name);
            }
            String path = s.iam("/projects/" + project + "/service-accounts");

            assertThat(api.get(path, api.adminToken()).json().findValuesAsText("name"))
                    .containsExactly("job-a", "job-b", "job-c", "other");
            assertThat(api.get(path + "?first=1&max=2", api.adminToken()).json().findValuesAsText("name"))
                    .containsExactly("job-b", "job-c");
            assertThat(api.get(path + "?search=JOB-", api.adminToken()).json().findValuesAsText("name"))
                    .containsExactly("job-a", "job-b", "job-c");
            assertThat(api.get(path, api.adminToken()).json().get(0).get("email").asText()).contains("@");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Changing {

        @Test
        void renamingKeepsTheClientIdAndEmail() {
            JsonNode account = newAccount(s.website());
            String id = account.get("id").asText();

            Response renamed = api.put(s.iam("/service-accounts/" + id), s.token(s.developer()),
                    Map.of("name", "renamed-" + accounts, "description", "now described"));

            assertThat(renamed.status()).isEqualTo(200);
            assertThat(renamed.json().get("name").asText()).isEqualTo("renamed-" + accounts);
            assertThat(renamed.json().get("description").asText()).isEqualTo("now described");
            assertThat(renamed.json().get("clientId").asText()).isEqualTo(account.get("clientId").asText());
            assertThat(renamed.json().get("email").asText()).isEqualTo(account.get("email").asText());
            assertThat(s.realm().adminEvent("UPDATE", "iam/service-accounts/" + id)).isNotNull();
        }

        @Test
        void renamingOntoATakenNameIsRefused() {
            s.realm().createServiceAccount(s.website(), "taken-name");
            String id = newAccount(s.website()).get("id").asText();

            Response answer = api.put(s.iam("/service-accounts/" + id), api.adminToken(), Map.of("name", "taken-name"));

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("error").asText()).isEqualTo("name_taken");
        }

        @Test
        void aRenameFreesTheOldNameAndTakesTheNewOneInListsSearchAndChecks() {
            String id = s.realm().createServiceAccount(s.website(), "before-rename").get("id").asText();

            api.put(s.iam("/service-accounts/" + id), api.adminToken(), Map.of("name", "after-rename"));

            assertThat(api.get(s.iam("/projects/" + s.website() + "/service-accounts?search=after-rename"),
                    api.adminToken()).json().findValuesAsText("id")).containsExactly(id);
            assertThat(api.get(s.iam("/projects/" + s.website() + "/service-accounts?search=before-rename"),
                    api.adminToken()).json()).isEmpty();
            assertThat(api.post(s.iam("/projects/" + s.website() + "/service-accounts"), api.adminToken(),
                    Map.of("name", "after-rename")).status()).isEqualTo(409);
            assertThat(api.post(s.iam("/projects/" + s.website() + "/service-accounts"), api.adminToken(),
                    Map.of("name", "before-rename")).status()).isEqualTo(201);
        }

        @Test
        void disablingStopsNewTokensAndEarlierOnesOnTheApi() {
            JsonNode account = newAccount(s.website());
            String id = account.get("id").asText();
            s.realm().addMember("/projects/" + s.website(), userOf(account), "project.user");
            ServiceAccountClient client = client(account);
            String earlier = client.token();
            assertThat(api.get(s.iam("/projects/" + s.website()), earlier).status()).isEqualTo(200);

            Response disabled = api.put(s.iam("/service-accounts/" + id), s.token(s.developer()), Map.of("enabled", false));

            assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
            assertThat(api.get(s.iam("/projects/" + s.website()), earlier).status()).isEqualTo(401);
            assertThat(client.tokenRequest().status()).isEqualTo(401);

            api.put(s.iam("/service-accounts/" + id), s.token(s.developer()), Map.of("enabled", true));
            assertThat(client.tokenRequest().status()).isEqualTo(200);
        }

        @Test
        void deletingRemovesTheClientItsUserAndItsMemberships() {
            JsonNode account = newAccount(s.website());
            String id = account.get("id").asText();
            String userId = userIdOf(account);
            s.realm().addMember("/projects/" + s.mobile(), userOf(account), "project.user");

            Response deleted = api.delete(s.iam("/service-accounts/" + id), s.token(s.developer()));

            assertThat(deleted.status()).isEqualTo(204);
            assertThat(api.get(s.iam("/service-accounts/" + id), api.adminToken()).status()).isEqualTo(404);
            assertThat(api.get(s.realm().admin("/clients/" + id), api.adminToken()).status()).isEqualTo(404);
            assertThat(api.get(s.realm().admin("/users/" + userId), api.adminToken()).status()).isEqualTo(404);
            assertThat(api.get(s.iam("/projects/" + s.mobile() + "/members"), api.adminToken()).json()
                    .findValuesAsText("id")).doesNotContain(userId);
            assertThat(s.realm().adminEvent("DELETE", "iam/service-accounts/" + id).get("representation").asText())
                    .contains(account.get("clientId").asText());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Owners {

        @Test
        void aProjectThatOwnsAccountsCannotBeDeletedUntilTheyAreGone() {
            String project = s.realm().createProject(s.acme(), "Owner").get("id").asText();
            String first = s.realm().createServiceAccount(project, "owned-one").get("id").asText();
            String second = s.realm().createServiceAccount(project, "owned-two").get("id").asText();

            Response refused = api.delete(s.iam("/projects/" + project), api.adminToken());
            Response orgRefused = api.delete(s.iam("/organizations/" + s.acme()), api.adminToken());

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("error").asText()).isEqualTo("project_owns_service_accounts");
            assertThat(refused.json().get("error_description").asText()).contains("owned-one", "owned-two");
            assertThat(orgRefused.status()).isEqualTo(409);
            assertThat(api.get(s.iam("/projects/" + project), api.adminToken()).status()).isEqualTo(200);

            api.delete(s.iam("/service-accounts/" + first), api.adminToken());
            api.delete(s.iam("/service-accounts/" + second), api.adminToken());
            assertThat(api.delete(s.iam("/projects/" + project), api.adminToken()).status()).isEqualTo(204);
        }

        @Test
        void deletingOrDisablingTheUserWhoCreatedItChangesNothing() {
            TestUser creator = s.realm().user("creator");
            s.realm().addMember("/projects/" + s.website(), creator, "project.developer");
            JsonNode account = api.post(websiteAccounts(), s.token(creator), Map.of("name", "outlives-creator")).json();
            s.realm().addMember("/projects/" + s.website(), userOf(account), "project.user");
            JsonNode before = api.get(s.iam("/service-accounts/" + account.get("id").asText()), api.adminToken()).json();

            ObjectNode disable = (ObjectNode) api.get(s.realm().admin("/users/" + creator.id()), api.adminToken()).json();
            disable.put("enabled", false);
            assertThat(api.put(s.realm().admin("/users/" + creator.id()), api.adminToken(), disable).status()).isEqualTo(204);
            assertThat(api.delete(s.realm().admin("/users/" + creator.id()), api.adminToken()).status()).isEqualTo(204);

            assertThat(api.get(s.iam("/service-accounts/" + account.get("id").asText()), api.adminToken()).json())
                    .isEqualTo(before);
            String token = keyToken(account);
            assertThat(api.get(s.iam("/projects/" + s.website()), token).status()).isEqualTo(200);
        }
    }

    private String userIdOf(JsonNode account) {
        return api.get(s.realm().admin("/clients/" + account.get("id").asText() + "/service-account-user"),
                api.adminToken()).json().get("id").asText();
    }

    private TestUser userOf(JsonNode account) {
        return new TestUser(userIdOf(account), "service-account-" + account.get("clientId").asText(),
                account.get("email").asText());
    }

    /** A token of the account from a freshly generated key, as a program holding its key file gets one. */
    private String keyToken(JsonNode account) {
        return client(account).token();
    }

    private ServiceAccountClient client(JsonNode account) {
        return ServiceAccountClient.of(api, s.realm().generateKey(account.get("id").asText(), "ES256"));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Moving {

        private Response move(JsonNode account, String project, String token) {
            return api.put(s.iam("/service-accounts/" + account.get("id").asText()), token, Map.of("projectId", project));
        }

        @Test
        void anAdminOfBothProjectsMovesAnAccountWithItsKeysAndMemberships() {
            JsonNode account = newAccount(s.website());
            ServiceAccountClient client = ServiceAccountClient.of(api, s.realm().generateKey(account.get("id").asText(),
                    "ES256"));

            Response moved = move(account, s.mobile(), s.token(s.orgAdmin()));

            assertThat(moved.status()).as("%s", moved).isEqualTo(200);
            assertThat(moved.json().get("projectId").asText()).isEqualTo(s.mobile());
            assertThat(api.get(s.iam("/projects/" + s.mobile() + "/service-accounts"), api.adminToken()).json()
                    .findValuesAsText("id")).contains(account.get("id").asText());
            assertThat(api.get(websiteAccounts(), api.adminToken()).json().findValuesAsText("id"))
                    .doesNotContain(account.get("id").asText());
            assertThat(keycloakClient(account).get("description").asText()).startsWith("Service account of project 'Mobile'");
            assertThat(client.tokenRequest().status()).isEqualTo(200);
            assertThat(s.realm().adminEvent("UPDATE", "iam/service-accounts/" + account.get("id").asText())
                    .get("representation").asText()).contains(s.mobile());
            // The developers of Website no longer control it.
            assertThat(api.get(s.iam("/service-accounts/" + account.get("id").asText()), s.token(s.developer()))
                    .status()).isEqualTo(404);
        }

        @Test
        void itNeedsProjectAdminOfBothProjects() {
            JsonNode account = newAccount(s.website());

            assertThat(move(account, s.mobile(), s.token(s.developer())).status()).isEqualTo(403);
            Response projectAdminOfOne = move(account, s.mobile(), s.token(s.projectAdmin()));
            assertThat(projectAdminOfOne.status()).isEqualTo(400);
            assertThat(projectAdminOfOne.json().get("error_description").asText()).startsWith("projectId:");
            assertThat(api.get(s.iam("/service-accounts/" + account.get("id").asText()), api.adminToken()).json()
                    .get("projectId").asText()).isEqualTo(s.website());
        }

        @Test
        void anotherOrganizationOrATakenNameIsRefused() {
            JsonNode account = newAccount(s.website());
            s.realm().createServiceAccount(s.mobile(), account.get("name").asText());

            Response otherOrganization = move(account, s.portal(), api.adminToken());
            Response taken = move(account, s.mobile(), api.adminToken());

            assertThat(otherOrganization.status()).isEqualTo(400);
            assertThat(otherOrganization.json().get("error_description").asText()).startsWith("projectId:");
            assertThat(taken.status()).isEqualTo(409);
            assertThat(taken.json().get("error").asText()).isEqualTo("name_taken");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AssertionLifetime {

        @Test
        void isSixHundredSecondsUntilSetWithinOneToSixHundred() {
            JsonNode account = newAccount(s.website());
            String path = s.iam("/service-accounts/" + account.get("id").asText());

            assertThat(account.get("assertionLifetime").asInt()).isEqualTo(600);
            Response set = api.put(path, s.token(s.developer()), Map.of("assertionLifetime", 30));
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().get("assertionLifetime").asInt()).isEqualTo(30);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "601", "9999", "-5", "1.5", "\"abc\"", "\"60\""})
        void anythingElseIsRefusedAndChangesNothing(String value) {
            JsonNode account = newAccount(s.website());
            String path = s.iam("/service-accounts/" + account.get("id").asText());

            Response refused = api.put(path, api.adminToken(), "{\"assertionLifetime\": " + value + "}");

            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.json().get("error_description").asText()).startsWith("assertionLifetime:");
            assertThat(api.get(path, api.adminToken()).json().get("assertionLifetime").asInt()).isEqualTo(600);
        }
    }
}
