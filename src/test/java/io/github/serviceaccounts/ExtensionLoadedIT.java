package io.github.serviceaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.rest.IamResourceProviderFactory;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("smoke")
@KeycloakIntegrationTest
class ExtensionLoadedIT {

    private final Api api;

    ExtensionLoadedIT(Api api) {
        this.api = api;
    }

    @Test
    void serverInfoListsTheRestApiProvider() {
        JsonNode providers = api.get("/admin/serverinfo", api.adminToken()).json().get("providers");

        assertThat(providerIds(providers, "admin-realm-restapi-extension")).contains(IamResourceProviderFactory.PROVIDER_ID);
    }

    /** The extension answers for Keycloak's own id client-jwt (a higher order than the built-in factory wins). */
    @Test
    void theSignedJwtClientAuthenticatorIsTheExtensions() {
        JsonNode authenticators = api.get("/admin/serverinfo", api.adminToken()).json()
                .at("/componentTypes/org.keycloak.authentication.ClientAuthenticator");
        JsonNode clientJwt = java.util.stream.StreamSupport.stream(authenticators.spliterator(), false)
                .filter(a -> a.get("id").asText().equals("client-jwt")).findFirst().orElseThrow();

        assertThat(clientJwt.get("helpText").asText()).endsWith("Service accounts sign with the keys the"
                + " service-accounts extension keeps.");
        assertThat(providerIds(api.get("/admin/serverinfo", api.adminToken()).json().get("providers"),
                "client-authenticator")).doesNotContain("service-account-key");
    }

    @Test
    void restApiIsMountedAndRefusesCallsWithoutToken() {
        assertThat(api.get("/admin/realms/demo/iam/organizations", null).status()).isEqualTo(401);
    }

    @Test
    void demoRealmIsImportedWithItsOrganization() {
        JsonNode groups = api.get("/admin/realms/demo/groups?search=Acme", api.adminToken()).json();

        assertThat(groups.findValuesAsText("name")).contains("Acme");
    }

    @Test
    void demoRealmHasADeployerThatIsEnvironmentAdminOfProductionOnly() {
        String website = "/admin/realms/demo/iam/projects/0a0c0e00-0000-4000-8000-000000000002";

        JsonNode accounts = api.get(website + "/service-accounts", api.adminToken()).json();
        JsonNode environments = api.get(website + "/environments", api.adminToken()).json();
        String production = "/admin/realms/demo/iam/environments/0a0c0e00-0000-4000-8000-000000000005";
        JsonNode productionMembers = api.get(production + "/members", api.adminToken()).json();
        JsonNode websiteMembers = api.get(website + "/members", api.adminToken()).json();

        assertThat(accounts.findValuesAsText("clientId")).contains("sa-deployer-demo01");
        assertThat(environments.findValuesAsText("name")).containsExactly("dev", "production");
        assertThat(productionMembers.findValuesAsText("email")).containsExactly("sa-deployer-demo01@serviceaccounts.invalid");
        assertThat(productionMembers.findValuesAsText("role")).containsExactly("environment.admin");
        assertThat(websiteMembers.findValuesAsText("email")).doesNotContain("sa-deployer-demo01@serviceaccounts.invalid");
    }

    private static List<String> providerIds(JsonNode providers, String spi) {
        List<String> ids = new ArrayList<>();
        providers.path(spi).path("providers").fieldNames().forEachRemaining(ids::add);
        return ids;
    }
}
