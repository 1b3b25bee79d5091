package io.github.serviceaccounts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.ClientAssertions;
import io.github.serviceaccounts.testing.Database;
import io.github.serviceaccounts.testing.DistributionServer;
import io.github.serviceaccounts.testing.ItSettings;
import io.github.serviceaccounts.testing.Postgres;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestRealm;
import io.github.serviceaccounts.testing.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Token requests per second and latency at concurrency 4 and 16 for three ways a client proves itself: this
 * extension's key authenticator, Keycloak's built-in {@code client-jwt} with the same RS256 key type, and
 * {@code client-secret}. One server, one run: all three warmed up, then interleaved in two rounds. Assertions are signed before each
 * measured phase, so the load generator spends no CPU on RSA while measuring. Not a test: run with
 * {@code mvn -Pbench verify -Dbench=TokenBenchmark}.
 */
public final class TokenBenchmark {

    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 4));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 12));
    private static final int[] CONCURRENCY = {4, 16};
    private static final int ROUNDS = 2;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        ItSettings settings = ItSettings.fromSystemProperties();
        boolean postgres = "postgres".equals(System.getProperty("bench.db"));
        Database database = postgres ? Postgres.freshDatabase("kcsa_bench") : Database.devFile();
        try (DistributionServer server = DistributionServer.install(settings,
                DistributionServer.Options.defaults("bench", database)).start()) {
            Api api = new Api(server.baseUrl());
            TestRealm realm = TestRealm.create(api);
            String project = realm.createProject(realm.createOrganization("Bench").get("id").asText(), "Tokens")
                    .get("id").asText();

            JsonNode account = realm.createServiceAccount(project, "bench-key");
            ServiceAccountClient ours = ServiceAccountClient.of(api, realm.generateKey(account.get("id").asText(), "RS256"));
            member(realm, project, "service-account-" + ours.clientId());
            ServiceAccountClient builtIn = clientJwt(api, realm);
            member(realm, project, "service-account-" + builtIn.clientId());
            String secret = clientSecret(api, realm);
            member(realm, project, "service-account-bench-client-secret");

            // The JIT and the caches warm up on every path before anything is measured.
            for (int pass = 0; pass < 2; pass++) {
                measureAssertions("warm-up", ours, 16);
                measureAssertions("warm-up", builtIn, 16);
                measureSecret(server.baseUrl(), realm.name(), secret, 16);
            }
            List<Load.Result> results = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (int concurrency : CONCURRENCY) {
                    results.add(measureAssertions("service-account-key", ours, concurrency));
                    results.add(measureAssertions("client-jwt", builtIn, concurrency));
                    results.add(measureSecret(server.baseUrl(), realm.name(), secret, concurrency));
                }
            }
            String report = report(results, database.vendor());
            System.out.println("\n" + report);
            Path out = settings.workDir().resolveSibling("bench").resolve("tokens-" + database.vendor() + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    private static void member(TestRealm realm, String project, String username) {
        Api api = realm.api();
        JsonNode user = api.get(realm.admin("/users?exact=true&username=" + username), api.adminToken()).json().get(0);
        realm.addMember("/projects/" + project, new TestUser(user.get("id").asText(), username, null), "project.developer");
    }

    /** A client of Keycloak's own client-jwt authenticator, with an RS256 key given as a JWKS. */
    private static ServiceAccountClient clientJwt(Api api, TestRealm realm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("bench-key").keyUse(KeyUse.SIGNATURE).build();
        Response created = api.post(realm.admin("/clients"), api.adminToken(), Map.of("clientId", "bench-client-jwt",
                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "fullScopeAllowed", false, "clientAuthenticatorType", "client-jwt",
                "attributes", Map.of("use.jwks.string", "true",
                        "jwks.string", "{\"keys\":[" + jwk.toPublicJWK().toJSONString() + "]}",
                        "token.endpoint.auth.signing.alg", "RS256")));
        check(created);
        return ServiceAccountClient.of(api, realm.name(), "bench-client-jwt", "bench-key", "RS256", pair.getPrivate());
    }

    private static String clientSecret(Api api, TestRealm realm) {
        check(api.post(realm.admin("/clients"), api.adminToken(), Map.of("clientId", "bench-client-secret",
                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "fullScopeAllowed", false, "secret", "bench-secret")));
        return "bench-secret";
    }

    private static Load.Result measureAssertions(String label, ServiceAccountClient client, int concurrency)
            throws InterruptedException {
        int needed = 9000;
        List<String> bodies = new ArrayList<>(needed);
        for (int i = 0; i < needed; i++) {
            bodies.add(form(Map.of("grant_type", "client_credentials", "client_id", client.clientId(),
                    "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    "client_assertion", client.assertion())));
        }
        URI uri = URI.create(client.tokenEndpoint());
        return Load.run(label, concurrency, WARMUP, MEASURED, i -> post(uri, i < needed ? bodies.get(i)
                : form(Map.of("grant_type", "client_credentials", "client_id", client.clientId(),
                        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "client_assertion", client.assertion()))));
    }

    private static Load.Result measureSecret(String baseUrl, String realm, String secret, int concurrency)
            throws InterruptedException {
        URI uri = URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token");
        String body = form(Map.of("grant_type", "client_credentials", "client_id", "bench-client-secret",
                "client_secret", secret));
        return Load.run("client-secret", concurrency, WARMUP, MEASURED, i -> post(uri, body));
    }

    private static boolean post(URI uri, String body) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void check(Response created) {
        if (created.status() != 201) {
            throw new IllegalStateException("Setup failed: " + created);
        }
    }

    private static String report(List<Load.Result> results, String database) {
        StringBuilder out = new StringBuilder("Token benchmark, Keycloak on " + database + ", RS256 keys, "
                + MEASURED.toSeconds() + " s measured per row after " + WARMUP.toSeconds() + " s warm-up, "
                + Runtime.getRuntime().availableProcessors() + " cores shared by server and load\n\n"
                + "| round | concurrency | authenticator | tokens/s | p50 ms | p99 ms | failures | vs client-jwt |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < results.size(); i++) {
            Load.Result r = results.get(i);
            Load.Result jwt = results.get(i - i % 3 + 1);
            out.append(String.format("| %d | %d | %s | %.0f | %.1f | %.1f | %d | %.2f× |%n", i / 6 + 1, r.concurrency(),
                    r.label(), r.perSecond(), r.p50(), r.p99(), r.failures(), r.perSecond() / jwt.perSecond()));
        }
        for (int concurrency : CONCURRENCY) {
            double ours = mean(results, "service-account-key", concurrency);
            double jwt = mean(results, "client-jwt", concurrency);
            double secret = mean(results, "client-secret", concurrency);
            out.append(String.format("%nConcurrency %d, mean of %d rounds: service-account-key %.0f/s, client-jwt %.0f/s,"
                    + " client-secret %.0f/s; service-account-key is %.2f× client-jwt and %.2f× client-secret%n",
                    concurrency, ROUNDS, ours, jwt, secret, ours / jwt, ours / secret));
        }
        return out.toString();
    }

    private static double mean(List<Load.Result> results, String label, int concurrency) {
        return results.stream().filter(r -> r.label().equals(label) && r.concurrency() == concurrency)
                .mapToDouble(Load.Result::perSecond).average().orElse(0);
    }
}
