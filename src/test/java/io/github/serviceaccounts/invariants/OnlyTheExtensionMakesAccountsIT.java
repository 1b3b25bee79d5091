package io.github.serviceaccounts.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestAccount;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SPEC §2: only the extension makes service accounts. A client made through Keycloak's clients API or dynamic client
 * registration is not one, whatever attributes it carries: it is not listed, cannot be read or given keys through the
 * API, and cannot be made a member. Editing an account's client elsewhere moves it nowhere. A realm import by the
 * operator is trusted and brings working accounts.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlyTheExtensionMakesAccountsIT {

    private Scenario s;
    private Api api;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
    }

    /** A client that carries every mark a service account's client carries. */
    private Map<String, Object> lookalike(String clientId) {
        return Map.of("clientId", clientId, "name", clientId, "publicClient", false, "secret", "s3cret",
                "serviceAccountsEnabled", true, "standardFlowEnabled", false, "clientAuthenticatorType", "client-secret",
                "attributes", Map.of("iam.project", s.website(), "iam.description", "not really one"));
    }

    private void assertNotAnAccount(String internalId, String clientId) {
        assertThat(api.get(s.iam("/projects/" + s.website() + "/service-accounts"), api.adminToken()).json()
                .findValuesAsText("clientId")).doesNotContain(clientId);
        assertThat(api.get(s.iam("/service-accounts/" + internalId), api.adminToken()).status()).isEqualTo(404);
        assertThat(api.post(s.iam("/service-accounts/" + internalId + "/keys"), api.adminToken(),
                Map.of("algorithm", "ES256")).status()).isEqualTo(404);
        JsonNode user = api.get(s.realm().admin("/clients/" + internalId + "/service-account-user"), api.adminToken())
                .json();
        Response added = api.post(s.iam("/projects/" + s.website() + "/members"), api.adminToken(),
                Map.of("userId", user.get("id").asText(), "role", "project.admin"));
        assertThat(added.status()).as("%s", added).isEqualTo(400);
        assertThat(added.json().get("error_description").asText()).startsWith("userId:");
        Response token = api.form("/realms/" + s.realm().name() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", "s3cret"));
        assertThat(Json.claims(token.json().get("access_token").asText()).has("projects")).isFalse();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ClientsMadeElsewhere {

        @Test
        void aClientOfTheClientsApiIsNoAccount() {
            Response created = api.post(s.realm().admin("/clients"), api.adminToken(), lookalike("sa-forged-api"));
            assertThat(created.status()).isEqualTo(201);
            String id = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);

            assertNotAnAccount(id, "sa-forged-api");
        }

        @Test
        void aClientOfDynamicRegistrationIsNoAccount() {
            String initialToken = api.post(s.realm().admin("/clients-initial-access"), api.adminToken(),
                    Map.of("count", 1, "expiration", 300)).json().get("token").asText();
            Map<String, Object> client = new java.util.HashMap<>(lookalike("sa-forged-dcr"));
            Response registered = api.post("/realms/" + s.realm().name() + "/clients-registrations/default",
                    initialToken, client);
            assertThat(registered.status()).as("%s", registered).isEqualTo(201);

            assertNotAnAccount(registered.json().get("id").asText(), "sa-forged-dcr");
        }

        @Test
        void aPartialImportIntoTheRealmBringsNoAccount() {
            Response imported = api.post(s.realm().admin("/partialImport"), api.adminToken(), Map.of(
                    "ifResourceExists", "SKIP", "clients", List.of(lookalike("sa-forged-import"))));
            assertThat(imported.status()).as("%s", imported).isEqualTo(200);
            String id = api.get(s.realm().admin("/clients?clientId=sa-forged-import"), api.adminToken()).json().get(0)
                    .get("id").asText();

            assertNotAnAccount(id, "sa-forged-import");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class EditingAnAccountsClientElsewhere {

        @Test
        void changingItsProjectAttributeMovesItNowhere() {
            TestAccount account = TestAccount.create(s.realm(), s.website(), "stays-put");
            JsonNode client = api.get(s.realm().admin("/clients/" + account.id()), api.adminToken()).json();
            ((com.fasterxml.jackson.databind.node.ObjectNode) client.get("attributes")).put("iam.project", s.portal());

            assertThat(api.put(s.realm().admin("/clients/" + account.id()), api.adminToken(), Json.write(client))
                    .status()).isEqualTo(204);

            assertThat(account.representation().get("projectId").asText()).isEqualTo(s.website());
            assertThat(api.get(s.iam("/projects/" + s.portal() + "/service-accounts"), api.adminToken()).json()
                    .findValuesAsText("id")).doesNotContain(account.id());
            assertThat(api.get(s.iam("/service-accounts/" + account.id()), s.token(s.globexAdmin())).status())
                    .isEqualTo(404);
        }

        /** Names are unique per project (SPEC): renaming the client in Keycloak's console neither renames nor frees it. */
        @Test
        void renamingItsClientNeitherRenamesTheAccountNorFreesTheName() {
            TestAccount account = TestAccount.create(s.realm(), s.website(), "keeps-name");
            JsonNode client = api.get(s.realm().admin("/clients/" + account.id()), api.adminToken()).json();
            ((com.fasterxml.jackson.databind.node.ObjectNode) client).put("name", "renamed-elsewhere");

            assertThat(api.put(s.realm().admin("/clients/" + account.id()), api.adminToken(), Json.write(client))
                    .status()).isEqualTo(204);

            assertThat(account.representation().get("name").asText()).isEqualTo("keeps-name");
            assertThat(api.get(s.iam("/projects/" + s.website() + "/service-accounts?search=keeps-name"),
                    api.adminToken()).json().findValuesAsText("id")).containsExactly(account.id());
            Response again = api.post(s.iam("/projects/" + s.website() + "/service-accounts"), api.adminToken(),
                    Map.of("name", "keeps-name"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("error").asText()).isEqualTo("name_taken");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RealmImports {

        @Test
        void aRealmImportedByTheOperatorBringsWorkingAccounts() {
            String realm = "imported-" + UUID.randomUUID().toString().substring(0, 8);
            String project = "0b0c0e00-0000-4000-8000-000000000002";
            Map<String, Object> role = Map.of("name", "project.developer",
                    "attributes", Map.of("iam.kind", List.of("role"), "iam.role", List.of("project.developer")));
            Map<String, Object> representation = Map.of("realm", realm, "enabled", true,
                    "groups", List.of(Map.of("id", "0b0c0e00-0000-4000-8000-000000000001", "name", "Imported",
                            "attributes", Map.of("iam.kind", List.of("organization")),
                            "subGroups", List.of(Map.of("id", project, "name", "Site",
                                    "attributes", Map.of("iam.kind", List.of("project")), "subGroups", List.of(role))))),
                    "clients", List.of(Map.of("clientId", "sa-imported-x", "name", "imported", "publicClient", false,
                            "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                            "clientAuthenticatorType", "client-jwt", "attributes", Map.of("iam.project", project))),
                    "users", List.of(Map.of("username", "service-account-sa-imported-x", "enabled", true,
                            "serviceAccountClientId", "sa-imported-x", "groups", List.of("/Imported/Site/project.developer"))));
            assertThat(api.post("/admin/realms", api.adminToken(), representation).status()).isEqualTo(201);
            String iam = "/admin/realms/" + realm + "/iam";

            JsonNode account = api.get(iam + "/projects/" + project + "/service-accounts", api.adminToken()).json().get(0);
            assertThat(account.get("clientId").asText()).isEqualTo("sa-imported-x");
            JsonNode keyFile = api.post(iam + "/service-accounts/" + account.get("id").asText() + "/keys",
                    api.adminToken(), Map.of("algorithm", "ES256")).json().get("keyFile");
            String token = ServiceAccountClient.of(api, keyFile).token();
            assertThat(Json.claims(token).at("/projects/" + project).asText()).isEqualTo("project.developer");
        }
    }
}
