package io.github.serviceaccounts.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.TestRealm;
import io.github.serviceaccounts.testing.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The group layout is read one way everywhere (the API's answers, its permission checks and the token claims): a role
 * group is a child of an organization or project marked {@code iam.kind=role}, its role is its {@code iam.role}
 * attribute and counts only where that role belongs, and groups without the marks are not the extension's. Each case
 * is built through Keycloak's own groups API, as an administrator might, and then read through every path.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupLayoutReadOneWayIT {

    private TestRealm realm;
    private Api api;
    private String organization;
    private String project;
    private int users;

    @BeforeAll
    void createRealm(Api api) {
        this.api = api;
        this.realm = TestRealm.create(api);
        this.organization = realm.createOrganization("Layout").get("id").asText();
        this.project = realm.createProject(organization, "Plan").get("id").asText();
        // Users' tokens carry the claims for clients that ask for the optional scope iam-roles.
        assertThat(api.post(realm.admin("/clients"), api.adminToken(), Map.of("clientId", "app", "publicClient", true,
                "directAccessGrantsEnabled", true)).status()).isEqualTo(201);
    }

    private TestUser user() {
        return realm.user("layout-" + ++users);
    }

    private JsonNode claims(TestUser user) {
        Response answer = api.form("/realms/" + realm.name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "app", "username", user.username(), "password", user.username(),
                "scope", "iam-roles"));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return Json.claims(answer.json().get("access_token").asText());
    }

    private String roleGroup(String unit, String role) {
        for (JsonNode child : api.get(realm.admin("/groups/" + unit + "/children?max=100"), api.adminToken()).json()) {
            JsonNode attributes = child.path("attributes");
            if (attributes.path("iam.kind").path(0).asText().equals("role")
                    && attributes.path("iam.role").path(0).asText().equals(role)) {
                return child.get("id").asText();
            }
        }
        throw new AssertionError("no role group " + role + " under " + unit);
    }

    private void joinThroughKeycloak(TestUser user, String groupId) {
        assertThat(api.put(realm.admin("/users/" + user.id() + "/groups/" + groupId), api.adminToken(), "")
                .status()).isEqualTo(204);
    }

    private List<String> keycloakGroupsOf(TestUser user) {
        return api.get(realm.admin("/users/" + user.id() + "/groups"), api.adminToken()).json().findValuesAsText("id");
    }

    private String childGroup(String parent, String name, Map<String, List<String>> attributes) {
        Response created = api.post(realm.admin("/groups/" + parent + "/children"), api.adminToken(),
                Map.of("name", name, "attributes", attributes));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void aMemberOfTwoRoleGroupsHoldsTheHigherRoleEverywhereAndTheNextChangeLeavesOne() {
        TestUser user = user();
        joinThroughKeycloak(user, roleGroup(project, "project.user"));
        joinThroughKeycloak(user, roleGroup(project, "project.admin"));

        JsonNode members = api.get(realm.iam("/projects/" + project + "/members"), api.adminToken()).json();
        assertThat(members.findValuesAsText("id").stream().filter(user.id()::equals)).hasSize(1);
        assertThat(api.get(realm.iam("/projects/" + project + "/members/" + user.id()), api.adminToken()).json()
                .get("role").asText()).isEqualTo("project.admin");
        assertThat(claims(user).at("/projects/" + project).asText()).isEqualTo("project.admin");
        // The permission check reads the same: a project admin may update the project.
        assertThat(api.put(realm.iam("/projects/" + project), realm.token(user), Map.of("description", "by two"))
                .status()).isEqualTo(200);

        assertThat(api.put(realm.iam("/projects/" + project + "/members/" + user.id()), api.adminToken(),
                Map.of("role", "project.developer")).status()).isEqualTo(200);

        assertThat(keycloakGroupsOf(user)).containsExactly(roleGroup(project, "project.developer"));
        assertThat(claims(user).at("/projects/" + project).asText()).isEqualTo("project.developer");
    }

    @Test
    void aRoleGroupRenamedInKeycloakStillMeansItsRole() {
        TestUser user = user();
        realm.addMember("/projects/" + project, user, "project.developer");
        String group = roleGroup(project, "project.developer");
        JsonNode representation = api.get(realm.admin("/groups/" + group), api.adminToken()).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) representation).put("name", "Developers");
        assertThat(api.put(realm.admin("/groups/" + group), api.adminToken(), Json.write(representation)).status())
                .isEqualTo(204);

        assertThat(api.get(realm.iam("/projects/" + project + "/members/" + user.id()), api.adminToken()).json()
                .get("role").asText()).isEqualTo("project.developer");
        assertThat(claims(user).at("/projects/" + project).asText()).isEqualTo("project.developer");
    }

    @Test
    void aGroupWithoutTheRoleMarkGivesNoRole() {
        TestUser user = user();
        joinThroughKeycloak(user, childGroup(project, "admins-by-name", Map.of("iam.role", List.of("project.admin"))));

        assertThat(api.get(realm.iam("/projects/" + project + "/members/" + user.id()), api.adminToken()).status())
                .isEqualTo(404);
        assertThat(claims(user).path("projects").has(project)).isFalse();
        assertThat(api.get(realm.iam("/projects/" + project), realm.token(user)).status()).isEqualTo(404);
    }

    @Test
    void aRoleWhereItDoesNotBelongGivesNothing() {
        TestUser user = user();
        joinThroughKeycloak(user, childGroup(project, "misplaced", Map.of("iam.kind", List.of("role"),
                "iam.role", List.of("organization.admin"))));

        assertThat(claims(user).path("organizations").size()).isZero();
        assertThat(claims(user).path("projects").size()).isZero();
        assertThat(api.get(realm.iam("/organizations"), realm.token(user)).json()).isEmpty();
        assertThat(api.get(realm.iam("/projects/" + project + "/members"), api.adminToken()).json()
                .findValuesAsText("id")).doesNotContain(user.id());
    }

    @Test
    void unmarkedGroupsAreNotTheExtensions() {
        TestUser user = user();
        Response staff = api.post(realm.admin("/groups"), api.adminToken(), Map.of("name", "Staff"));
        String staffId = staff.header("Location").substring(staff.header("Location").lastIndexOf('/') + 1);
        String lookalike = childGroup(staffId, "project.admin", Map.of("iam.kind", List.of("role"),
                "iam.role", List.of("project.admin")));
        joinThroughKeycloak(user, lookalike);

        assertThat(api.get(realm.iam("/organizations"), api.adminToken()).json().findValuesAsText("id"))
                .doesNotContain(staffId);
        assertThat(api.get(realm.iam("/organizations/" + staffId), api.adminToken()).status()).isEqualTo(404);
        assertThat(claims(user).path("projects").size()).isZero();
        assertThat(api.get(realm.iam("/organizations"), realm.token(user)).json()).isEmpty();
    }
}
