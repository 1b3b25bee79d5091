package io.github.serviceaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.rest.IamResourceProviderFactory;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void restApiIsMountedAndRefusesCallsWithoutToken() {
        assertThat(api.get("/admin/realms/demo/iam/organizations", null).status()).isEqualTo(401);
    }

    @Test
    void demoRealmIsImportedWithItsOrganization() {
        JsonNode groups = api.get("/admin/realms/demo/groups?search=Acme", api.adminToken()).json();

        assertThat(groups.findValuesAsText("name")).contains("Acme");
    }

    private static List<String> providerIds(JsonNode providers, String spi) {
        List<String> ids = new ArrayList<>();
        providers.path(spi).path("providers").fieldNames().forEachRemaining(ids::add);
        return ids;
    }
}
