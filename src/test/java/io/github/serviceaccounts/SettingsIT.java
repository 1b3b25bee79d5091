package io.github.serviceaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Database;
import io.github.serviceaccounts.testing.DistributionServer;
import io.github.serviceaccounts.testing.ItSettings;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.TestRealm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The server-wide SPI options, on a Keycloak of its own started with them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsIT {

    private static final String OPTION = "--spi-admin-realm-restapi-extension--iam--";
    /** Where versions before 0.2 took their options; still read, with a warning in the log. */
    private static final String FORMER_OPTION = "--spi-client-authenticator--service-account-key--";

    private DistributionServer server;
    private Api api;
    private TestRealm realm;
    private String project;

    @BeforeAll
    void startServerWithOptions() {
        server = DistributionServer.install(ItSettings.fromSystemProperties(),
                DistributionServer.Options.defaults("settings", Database.devFile()).withStartArgs(List.of(
                        OPTION + "key-limit=3",
                        OPTION + "max-key-lifetime-days=30",
                        OPTION + "key-algorithms=ES256,EdDSA",
                        FORMER_OPTION + "email-domain=sa.example.com"))).start();
        api = new Api(server.baseUrl());
        realm = TestRealm.create(api);
        project = realm.createProject(realm.createOrganization("Configured").get("id").asText(), "Options")
                .get("id").asText();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    private String newKeys(String name) {
        return realm.iam("/service-accounts/" + realm.createServiceAccount(project, name).get("id").asText() + "/keys");
    }

    @Test
    void keyLimitCapsTheKeysOfAnAccount() {
        String keys = newKeys("limited");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(keys, api.adminToken(), Map.of("algorithm", "ES256")).status()).isEqualTo(201);
        }

        Response fourth = api.post(keys, api.adminToken(), Map.of("algorithm", "ES256"));

        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.json().get("error_description").asText()).contains("3 keys");
    }

    @Test
    void maxKeyLifetimeGivesEveryKeyAnExpiryAndRefusesLaterOnes() {
        String keys = newKeys("short-lived");

        JsonNode key = api.post(keys, api.adminToken(), Map.of("algorithm", "ES256")).json();
        Response tooLate = api.post(keys, api.adminToken(), Map.of("algorithm", "ES256",
                "expiresAt", Instant.now().plus(Duration.ofDays(31)).toString()));

        Instant expiry = Instant.parse(key.get("expiresAt").asText());
        assertThat(expiry).isBetween(Instant.now().plus(Duration.ofDays(30)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)));
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.json().get("error_description").asText()).startsWith("expiresAt");
    }

    @Test
    void keyAlgorithmsLimitWhatKeysMayUse() {
        Response refused = api.post(newKeys("curves-only"), api.adminToken(), Map.of("algorithm", "RS256"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error_description").asText()).startsWith("algorithm").contains("not allowed");
    }

    @Test
    void emailDomainNamesTheAccountsIdentifiersAndItsFormerNameStillWorks() {
        JsonNode account = realm.createServiceAccount(project, "mailed");

        assertThat(account.get("email").asText()).isEqualTo(account.get("clientId").asText() + "@sa.example.com");
        assertThat(server.log().orElseThrow()).contains("--spi-client-authenticator--service-account-key--email-domain is"
                + " deprecated: use --spi-admin-realm-restapi-extension--iam--email-domain");
    }
}
