package io.github.serviceaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Database;
import io.github.serviceaccounts.testing.DistributionServer;
import io.github.serviceaccounts.testing.ItSettings;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.Postgres;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestRealm;
import io.github.serviceaccounts.testing.TestUser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Everything survives a restart: a clean stop (SIGTERM) and a crash (SIGKILL right after the last answer), on a
 * Keycloak of its own (on PostgreSQL with {@code -Dit.db=postgres}). It writes token uses only every hour, so the
 * {@code lastUsedAt} a clean stop keeps was written by the shutdown itself.
 */
@Tag("smoke")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurabilityIT {

    private DistributionServer server;
    private Api api;
    private TestRealm realm;
    private String project;

    private record Account(JsonNode account, ServiceAccountClient client) {
    }

    @BeforeAll
    void startServer() {
        ItSettings settings = ItSettings.fromSystemProperties();
        Database database = settings.database().equals("postgres") ? Postgres.freshDatabase("kcsa_durability")
                : Database.devFile();
        server = DistributionServer.install(settings, DistributionServer.Options.defaults("durability", database)
                .withStartArgs(List.of("--spi-admin-realm-restapi-extension--iam--last-use-write-seconds=3600"))).start();
        api = new Api(server.baseUrl());
        realm = TestRealm.create(api);
        project = realm.createProject(realm.createOrganization("Durable").get("id").asText(), "Kept").get("id").asText();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    /** An account with a membership and a key, and proof that it gets a token carrying its role. */
    private Account account(String name) {
        JsonNode account = realm.createServiceAccount(project, name);
        ServiceAccountClient client = ServiceAccountClient.of(api, realm.generateKey(account.get("id").asText(), "ES256"));
        JsonNode user = api.get(realm.admin("/clients/" + account.get("id").asText() + "/service-account-user"),
                api.adminToken()).json();
        realm.addMember("/projects/" + project, new TestUser(user.get("id").asText(), "", ""), "project.developer");
        assertThat(Json.claims(client.token()).at("/projects/" + project).asText()).isEqualTo("project.developer");
        JsonNode used = api.get(realm.iam("/service-accounts/" + account.get("id").asText()), api.adminToken()).json();
        assertThat(used.get("lastUsedAt").isNull()).as("the token's use, not written before the hour").isTrue();
        return new Account(used, client);
    }

    /** Answers the account as it is now, equal to what it was but for {@code lastUsedAt}. */
    private JsonNode assertIntact(Account account) {
        String id = account.account().get("id").asText();
        JsonNode now = api.get(realm.iam("/service-accounts/" + id), api.adminToken()).json();
        assertThat(((ObjectNode) now.deepCopy()).put("lastUsedAt", (String) null)).isEqualTo(account.account());
        assertThat(api.get(realm.iam("/service-accounts/" + id + "/keys"), api.adminToken()).json()).hasSize(1);
        assertThat(api.get(realm.iam("/projects/" + project + "/members"), api.adminToken()).json()
                .findValuesAsText("email")).contains(account.account().get("email").asText());
        assertThat(Json.claims(account.client().token()).at("/projects/" + project).asText())
                .isEqualTo("project.developer");
        return now;
    }

    @Test
    @Order(1)
    void everythingIsThereAfterACleanStop() {
        Account account = account("before-stop");

        server.stop();
        server.start();

        JsonNode after = assertIntact(account);
        assertThat(after.get("lastUsedAt").textValue()).as("the token's use, written at the shutdown").isNotEmpty();
        assertThat(api.get(realm.iam("/projects/" + project), api.adminToken()).json().get("name").asText())
                .isEqualTo("Kept");
    }

    /**
     * A crash loses the uses not yet written (at most {@code last-use-write-seconds}), nothing else. On PostgreSQL the
     * kill follows the last answer at once. Keycloak's embedded H2 (dev-file, a development
     * database) writes its file about a second after a commit, so there the kill waits two seconds: a crash within
     * that second loses those writes, which the README says.
     */
    @Test
    @Order(2)
    void everythingAnsweredIsThereAfterAKill() throws InterruptedException {
        Account account = account("before-kill");
        if (!server.database().isPostgres()) {
            Thread.sleep(2000);
        }

        server.kill();
        server.start();

        assertIntact(account);
    }
}
