package io.github.serviceaccounts.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.KeycloakServer;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Service accounts section of the admin console, in headless Chromium (Debian's package) driven by
 * playwright-core: an administrator signs in, creates a service account and a key, downloads the key file and makes
 * the account a member; the key file then gets a token carrying that role.
 */
@KeycloakIntegrationTest
class AdminConsoleIT {

    @Test
    void anAdministratorCreatesAnAccountAndAKeyWhoseKeyFileGetsAToken(Api api, KeycloakServer server) throws Exception {
        BrowserScript.assumeBrowser();
        assertThat(api.put("/admin/realms/master", api.adminToken(), Map.of("adminTheme", "service-accounts")).status())
                .isEqualTo(204);
        TestRealm realm = TestRealm.create(api);
        String organization = realm.createOrganization("Console Org").get("id").asText();
        String project = realm.createProject(organization, "Console Project").get("id").asText();

        JsonNode result = BrowserScript.run("admin-console.mjs", Map.of("KC_URL", server.baseUrl(), "KC_USER", "admin",
                "KC_PASSWORD", "admin", "REALM", realm.name(), "ORGANIZATION", "Console Org", "PROJECT", "Console Project",
                "ACCOUNT", "made-in-console", "OUT_DIR", BrowserScript.outDir("admin").toString()));

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
    }
}
