package io.github.serviceaccounts.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.KeycloakServer;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestRealm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Service accounts section of the admin console, in headless Chromium (Debian's package) driven by
 * playwright-core: an administrator signs in, creates a service account and a key, downloads the key file and makes
 * the account a member; the key file then gets a token carrying that role.
 */
@KeycloakIntegrationTest
class AdminConsoleIT {

    private static final Path UI = Path.of("themes/admin-ui");

    @Test
    void anAdministratorCreatesAnAccountAndAKeyWhoseKeyFileGetsAToken(Api api, KeycloakServer server) throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(Files.isExecutable(chromium), "needs Debian's chromium package (apt-get install chromium)");
        assumeTrue(Files.isDirectory(UI.resolve("node_modules/playwright-core")),
                "needs the admin console's npm packages, which the Maven build installs unless -DskipUi");
        assertThat(api.put("/admin/realms/master", api.adminToken(), Map.of("adminTheme", "service-accounts")).status())
                .isEqualTo(204);
        TestRealm realm = TestRealm.create(api);
        String organization = realm.createOrganization("Console Org").get("id").asText();
        String project = realm.createProject(organization, "Console Project").get("id").asText();
        Path out = Files.createDirectories(Path.of("target/it/console"));

        JsonNode result = runConsoleScript(Map.of("KC_URL", server.baseUrl(), "KC_USER", "admin", "KC_PASSWORD", "admin",
                "REALM", realm.name(), "ORGANIZATION", "Console Org", "PROJECT", "Console Project",
                "ACCOUNT", "made-in-console", "OUT_DIR", out.toAbsolutePath().toString(), "CHROMIUM", chromium.toString(),
                "SCREENSHOT_DIR", System.getProperty("it.screenshots", "")));

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

    private static JsonNode runConsoleScript(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/console.mjs").directory(UI.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (environment.get("SCREENSHOT_DIR").isEmpty()) {
            builder.environment().remove("SCREENSHOT_DIR");
        }
        Process process = builder.start();
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        return Json.parse(lines.get(lines.size() - 1));
    }
}
