package io.github.serviceaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Database;
import io.github.serviceaccounts.testing.DistributionServer;
import io.github.serviceaccounts.testing.ItSettings;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.Postgres;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestRealm;
import io.github.serviceaccounts.testing.TestUser;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Tag;

/**
 * SPEC §8: installing the JAR leaves the master realm as it was, every change it makes to a realm is logged, and
 * removing it (and rebuilding, as Keycloak requires) leaves every realm able to authenticate all its other clients with
 * no other step. One Keycloak of its own goes through it in order: first without the JAR, then with it, then without
 * it again (on PostgreSQL with {@code -Dit.db=postgres}).
 */
@Tag("smoke")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UninstallIT {

    private static final String SECRET = "app-secret";

    private DistributionServer server;
    private Api api;
    private JsonNode masterBefore;
    private TestRealm realm;
    private TestUser person;
    private ServiceAccountClient account;
    private String formerRealm;

    @BeforeAll
    void startKeycloakWithoutTheExtension() {
        ItSettings settings = ItSettings.fromSystemProperties();
        Database database = settings.database().equals("postgres") ? Postgres.freshDatabase("kcsa_uninstall")
                : Database.devFile();
        server = DistributionServer.install(settings, DistributionServer.Options.defaults("uninstall", database).plain())
                .start();
        api = new Api(server.baseUrl());
        masterBefore = snapshot("master");
        server.stop();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    @Order(1)
    void installingTheJarLeavesTheMasterRealmAsItWas() {
        server.addProvider().start();

        assertThat(snapshot("master")).isEqualTo(masterBefore);
        assertThat(server.log().orElseThrow()).doesNotContain("service-accounts: realm 'master'");
    }

    @Test
    @Order(2)
    void aNewRealmGetsTheOptionalRolesScopeAndTheLogSaysSo() {
        realm = TestRealm.create(api);
        String project = realm.createProject(realm.createOrganization("Removable").get("id").asText(), "Site")
                .get("id").asText();
        TestAccount created = TestAccount.create(realm, project, "before-removal").memberOf("/projects/" + project,
                "project.user");
        account = created.client("ES256");
        person = realm.user("person");
        assertThat(api.post(realm.admin("/clients"), api.adminToken(), Map.of("clientId", "app", "secret", SECRET,
                "publicClient", false, "serviceAccountsEnabled", true, "directAccessGrantsEnabled", true)).status())
                .isEqualTo(201);

        assertThat(Json.claims(account.token()).at("/projects/" + project).asText()).isEqualTo("project.user");
        assertThat(api.get(realm.admin("/default-optional-client-scopes"), api.adminToken()).json()
                .findValuesAsText("name")).contains("iam-roles");
        assertThat(api.get(realm.admin("/default-default-client-scopes"), api.adminToken()).json()
                .findValuesAsText("name")).doesNotContain("iam-roles");
        assertThat(server.log().orElseThrow()).contains("service-accounts: realm '" + realm.name()
                + "': created the optional client scope 'iam-roles'");
    }

    /** What an earlier version left in a realm: its authenticator in the flow and on clients, the scope a default. */
    @Test
    @Order(3)
    void aRestartRepairsWhatAnEarlierVersionPersistedAndKeepsADeletedScopeDeleted() {
        formerRealm = importRealmAsAnEarlierVersionLeftIt();
        String scope = api.get(realm.admin("/client-scopes"), api.adminToken()).json().findParents("name").stream()
                .filter(s -> s.get("name").asText().equals("iam-roles")).findFirst().orElseThrow().get("id").asText();
        assertThat(api.delete(realm.admin("/client-scopes/" + scope), api.adminToken()).status()).isEqualTo(204);

        server.stop();
        server.start();

        JsonNode executions = api.get("/admin/realms/" + formerRealm + "/authentication/flows/clients/executions",
                api.adminToken()).json();
        assertThat(executions.findValuesAsText("providerId")).doesNotContain("service-account-key");
        assertThat(api.get("/admin/realms/" + formerRealm + "/clients?clientId=former-job", api.adminToken()).json()
                .get(0).get("clientAuthenticatorType").asText()).isEqualTo("client-jwt");
        assertThat(server.log().orElseThrow())
                .contains("service-accounts: realm '" + formerRealm + "': removed the 'service-account-key' execution")
                .contains("service-accounts: realm '" + formerRealm + "': switched 1 clients from the 'service-account-key'")
                .contains("service-accounts: realm '" + formerRealm + "': made the client scope 'iam-roles' optional");
        assertThat(api.get(realm.admin("/client-scopes"), api.adminToken()).json().findValuesAsText("name"))
                .doesNotContain("iam-roles");
        assertThat(snapshot("master")).isEqualTo(masterBefore);
    }

    @Test
    @Order(4)
    void removingTheJarLeavesEveryRealmAuthenticatingItsOtherClients() {
        server.stop();
        server.removeProvider().start();

        assertThat(passwordGrant("master", "admin-cli", null, "admin", "admin").status()).isEqualTo(200);
        for (String name : new String[] {realm.name(), formerRealm}) {
            assertThat(clientSecretGrant(name).status()).as("client secret in %s", name).isEqualTo(200);
        }
        assertThat(passwordGrant(realm.name(), "app", SECRET, person.username(), person.username()).status())
                .isEqualTo(200);
        // Keycloak's own authenticator knows no key of the account: it refuses (with its own 400 invalid_client).
        Response refused = account.tokenRequest();
        assertThat(refused.status()).isIn(400, 401);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(snapshot("master")).isEqualTo(masterBefore);
    }

    private Response clientSecretGrant(String realmName) {
        return api.form("/realms/" + realmName + "/protocol/openid-connect/token", Map.of("grant_type",
                "client_credentials", "client_id", "app", "client_secret", SECRET));
    }

    private Response passwordGrant(String realmName, String client, String secret, String username, String password) {
        Map<String, String> form = new TreeMap<>(Map.of("grant_type", "password", "client_id", client,
                "username", username, "password", password));
        if (secret != null) {
            form.put("client_secret", secret);
        }
        return api.form("/realms/" + realmName + "/protocol/openid-connect/token", form);
    }

    /**
     * A realm in the state versions before 0.2 left every realm in, brought in as a full realm import: the
     * {@code service-account-key} execution first in its client-authentication flow, a service account's client with
     * that authenticator, and {@code iam-roles} a default scope of the realm and of its clients.
     */
    private String importRealmAsAnEarlierVersionLeftIt() {
        TestRealm template = TestRealm.create(api);
        assertThat(api.post(template.admin("/clients"), api.adminToken(), Map.of("clientId", "app", "secret", SECRET,
                "publicClient", false, "serviceAccountsEnabled", true)).status()).isEqualTo(201);
        assertThat(api.post(template.admin("/clients"), api.adminToken(), Map.of("clientId", "former-job",
                "publicClient", false, "serviceAccountsEnabled", true)).status()).isEqualTo(201);
        ObjectNode export = (ObjectNode) api.post(template.admin("/partial-export?exportClients=true"),
                api.adminToken(), "").json();
        withoutIds(export);
        String name = template.name() + "-former";
        export.put("realm", name);
        if (export.get("attributes") instanceof ObjectNode attributes) {
            attributes.remove("iam.rolesScope"); // a mark of this version's set-up, which 0.1 never made
        }
        for (JsonNode flow : export.get("authenticationFlows")) {
            if (flow.get("alias").asText().equals("clients")) {
                ArrayNode executions = (ArrayNode) flow.get("authenticationExecutions");
                ObjectNode former = executions.get(0).deepCopy();
                executions.insert(0, former.put("authenticator", "service-account-key").put("priority", 5));
            }
        }
        for (JsonNode client : export.get("clients")) {
            if (client.get("clientId").asText().equals("former-job")) {
                ((ObjectNode) client).put("clientAuthenticatorType", "service-account-key");
            }
            if (client.get("clientId").asText().equals("app")) {
                ((ObjectNode) client).put("secret", SECRET); // an export masks secrets
            }
            if (client.has("defaultClientScopes")) {
                ((ArrayNode) client.get("defaultClientScopes")).add("iam-roles");
                withoutScope(((ObjectNode) client).withArray("optionalClientScopes"));
            }
        }
        // The template realm got the scope as an optional one; an earlier version made it a default.
        withoutScope((ArrayNode) export.withArray("defaultOptionalClientScopes"));
        ((ArrayNode) export.withArray("defaultDefaultClientScopes")).add("iam-roles");
        assertThat(api.post("/admin/realms", api.adminToken(), Json.write(export)).status()).isEqualTo(201);
        return name;
    }

    private static void withoutScope(ArrayNode scopes) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            if (scopes.get(i).asText().equals("iam-roles")) {
                scopes.remove(i);
            }
        }
    }

    private static void withoutIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(java.util.List.of("id", "containerId"));
            object.forEach(UninstallIT::withoutIds);
        } else if (node instanceof ArrayNode array) {
            array.forEach(UninstallIT::withoutIds);
        }
    }

    /**
     * What the extension could change in a realm: its authentication flows and their executions, its client scopes
     * with their mappers, its default scopes, each client's scopes and authenticator, and its attributes.
     */
    private JsonNode snapshot(String realmName) {
        String admin = "/admin/realms/" + realmName;
        ObjectNode snapshot = Json.MAPPER.createObjectNode();
        for (JsonNode flow : api.get(admin + "/authentication/flows", api.adminToken()).json()) {
            String alias = flow.get("alias").asText();
            ArrayNode executions = snapshot.withArray("flow " + alias);
            for (JsonNode execution : api.get(admin + "/authentication/flows/" + encode(alias) + "/executions",
                    api.adminToken()).json()) {
                executions.add(execution.path("providerId").asText(execution.path("displayName").asText()) + ":"
                        + execution.path("requirement").asText());
            }
        }
        for (JsonNode scope : api.get(admin + "/client-scopes", api.adminToken()).json()) {
            snapshot.withArray("scopes").add(scope.get("name").asText() + " "
                    + scope.path("protocolMappers").findValuesAsText("protocolMapper"));
        }
        snapshot.set("default scopes", names(api.get(admin + "/default-default-client-scopes", api.adminToken()).json()));
        snapshot.set("optional scopes", names(api.get(admin + "/default-optional-client-scopes", api.adminToken()).json()));
        for (JsonNode client : api.get(admin + "/clients", api.adminToken()).json()) {
            if (client.get("clientId").asText().endsWith("-realm")) {
                continue; // Keycloak's own client in master for each realm created since
            }
            String id = client.get("id").asText();
            snapshot.put("client " + client.get("clientId").asText(), client.path("clientAuthenticatorType").asText()
                    + " " + names(api.get(admin + "/clients/" + id + "/default-client-scopes", api.adminToken()).json())
                    + " " + names(api.get(admin + "/clients/" + id + "/optional-client-scopes", api.adminToken()).json()));
        }
        JsonNode attributes = api.get(admin, api.adminToken()).json().path("attributes");
        for (Iterator<String> keys = attributes.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            snapshot.put("attribute " + key, attributes.get(key).asText());
        }
        return snapshot;
    }

    private static JsonNode names(JsonNode scopes) {
        ArrayNode names = Json.MAPPER.createArrayNode();
        scopes.findValuesAsText("name").stream().sorted().forEach(names::add);
        return names;
    }

    private static String encode(String alias) {
        return java.net.URLEncoder.encode(alias, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
