package io.github.serviceaccounts.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.TestRealm;
import io.github.serviceaccounts.testing.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Both console themes load on the Keycloak under test and show the Service accounts section: the page-load check
 * to run on every supported Keycloak line ({@code -Dit.test=ConsoleSmokeIT}, or the tag {@code smoke}).
 */
@Tag("smoke")
@KeycloakIntegrationTest
class ConsoleSmokeIT {

    @Test
    void aMemberAndAnAdministratorSeeTheServiceAccountsSection(Api api) throws Exception {
        BrowserScript.assumeBrowser();
        assertThat(api.put("/admin/realms/master", api.adminToken(), Map.of("adminTheme", "service-accounts")).status())
                .isEqualTo(204);
        TestRealm realm = TestRealm.create(api);
        assertThat(api.put(realm.admin(""), api.adminToken(), Map.of("accountTheme", "service-accounts")).status())
                .isEqualTo(204);
        String organization = realm.createOrganization("Smoke Org").get("id").asText();
        String project = realm.createProject(organization, "Smoke Project").get("id").asText();
        TestUser member = realm.user("smoke-member");
        realm.addMember("/projects/" + project, member, "project.user");

        JsonNode titles = BrowserScript.run("smoke.mjs", Map.of("KC_URL", api.baseUrl(), "REALM", realm.name(),
                "ORGANIZATION", "Smoke Org", "MEMBER", member.username(), "KC_USER", "admin", "KC_PASSWORD", "admin",
                "OUT_DIR", BrowserScript.outDir("smoke").toString()));

        assertThat(titles.get("account").textValue()).isNotBlank();
        assertThat(titles.get("admin").textValue()).isNotBlank();
    }
}
