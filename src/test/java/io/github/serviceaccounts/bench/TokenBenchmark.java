package io.github.serviceaccounts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Database;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.DistributionServer;
import io.github.serviceaccounts.testing.ItSettings;
import io.github.serviceaccounts.testing.Postgres;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestIssuer;
import io.github.serviceaccounts.testing.TestRealm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Token requests per second and latency at concurrency 4 and 16 for this extension's key authenticator, a federated
 * credential (a Kubernetes-shaped RS256 token of a trusted issuer, reused as a pod reuses its token), Keycloak's
 * built-in {@code client-jwt} with the same RS256 key type, and {@code client-secret}; every token carries the same
 * claims. One server, one run: all four warmed up until the JIT has compiled them, then interleaved in five rounds,
 * reported as medians. Not a test: run with {@code mvn -Pbench verify -Dbench=TokenBenchmark} (add
 * {@code -Dbench.db=postgres} for PostgreSQL).
 */
public final class TokenBenchmark {

    private static final int[] CONCURRENCY = {4, 16};
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int WARM_UP_PASSES = 3;

    public static void main(String[] args) throws Exception {
        ItSettings settings = ItSettings.fromSystemProperties();
        boolean postgres = "postgres".equals(System.getProperty("bench.db"));
        Database database = postgres ? Postgres.freshDatabase("kcsa_bench") : Database.devFile();
        TokenLoad load = new TokenLoad(Duration.ofSeconds(Integer.getInteger("bench.warmup", 2)),
                Duration.ofSeconds(Integer.getInteger("bench.seconds", 8)));
        try (TestIssuer cluster = TestIssuer.start(); DistributionServer server = DistributionServer.install(settings,
                DistributionServer.Options.defaults("bench", database).withCache("ispn")).start()) {
            Api api = new Api(server.baseUrl());
            TestRealm realm = TestRealm.create(api);
            String project = realm.createProject(realm.createOrganization("Bench").get("id").asText(), "Tokens")
                    .get("id").asText();
            JsonNode account = realm.createServiceAccount(project, "bench-key");
            ServiceAccountClient ours = ServiceAccountClient.of(api, realm.generateKey(account.get("id").asText(), "RS256"));
            TokenLoad.member(realm, project, "service-account-" + ours.clientId());
            ServiceAccountClient builtIn = TokenLoad.clientJwt(realm, project);
            String secret = TokenLoad.clientSecret(realm, project);
            JsonNode keyless = realm.createServiceAccount(project, "bench-keyless");
            TokenLoad.member(realm, project, "service-account-" + keyless.get("clientId").asText());
            Federation.trustOpenIdIssuer(realm, cluster.url(), cluster.jwksUrl());
            TokenLoad.check(api.post(realm.iam("/service-accounts/" + keyless.get("id").asText()
                    + "/federated-credentials"), api.adminToken(), Map.of("name", "bench", "issuer", cluster.url(),
                    "subject", "system:serviceaccount:bench:*")));
            Map<String, Object> pod = cluster.podClaims("bench", "load", Federation.issuerOf(realm));
            pod.put("exp", Instant.now().plus(Duration.ofHours(2)).getEpochSecond());
            String podToken = cluster.sign(pod);
            String keylessId = keyless.get("clientId").asText();

            // The JIT and the caches warm up on every path before anything is measured.
            for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
                load.assertions("warm-up", ours, 16);
                load.assertions("warm-up", builtIn, 16);
                load.federated(server.baseUrl(), realm.name(), keylessId, podToken, 16);
                load.secret(server.baseUrl(), realm.name(), secret, 16);
            }
            List<Load.Result> results = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (int concurrency : CONCURRENCY) {
                    results.add(load.assertions(TokenLoad.OURS, ours, concurrency));
                    results.add(load.federated(server.baseUrl(), realm.name(), keylessId, podToken, concurrency));
                    results.add(load.assertions(TokenLoad.CLIENT_JWT, builtIn, concurrency));
                    results.add(load.secret(server.baseUrl(), realm.name(), secret, concurrency));
                }
            }
            String report = "Token benchmark, Keycloak on " + database.vendor() + ", RS256 keys, "
                    + Runtime.getRuntime().availableProcessors() + " cores shared by server and load\n\n"
                    + Reports.tokenTable(results) + "\n" + Reports.tokenSummary(results, CONCURRENCY);
            System.out.println("\n" + report);
            Reports.write(settings, "tokens-" + database.vendor() + ".md", report);
        }
    }
}
