package io.github.serviceaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Concurrently;
import io.github.serviceaccounts.testing.Database;
import io.github.serviceaccounts.testing.DistributionServer;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.ItSettings;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.Postgres;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestIssuer;
import io.github.serviceaccounts.testing.TestRealm;
import io.github.serviceaccounts.testing.TestUser;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two Keycloak nodes on loopback sharing one PostgreSQL database, clustered by Keycloak's own Infinispan (discovery
 * through the database, jdbc-ping), both with the extension. They share one public hostname, as behind a load
 * balancer, so a token of one node is valid on the other.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "postgres",
        disabledReason = "a cluster shares a PostgreSQL database: run mvn verify -Dit.db=postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    private static final String HOSTNAME = "http://kc.cluster.test";
    private static final Pattern TWO_NODE_VIEW = Pattern.compile("ISPN000094: Received new cluster view.*\\(2\\)");

    private final List<DistributionServer> nodes = new ArrayList<>();
    private Api one;
    private Api two;
    private TestRealm realm;
    private String project;
    private int accounts;

    @BeforeAll
    void startTwoNodes() throws Exception {
        ItSettings settings = ItSettings.fromSystemProperties();
        Database database = Postgres.freshDatabase("kcsa_cluster");
        for (String name : List.of("node1", "node2")) {
            nodes.add(DistributionServer.install(settings, DistributionServer.Options.defaults(name, database)
                    .withCache("ispn")
                    .withStartArgs(List.of("--hostname=" + HOSTNAME,
                            "--cache-embedded-network-bind-address=127.0.0.1",
                            "--cache-embedded-network-bind-port=" + freePort()))));
        }
        nodes.get(0).start();
        nodes.get(1).start();
        awaitTwoNodeView();
        one = new Api(nodes.get(0).baseUrl());
        two = new Api(nodes.get(1).baseUrl());
        realm = TestRealm.create(one);
        project = realm.createProject(realm.createOrganization("Clustered").get("id").asText(), "Shared")
                .get("id").asText();
    }

    @AfterAll
    void stopNodes() {
        nodes.forEach(DistributionServer::close);
    }

    private void awaitTwoNodeView() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (nodes.stream().allMatch(node -> TWO_NODE_VIEW.matcher(node.log().orElse("")).find())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The two nodes did not form one cluster:\n" + nodes.get(1).log().orElse(""));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private JsonNode newAccount() {
        return realm.createServiceAccount(project, "clustered-" + ++accounts);
    }

    private TestUser userOf(JsonNode account) {
        JsonNode user = one.get(realm.admin("/clients/" + account.get("id").asText() + "/service-account-user"),
                one.adminToken()).json();
        return new TestUser(user.get("id").asText(), user.get("username").asText(), "");
    }

    @Test
    void theKeyLimitHoldsAcrossNodes() throws Exception {
        String keys = realm.iam("/service-accounts/" + newAccount().get("id").asText() + "/keys");
        String tokenOne = one.adminToken();
        String tokenTwo = two.adminToken();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean first = i % 2 == 0;
            calls.add(() -> (first ? one : two).post(keys, first ? tokenOne : tokenTwo, Map.of("algorithm", "ES256")));
        }

        List<Integer> statuses = Concurrently.statuses(calls);

        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(10);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(20);
        assertThat(two.get(keys, two.adminToken()).json()).hasSize(10);
    }

    @Test
    void aJtiUsedOnOneNodeIsRefusedOnTheOther() {
        ServiceAccountClient client = ServiceAccountClient.of(one, realm.generateKey(newAccount().get("id").asText(), "RS256"));
        String assertion = client.assertion();

        assertThat(client.tokenRequest(assertion).status()).isEqualTo(200);
        assertThat(client.via(two).tokenRequest(assertion).status()).isEqualTo(401);
    }

    @Test
    void aKeyDisabledOnOneNodeIsRefusedOnTheOtherWithinASecond() throws InterruptedException {
        JsonNode account = newAccount();
        ServiceAccountClient client = ServiceAccountClient.of(one, realm.generateKey(account.get("id").asText(), "ES256"));
        assertThat(client.via(two).tokenRequest().status()).isEqualTo(200);

        one.put(realm.iam("/service-accounts/" + account.get("id").asText() + "/keys/" + client.keyId()),
                one.adminToken(), Map.of("enabled", false));
        Instant disabled = Instant.now();

        assertThat(firstRefusalOnNodeTwo(client)).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.between(disabled, Instant.now())).isLessThan(Duration.ofSeconds(2));
    }

    /** Node two has cached the account's keys; a key made on node one works there on the very next request. */
    @Test
    void aKeyCreatedOnOneNodeIsAcceptedOnTheOtherOnTheNextRequest() {
        JsonNode account = newAccount();
        ServiceAccountClient first = ServiceAccountClient.of(one, realm.generateKey(account.get("id").asText(), "ES256"));
        assertThat(first.via(two).tokenRequest().status()).isEqualTo(200);

        ServiceAccountClient second = ServiceAccountClient.of(one, realm.generateKey(account.get("id").asText(), "ES256"));

        assertThat(second.via(two).tokenRequest().status()).isEqualTo(200);
    }

    /** The same for a key disabled on node one, without waiting: node two refuses it on the very next request. */
    @Test
    void aKeyDisabledOnOneNodeIsRefusedOnTheOtherOnTheNextRequest() {
        JsonNode account = newAccount();
        ServiceAccountClient client = ServiceAccountClient.of(one, realm.generateKey(account.get("id").asText(), "ES256"));
        assertThat(client.via(two).tokenRequest().status()).isEqualTo(200);

        assertThat(one.put(realm.iam("/service-accounts/" + account.get("id").asText() + "/keys/" + client.keyId()),
                one.adminToken(), Map.of("enabled", false)).status()).isEqualTo(200);

        assertThat(client.via(two).tokenRequest().status()).isEqualTo(401);
    }

    private Duration firstRefusalOnNodeTwo(ServiceAccountClient client) throws InterruptedException {
        Instant start = Instant.now();
        while (client.via(two).tokenRequest().status() != 401) {
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
            Thread.sleep(50);
        }
        return Duration.between(start, Instant.now());
    }

    @Test
    void aRoleChangeOnOneNodeIsSeenOnTheOtherAtOnce() {
        JsonNode account = newAccount();
        ServiceAccountClient client = ServiceAccountClient.of(one, realm.generateKey(account.get("id").asText(), "ES256"));
        TestUser user = userOf(account);
        realm.addMember("/projects/" + project, user, "project.user");
        TestUser newcomer = realm.user("newcomer-" + accounts);
        String before = client.via(two).token();
        assertThat(two.post(realm.iam("/projects/" + project + "/members"), before,
                Map.of("userId", newcomer.id(), "role", "project.user")).status()).isEqualTo(403);

        Response changed = one.put(realm.iam("/projects/" + project + "/members/" + user.id()), one.adminToken(),
                Map.of("role", "project.admin"));
        String after = client.via(two).token();

        assertThat(changed.status()).isEqualTo(200);
        assertThat(Json.claims(after).at("/projects/" + project).asText()).isEqualTo("project.admin");
        assertThat(two.post(realm.iam("/projects/" + project + "/members"), after,
                Map.of("userId", newcomer.id(), "role", "project.user")).status()).isEqualTo(201);
    }

    @Test
    void theFederatedCredentialLimitHoldsAcrossNodes() throws Exception {
        try (TestIssuer issuer = TestIssuer.start()) {
            Federation.trustOpenIdIssuer(realm, issuer.url(), issuer.jwksUrl());
            String credentials = realm.iam("/service-accounts/" + newAccount().get("id").asText()
                    + "/federated-credentials");
            String tokenOne = one.adminToken();
            String tokenTwo = two.adminToken();
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                boolean first = i % 2 == 0;
                Map<String, Object> body = Map.of("name", "c" + i, "issuer", issuer.url(), "subject", "s" + i);
                calls.add(() -> (first ? one : two).post(credentials, first ? tokenOne : tokenTwo, body));
            }

            List<Integer> statuses = Concurrently.statuses(calls);

            assertThat(statuses.stream().filter(status -> status == 201)).hasSize(20);
            assertThat(statuses.stream().filter(status -> status == 409)).hasSize(5);
            assertThat(two.get(credentials, two.adminToken()).json()).hasSize(20);
        }
    }

    @Test
    void aFederatedCredentialDisabledOnOneNodeIsRefusedOnTheOtherAtOnce() {
        try (TestIssuer issuer = TestIssuer.start()) {
            Federation.trustOpenIdIssuer(realm, issuer.url(), issuer.jwksUrl());
            JsonNode account = newAccount();
            String path = realm.iam("/service-accounts/" + account.get("id").asText() + "/federated-credentials");
            JsonNode credential = one.post(path, one.adminToken(), Map.of("name", "pod", "issuer", issuer.url(),
                    "subject", "system:serviceaccount:ci:deployer")).json();
            String id = credential.get("id").asText();
            // The nodes share one hostname, which the realm's issuer URL (the default audience) names.
            String podToken = issuer.sign(issuer.podClaims("ci", "deployer", credential.get("audience").asText()));
            String clientId = account.get("clientId").asText();
            TestRealm viaTwo = realm.via(two);
            Response first = Federation.exchange(viaTwo, clientId, podToken);
            assertThat(first.status()).as("%s; events: %s", first, two.get(realm.admin("/events?client=" + clientId),
                    two.adminToken()).body()).isEqualTo(200);

            assertThat(one.put(path + "/" + id, one.adminToken(), Map.of("enabled", false)).status()).isEqualTo(200);

            assertThat(Federation.exchange(viaTwo, clientId, podToken).status()).isEqualTo(401);
        }
    }
}
