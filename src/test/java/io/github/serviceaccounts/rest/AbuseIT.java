package io.github.serviceaccounts.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestRealm;
import io.github.serviceaccounts.testing.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Callers who should not get anything get 401, 403 or 404, and nothing changes. */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseIT {

    private Scenario s;
    private Api api;
    private JsonNode before;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
    }

    /** What the realm holds before each attempt: organizations, Website's members and service accounts. */
    @BeforeEach
    void snapshot() {
        before = state();
    }

    private JsonNode state() {
        String admin = api.adminToken();
        return io.github.serviceaccounts.testing.Json.MAPPER.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("organizations", api.get(s.iam("/organizations?max=1000"), admin).json())
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("projects", api.get(s.iam("/organizations/" + s.acme() + "/projects"), admin).json())
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("members", api.get(s.iam("/projects/" + s.website() + "/members"), admin).json())
                .set("accounts", api.get(s.iam("/projects/" + s.website() + "/service-accounts"), admin).json());
    }

    private void assertNothingChanged() {
        assertThat(state()).isEqualTo(before);
    }

    private Response createProject(String token) {
        return api.post(s.iam("/organizations/" + s.acme() + "/projects"), token, Map.of("name", "Intruder"));
    }

    @Test
    void noTokenIs401() {
        assertThat(api.get(s.iam("/organizations"), null).status()).isEqualTo(401);
        assertThat(createProject(null).status()).isEqualTo(401);
        assertNothingChanged();
    }

    @Test
    void aForgedTokenIs401() {
        String issuer = api.baseUrl() + "/realms/" + s.realm().name();
        String forged = io.github.serviceaccounts.testing.ClientAssertions.unsigned(Map.of("alg", "none", "typ", "JWT"),
                Map.of("iss", issuer, "sub", s.manager().id(), "typ", "Bearer", "azp", "admin-cli",
                        "exp", java.time.Instant.now().getEpochSecond() + 300));

        assertThat(api.get(s.iam("/organizations"), forged).status()).isEqualTo(401);
        assertThat(createProject(forged).status()).isEqualTo(401);
        assertThat(createProject("not-a-token").status()).isEqualTo(401);
        assertNothingChanged();
    }

    /**
     * Keycloak itself answers 500 to a token without iss: a NullPointerException in its admin root
     * ({@code AdminRoot.authenticateRealmAdminRequest}), before any extension runs. The answer says nothing more, and
     * nothing changes. Should Keycloak answer 401 one day, this test says so.
     */
    @Test
    void aTokenWithoutIssuerGetsKeycloaksOwn500AndChangesNothing() {
        String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.";

        Response answer = createProject(forged);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("error").asText()).isEqualTo("unknown_error");
        assertThat(answer.body()).doesNotContain("NullPointer", "AdminRoot");
        assertNothingChanged();
    }

    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        TestRealm shortLived = TestRealm.create(api);
        api.put(shortLived.admin(""), api.adminToken(), Map.of("accessTokenLifespan", 1));
        TestUser user = shortLived.user("brief");
        String token = shortLived.token(user);
        Thread.sleep(2500);

        assertThat(api.get(shortLived.iam("/organizations"), token).status()).isEqualTo(401);
    }

    /** Keycloak refuses a token of another (non-master) realm at the admin API with 403. */
    @Test
    void aTokenOfAnotherRealmIsRefused() {
        TestRealm elsewhere = TestRealm.create(api);
        TestUser stranger = elsewhere.user("stranger");
        elsewhere.grantRealmManagement(stranger, "manage-users");

        assertThat(api.get(s.iam("/organizations"), elsewhere.token(stranger)).status()).isEqualTo(403);
        assertThat(createProject(elsewhere.token(stranger)).status()).isEqualTo(403);
        assertNothingChanged();
    }

    @Test
    void aUserWithoutRolesSeesNothingAndChangesNothing() {
        String token = s.token(s.noRole());

        assertThat(api.get(s.iam("/organizations"), token).json()).isEmpty();
        assertThat(api.get(s.iam("/projects/" + s.website()), token).status()).isEqualTo(404);
        assertThat(createProject(token).status()).isEqualTo(404);
        assertThat(api.post(s.iam("/organizations"), token, Map.of("name", "Mine")).status()).isEqualTo(403);
        assertNothingChanged();
    }

    @Test
    void aProjectAdminCannotGrantOrganizationAdmin() {
        String token = s.token(s.projectAdmin());

        Response inOrganization = api.post(s.iam("/organizations/" + s.acme() + "/members"), token,
                Map.of("userId", s.projectAdmin().id(), "role", "organization.admin"));
        Response inProject = api.post(s.iam("/projects/" + s.website() + "/members"), token,
                Map.of("userId", s.noRole().id(), "role", "organization.admin"));

        assertThat(inOrganization.status()).isEqualTo(403);
        assertThat(inProject.status()).isEqualTo(400);
        assertNothingChanged();
    }

    @Test
    void aDeveloperCannotAddMembers() {
        Response answer = api.post(s.iam("/projects/" + s.website() + "/members"), s.token(s.developer()),
                Map.of("userId", s.noRole().id(), "role", "project.user"));

        assertThat(answer.status()).isEqualTo(403);
        assertNothingChanged();
    }

    @Test
    void anAccountCannotRaiseItselfNorJoinAnotherProject() {
        JsonNode account = s.realm().createServiceAccount(s.mobile(), "climber");
        ServiceAccountClient client = ServiceAccountClient.of(api, s.realm().generateKey(account.get("id").asText(), "ES256"));
        String userId = api.get(s.realm().admin("/clients/" + account.get("id").asText() + "/service-account-user"),
                api.adminToken()).json().get("id").asText();
        s.realm().addMember("/projects/" + s.website(), new TestUser(userId, "", ""), "project.user");
        before = state();
        String token = client.token();

        Response raise = api.put(s.iam("/projects/" + s.website() + "/members/" + userId), token,
                Map.of("role", "project.admin"));
        Response join = api.post(s.iam("/projects/" + s.portal() + "/members"), token,
                Map.of("email", account.get("email").asText(), "role", "project.admin"));

        assertThat(raise.status()).isEqualTo(403);
        assertThat(join.status()).isEqualTo(404);
        assertNothingChanged();
    }

    @Test
    void aMemberOfOneOrganizationCannotReachAnothersProjectById() {
        String token = s.token(s.globexAdmin());

        assertThat(api.get(s.iam("/projects/" + s.website()), token).status()).isEqualTo(404);
        assertThat(api.put(s.iam("/projects/" + s.website()), token, Map.of("name", "Taken")).status()).isEqualTo(404);
        assertThat(api.delete(s.iam("/projects/" + s.website()), token).status()).isEqualTo(404);
        assertThat(api.get(s.iam("/projects/" + s.website() + "/members"), token).status()).isEqualTo(404);
        assertNothingChanged();
    }

    @Test
    void anOversizedBodyIsRefused() {
        Response answer = api.post(s.iam("/organizations/" + s.acme() + "/projects"), api.adminToken(),
                "{\"name\": \"big\", \"description\": \"" + "x".repeat(100_000) + "\"}");

        assertThat(answer.status()).isEqualTo(413);
        assertNothingChanged();
    }

    @Test
    void aSearchShapedLikeSqlMatchesLiterally() {
        String search = URLEncoder.encode("%' OR '1'='1", StandardCharsets.UTF_8);

        assertThat(api.get(s.iam("/organizations?search=" + search), api.adminToken()).json()).isEmpty();
        assertThat(api.get(s.iam("/projects/" + s.website() + "/members?search=" + search), api.adminToken()).json())
                .isEmpty();
    }
}
