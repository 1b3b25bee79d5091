package io.github.serviceaccounts.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.ClientAssertions;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.KeycloakServer;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Service accounts section of the admin console, in headless Chromium (Debian's package) driven by
 * playwright-core: an administrator signs in, creates a service account and a key, downloads the key file, adds a
 * federated credential for the issuer the realm trusts, disables and deletes it, and makes the account a member; the
 * key file then gets a token carrying that role, and is refused one for another audience. The administrator then finds
 * both in the account's Activity tab (the test realm stores events), and its last use on its page and in the list;
 * finds the environment the account administers under the project, with the account among its members and in the
 * account's Memberships tab, and deletes another environment; in a realm that stores no events, the tab says how to
 * turn storing on.
 */
@KeycloakIntegrationTest
class AdminConsoleIT {

    private static final String SUBJECT = "repo:acme/web:ref:refs/heads/main";

    @Test
    void anAdministratorCreatesAnAccountAndAKeyWhoseKeyFileGetsAToken(Api api, KeycloakServer server) throws Exception {
        BrowserScript.assumeBrowser();
        assertThat(api.put("/admin/realms/master", api.adminToken(), Map.of("adminTheme", "service-accounts")).status())
                .isEqualTo(204);
        TestRealm realm = TestRealm.create(api);
        String organization = realm.createOrganization("Console Org").get("id").asText();
        String project = realm.createProject(organization, "Console Project").get("id").asText();
        // The realm trusts one issuer, as a realm administrator sets it up; the master realm's endpoints serve.
        String issuer = api.baseUrl() + "/realms/master";
        String alias = Federation.trustOpenIdIssuer(realm, issuer, issuer + "/protocol/openid-connect/certs");

        Map<String, String> console = Map.of("KC_URL", server.baseUrl(), "KC_USER", "admin", "KC_PASSWORD", "admin",
                "REALM", realm.name(), "ORGANIZATION", "Console Org", "PROJECT", "Console Project",
                "ACCOUNT", "made-in-console", "OUT_DIR", BrowserScript.outDir("admin").toString());
        JsonNode result = BrowserScript.run("admin-console.mjs", with(console, Map.of("PART", "create",
                "ISSUER", issuer, "ISSUER_NAME", "Issuer " + alias, "SUBJECT", SUBJECT)));

        JsonNode keyFile = Json.parse(Files.readString(Path.of(result.get("keyFile").asText())));
        ServiceAccountClient client = ServiceAccountClient.of(api, keyFile);
        String token = client.token();
        assertThat(Json.claims(token).at("/projects/" + project).asText()).isEqualTo("project.developer");
        String elsewhere = ClientAssertions.sign(ClientAssertions.header(client.algorithm(), client.keyId()),
                ClientAssertions.claims(client.clientId(), "https://elsewhere.example.test/token"), client.privateKey(),
                client.algorithm());
        assertThat(client.tokenRequest(elsewhere).status()).as("another audience").isEqualTo(401);
        JsonNode account = api.get(realm.iam("/projects/" + project + "/service-accounts?search=made-in-console"),
                api.adminToken()).json().get(0);
        assertThat(account.get("description").asText()).isEqualTo("Created in the admin console");
        assertThat(account.get("email").asText()).isEqualTo(result.get("email").asText());
        JsonNode key = api.get(realm.iam("/service-accounts/" + account.get("id").asText() + "/keys"), api.adminToken())
                .json().get(0);
        assertThat(key.get("id").asText()).isEqualTo(keyFile.get("keyId").asText());
        assertThat(key.get("origin").asText()).isEqualTo("generated");

        List<JsonNode> events = realm.adminEvents("iam/service-accounts/" + account.get("id").asText()
                + "/federated-credentials/*");
        assertThat(events).extracting(e -> e.get("operationType").asText())
                .containsExactly("DELETE", "UPDATE", "CREATE");
        assertThat(Json.parse(events.get(1).get("representation").asText()).get("enabled").asBoolean()).isFalse();
        JsonNode created = Json.parse(events.get(2).get("representation").asText());
        assertThat(created.get("issuer").asText()).isEqualTo(issuer);
        assertThat(created.get("subject").asText()).isEqualTo(SUBJECT);
        assertThat(created.get("audience").asText()).isEqualTo(Federation.issuerOf(realm));
        assertThat(created.at("/claims/repository_owner").asText()).isEqualTo("acme");
        assertThat(api.get(realm.iam("/service-accounts/" + account.get("id").asText() + "/federated-credentials"),
                api.adminToken()).json()).isEmpty();

        // A realm that stores no events: its accounts' Activity tab says how to turn storing on instead.
        TestRealm quiet = TestRealm.create(api);
        assertThat(api.put(quiet.admin(""), api.adminToken(), Map.of("eventsEnabled", false,
                "adminEventsEnabled", false)).status()).isEqualTo(204);
        String quietProject = quiet.createProject(quiet.createOrganization("Quiet Org").get("id").asText(),
                "Quiet Project").get("id").asText();
        String quietAccount = quiet.createServiceAccount(quietProject, "unheard").get("id").asText();

        // The account deploys to one environment of the project; another one is there to be deleted in the console.
        String production = realm.createEnvironment(project, "production").get("id").asText();
        String spare = realm.createEnvironment(project, "spare").get("id").asText();
        assertThat(api.post(realm.iam("/environments/" + production + "/members"), api.adminToken(),
                Map.of("email", account.get("email").asText(), "role", "environment.admin")).status()).isEqualTo(201);

        JsonNode activity = BrowserScript.run("admin-console.mjs", with(console, Map.of("PART", "activity",
                "ACCOUNT_ID", account.get("id").asText(), "KEY_ID", key.get("id").asText(),
                "ENVIRONMENT", "production", "SPARE_ENVIRONMENT", "spare",
                "QUIET_REALM", quiet.name(), "QUIET_ACCOUNT_ID", quietAccount)));
        assertThat(activity.get("entries")).extracting(e -> e.get("kind").asText()).contains("Token", "Refused");

        assertThat(activity.get("environmentRole").asText()).isEqualTo("environment.admin");
        assertThat(api.get(realm.iam("/environments/" + spare), api.adminToken()).status()).isEqualTo(404);
        assertThat(realm.adminEvent("DELETE", "iam/environments/" + spare)).isNotNull();
        assertThat(api.get(realm.iam("/projects/" + project + "/environments"), api.adminToken()).json())
                .extracting(e -> e.get("id").asText()).containsExactly(production);
        assertThat(api.get(realm.iam("/service-accounts/" + account.get("id").asText() + "/memberships"),
                api.adminToken()).json().get("environments")).extracting(e -> e.get("role").asText())
                .containsExactly("environment.admin");
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(common);
        all.putAll(more);
        return all;
    }
}
