package io.github.serviceaccounts.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.LastUse;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestIssuer;
import io.github.serviceaccounts.testing.TestRealm;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** SPEC §7: what an account did, from Keycloak's stored events; when it was last used; what lies unused. */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityIT {

    private Scenario s;
    private Api api;
    private TestIssuer cluster;
    private int accounts;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        s = Scenario.create(api);
        cluster = TestIssuer.start();
        Federation.trustOpenIdIssuer(s.realm(), cluster.url(), cluster.jwksUrl());
    }

    @AfterAll
    void stopIssuer() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private TestAccount account(String role) {
        return TestAccount.create(s.realm(), s.website(), "active-" + ++accounts)
                .memberOf("/projects/" + s.website(), role);
    }

    private JsonNode activity(TestAccount account, String query) {
        Response answer = api.get(account.path("/activity" + query), s.token(s.projectUser()));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("X-Events-Stored")).isEqualTo("true");
        return answer.json();
    }

    @Test
    void aTokenARefusalAndAnApiCallAreListedNewestFirst() throws InterruptedException {
        TestAccount account = account("project.developer");
        ServiceAccountClient client = account.client("ES256");
        String token = client.token();
        Thread.sleep(20);
        String replayed = client.assertion();
        client.tokenRequest(replayed);
        Thread.sleep(20);
        assertThat(client.tokenRequest(replayed).status()).isEqualTo(401);
        Thread.sleep(20);
        Response created = api.post(s.iam("/projects/" + s.website() + "/service-accounts"), token,
                Map.of("name", "made-by-" + accounts));
        assertThat(created.status()).as("%s", created).isEqualTo(201);

        JsonNode entries = activity(account, "");

        assertThat(entries).hasSize(4);
        assertThat(entries.get(0).get("type").asText()).isEqualTo("api");
        assertThat(entries.get(0).get("operation").asText()).isEqualTo("CREATE");
        assertThat(entries.get(0).get("resourcePath").asText())
                .isEqualTo("iam/service-accounts/" + created.json().get("id").asText());
        assertThat(entries.get(1).get("type").asText()).isEqualTo("token_refused");
        assertThat(entries.get(1).get("reason").asText()).startsWith("jti already used");
        assertThat(entries.get(1).get("keyId").asText()).isEqualTo(client.keyId());
        assertThat(entries.get(2).get("type").asText()).isEqualTo("token");
        assertThat(entries.get(3).get("type").asText()).isEqualTo("token");
        assertThat(entries.get(3).get("keyId").asText()).isEqualTo(client.keyId());
        assertThat(entries.get(3).get("ipAddress").textValue()).isNotEmpty();
        assertThat(entries.get(3).has("reason")).isFalse();
        for (int i = 1; i < entries.size(); i++) {
            // As instants: the text of a time on a whole second has no fraction, so it does not sort as text.
            assertThat(Instant.parse(entries.get(i - 1).get("time").asText()))
                    .isAfterOrEqualTo(Instant.parse(entries.get(i).get("time").asText()));
        }

        JsonNode second = activity(account, "?first=1&max=2");
        assertThat(second).hasSize(2);
        assertThat(second.get(0)).isEqualTo(entries.get(1));
        assertThat(second.get(1)).isEqualTo(entries.get(2));
    }

    @Test
    void aFederatedTokenNamesItsCredential() {
        TestAccount account = account("project.user");
        String credential = api.post(account.path("/federated-credentials"), api.adminToken(), Map.of("name", "pod",
                "issuer", cluster.url(), "subject", "system:serviceaccount:ci:*")).json().get("id").asText();
        String podToken = cluster.sign(cluster.podClaims("ci", "deployer", Federation.issuerOf(s.realm())));
        assertThat(Federation.exchange(s.realm(), account.clientId(), podToken).status()).isEqualTo(200);

        JsonNode entries = activity(account, "");

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("type").asText()).isEqualTo("token");
        assertThat(entries.get(0).get("credentialId").asText()).isEqualTo(credential);
        assertThat(LastUse.written(account::representation).get("lastUsedAt").textValue()).isNotEmpty();
    }

    @Test
    void onlyReadersOfTheProjectSeeIt() {
        TestAccount account = account("project.user");
        assertThat(api.get(account.path("/activity"), s.token(s.noRole())).status()).isEqualTo(404);
        assertThat(api.get(account.path("/activity"), s.token(s.globexAdmin())).status()).isEqualTo(404);
        assertThat(api.get(account.path("/activity?max=5000"), s.token(s.projectUser())).status()).isEqualTo(400);
        assertThat(api.post(account.path("/activity"), s.token(s.developer()), Map.of()).status()).isEqualTo(405);
    }

    @Test
    void aRealmThatStoresNoEventsAnswersAnEmptyListAndSaysSo() {
        String name = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/admin/realms", api.adminToken(), Map.of("realm", name, "enabled", true)).status())
                .isEqualTo(201);
        TestRealm quiet = TestRealm.named(api, name);
        String project = quiet.createProject(quiet.createOrganization("Quiet").get("id").asText(), "Silent")
                .get("id").asText();
        TestAccount account = TestAccount.create(quiet, project, "silent");
        account.client("ES256").token();

        Response answer = api.get(account.path("/activity"), api.adminToken());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Events-Stored")).isEqualTo("false");
        assertThat(answer.json()).isEmpty();
    }

    /** days=0: everything counts as unused since now; days=90: nothing made today does. */
    @Test
    void theUnusedReportCountsNeverUsedFromCreation() {
        TestRealm realm = TestRealm.create(api);
        String project = realm.createProject(realm.createOrganization("Hygiene").get("id").asText(), "Old")
                .get("id").asText();
        TestAccount used = TestAccount.create(realm, project, "used");
        TestAccount idle = TestAccount.create(realm, project, "idle");
        used.client("ES256").token();
        LastUse.written(used::representation);
        idle.client("ES256");
        Federation.trustOpenIdIssuer(realm, cluster.url(), cluster.jwksUrl());
        assertThat(api.post(idle.path("/federated-credentials"), api.adminToken(), Map.of("name", "pod",
                "issuer", cluster.url(), "subject", "system:serviceaccount:ci:x")).status()).isEqualTo(201);

        JsonNode all = api.get(realm.iam("/projects/" + project + "/unused?days=0"), api.adminToken()).json();
        JsonNode recent = api.get(realm.iam("/projects/" + project + "/unused"), api.adminToken()).json();

        assertThat(all.get("serviceAccounts").findValuesAsText("name")).containsExactlyInAnyOrder("used", "idle");
        assertThat(all.get("keys")).hasSize(2);
        assertThat(all.get("keys").findValuesAsText("name")).containsExactlyInAnyOrder("used", "idle");
        assertThat(all.get("federatedCredentials")).hasSize(1);
        assertThat(all.at("/federatedCredentials/0/serviceAccount/name").asText()).isEqualTo("idle");
        assertThat(all.at("/federatedCredentials/0/federatedCredential/name").asText()).isEqualTo("pod");
        JsonNode usedEntry = all.get("serviceAccounts").get(all.get("serviceAccounts").findValuesAsText("name")
                .indexOf("used"));
        assertThat(usedEntry.get("lastUsedAt").textValue()).isNotEmpty();
        assertThat(recent.get("serviceAccounts")).isEmpty();
        assertThat(recent.get("keys")).isEmpty();
        assertThat(recent.get("federatedCredentials")).isEmpty();
        assertThat(api.get(realm.iam("/projects/" + project + "/unused?days=-1"), api.adminToken()).status())
                .isEqualTo(400);
    }
}
