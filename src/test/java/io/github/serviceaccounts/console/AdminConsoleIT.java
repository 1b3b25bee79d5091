package io.github.serviceaccounts.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.KeycloakServer;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Service accounts section of the admin console, in headless Chromium (Debian's package) driven by
 * playwright-core: an administrator signs in, creates a service account and a key, downloads the key file, adds a
 * federated credential for the issuer the realm trusts, disables and deletes it, and makes the account a member; the
 * key file then gets a token carrying that role.
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

        JsonNode result = BrowserScript.run("admin-console.mjs", Map.ofEntries(Map.entry("KC_URL", server.baseUrl()),
                Map.entry("KC_USER", "admin"), Map.entry("KC_PASSWORD", "admin"), Map.entry("REALM", realm.name()),
                Map.entry("ORGANIZATION", "Console Org"), Map.entry("PROJECT", "Console Project"),
                Map.entry("ACCOUNT", "made-in-console"), Map.entry("ISSUER", issuer),
                Map.entry("ISSUER_NAME", "Issuer " + alias), Map.entry("SUBJECT", SUBJECT),
                Map.entry("OUT_DIR", BrowserScript.outDir("admin").toString())));

        JsonNode keyFile = Json.parse(Files.readString(Path.of(result.get("keyFile").asText())));
        String token = ServiceAccountClient.of(api, keyFile).token();
        assertThat(Json.claims(token).at("/projects/" + project).asText()).isEqualTo("project.developer");
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
    }
}
