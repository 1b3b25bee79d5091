package io.github.serviceaccounts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Database;
import io.github.serviceaccounts.testing.DistributionServer;
import io.github.serviceaccounts.testing.ItSettings;
import io.github.serviceaccounts.testing.Postgres;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestRealm;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How cost grows with the realm. Seeds, through the REST API, a realm of 1,000 organizations, 10,000 projects with 3
 * environments each, 10,000 service accounts with 1 to 10 keys and 50,000 memberships (one account in 500 projects)
 * beside a realm of one organization with 10 projects (and their 30 environments), then measures token requests (concurrency 1, 4, 16; this authenticator,
 * client-jwt, client-secret), token latency by realm size and by memberships, list pages, seeding throughput and
 * memory. Not a test: {@code mvn -Pbench verify -Dbench=ScaleBenchmark} ({@code -Dbench.db=postgres} for PostgreSQL,
 * {@code -Dbench.scale=0.1} for a tenth of the size).
 */
public final class ScaleBenchmark {

    private static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    private static final int ORGANIZATIONS = (int) (1000 * SCALE);
    private static final int PROJECTS_PER_ORGANIZATION = 10;
    private static final int PROJECTS = ORGANIZATIONS * PROJECTS_PER_ORGANIZATION;
    private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "production");
    private static final int BUSY_ACCOUNT_PROJECTS = Math.min(500, PROJECTS);
    private static final int MEMBERSHIPS_PER_ACCOUNT = 5;
    private static final int MEMBERSHIPS = (int) (50_000 * SCALE);
    private static final int THREADS = 6;
    private static final int[] CONCURRENCY = {1, 4, 16};

    private final List<String> report = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new ScaleBenchmark().run();
    }

    private void run() throws Exception {
        ItSettings settings = ItSettings.fromSystemProperties();
        boolean postgres = "postgres".equals(System.getProperty("bench.db"));
        Database database = postgres ? Postgres.freshDatabase("kcsa_scale") : Database.devFile();
        DistributionServer.Options options = DistributionServer.Options.defaults("scale", database).withCache("ispn");
        if (Boolean.getBoolean("bench.jfr")) {
            java.nio.file.Path recording = settings.workDir().resolveSibling("bench").resolve("scale.jfr").toAbsolutePath();
            java.nio.file.Files.createDirectories(recording.getParent());
            options = options.withEnv(Map.of("JAVA_OPTS_APPEND", "-XX:StartFlightRecording=filename=" + recording
                    + ",settings=profile,dumponexit=true"));
        }
        try (DistributionServer server = DistributionServer.install(settings, options).start()) {
            Api api = new Api(server.baseUrl());
            line("Scale benchmark, Keycloak on " + database.vendor() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores shared by server and load; scale " + SCALE);
            Realm small = seedSmall(api);
            Realm large = seedLarge(api);
            if (postgres) {
                analyze(database.name());
            }
            line("");
            line("Memory at rest after seeding (after a full GC): " + Memory.of(server.pid(), true));

            tokenLatency(small, large);
            listLatency(small, large);
            tokenThroughput(server, large);

            String text = String.join("\n", report) + "\n";
            System.out.println("\n" + text);
            Reports.write(settings, "scale-" + database.vendor() + ".md", text);
        }
    }

    /** A seeded realm and what the measurements use in it. */
    private record Realm(TestRealm realm, String organization, String project, String environment, String account,
            ServiceAccountClient probe, ServiceAccountClient busy) {
    }

    private Realm seedSmall(Api api) {
        TestRealm realm = TestRealm.create(api);
        String organization = realm.createOrganization("org-small").get("id").asText();
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < PROJECTS_PER_ORGANIZATION; i++) {
            projects.add(realm.createProject(organization, String.format("project-%05d", i)).get("id").asText());
        }
        List<String> environments = new ArrayList<>();
        for (int i = 0; i < projects.size() * ENVIRONMENTS.size(); i++) {
            environments.add(realm.createEnvironment(projects.get(i / ENVIRONMENTS.size()),
                    ENVIRONMENTS.get(i % ENVIRONMENTS.size())).get("id").asText());
        }
        List<JsonNode> accounts = new ArrayList<>();
        for (int i = 0; i < PROJECTS_PER_ORGANIZATION; i++) {
            accounts.add(realm.createServiceAccount(projects.get(i), "account-" + i));
            addKeys(realm, accounts.get(i).get("id").asText(), 1 + i % 10);
            for (int j = 0; j < MEMBERSHIPS_PER_ACCOUNT; j++) {
                join(realm, projects.get((i + j) % projects.size()), accounts.get(i).get("email").asText());
            }
        }
        return new Realm(realm, organization, projects.get(0), environments.get(0), accounts.get(0).get("id").asText(),
                probe(realm, projects.get(0), environments.get(0)), null);
    }

    private Realm seedLarge(Api api) {
        TestRealm realm = TestRealm.create(api);
        line("");
        line("Seeding through the REST API (" + THREADS + " client threads):");
        line("");
        line("| what | count | seconds | per second |");
        line("|---|---|---|---|");
        List<String> organizations = seed("organizations", ORGANIZATIONS,
                i -> realm.createOrganization(String.format("org-%05d", i)).get("id").asText());
        List<String> projects = seed("projects", PROJECTS, i -> realm.createProject(
                organizations.get(i / PROJECTS_PER_ORGANIZATION), String.format("project-%05d", i)).get("id").asText());
        List<String> environments = seed("environments (3 per project)", PROJECTS * ENVIRONMENTS.size(),
                i -> realm.createEnvironment(projects.get(i / ENVIRONMENTS.size()),
                        ENVIRONMENTS.get(i % ENVIRONMENTS.size())).get("id").asText());
        List<JsonNode> accounts = seed("service accounts", PROJECTS,
                i -> realm.createServiceAccount(projects.get(i), "account-" + i));
        List<Integer> keyCounts = seed("keys (ES256, generated)", PROJECTS, i -> {
            addKeys(realm, accounts.get(i).get("id").asText(), 1 + i % 10);
            return 1 + i % 10;
        });
        line(String.format("| (keys in all) | %d | | |", keyCounts.stream().mapToInt(Integer::intValue).sum()));
        int busyMemberships = BUSY_ACCOUNT_PROJECTS;
        seed("memberships of the busy account", busyMemberships,
                i -> join(realm, projects.get(i), accounts.get(0).get("email").asText()));
        int others = (MEMBERSHIPS - busyMemberships) / MEMBERSHIPS_PER_ACCOUNT;
        seed("memberships of the others", others * MEMBERSHIPS_PER_ACCOUNT, i -> {
            int account = 1 + i / MEMBERSHIPS_PER_ACCOUNT;
            int project = (account * 7 + (i % MEMBERSHIPS_PER_ACCOUNT) * 1999) % PROJECTS;
            return join(realm, projects.get(project), accounts.get(account).get("email").asText());
        });
        ServiceAccountClient busy = ServiceAccountClient.of(api, realm.generateKey(accounts.get(0).get("id").asText(),
                "RS256"));
        return new Realm(realm, organizations.get(0), projects.get(1), environments.get(ENVIRONMENTS.size()),
                accounts.get(1).get("id").asText(), probe(realm, projects.get(1), environments.get(ENVIRONMENTS.size())),
                busy);
    }

    /** An account with one project and one environment membership and an RS256 key, to measure tokens with. */
    private static ServiceAccountClient probe(TestRealm realm, String project, String environment) {
        JsonNode account = realm.createServiceAccount(project, "probe");
        ServiceAccountClient client = ServiceAccountClient.of(realm.api(), realm.generateKey(account.get("id").asText(),
                "RS256"));
        join(realm, project, account.get("email").asText());
        TokenLoad.check(realm.api().post(realm.iam("/environments/" + environment + "/members"),
                realm.api().adminToken(), Map.of("email", account.get("email").asText(), "role", "environment.admin")));
        return client;
    }

    private <T> List<T> seed(String what, int count, java.util.function.IntFunction<T> task) {
        Instant start = Instant.now();
        List<T> results = Parallel.run(count, THREADS, task);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        line(String.format("| %s | %d | %.0f | %.0f |", what, count, seconds, count / seconds));
        return results;
    }

    private static void addKeys(TestRealm realm, String account, int count) {
        for (int k = 0; k < count; k++) {
            TokenLoad.check(realm.api().post(realm.iam("/service-accounts/" + account + "/keys"),
                    realm.api().adminToken(), Map.of("algorithm", "ES256")));
        }
    }

    private static String join(TestRealm realm, String project, String email) {
        Response added = realm.api().post(realm.iam("/projects/" + project + "/members"), realm.api().adminToken(),
                Map.of("email", email, "role", "project.user"));
        TokenLoad.check(added);
        return email;
    }

    private static void analyze(String database) throws Exception {
        try (Connection connection = Postgres.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    private void tokenLatency(Realm small, Realm large) {
        line("");
        line("Token latency, one request at a time (300 measured after 100):");
        line("");
        line("| account | p50 ms | p99 ms | mean ms |");
        line("|---|---|---|---|");
        line(token("1 project and 1 environment membership, realm of " + PROJECTS_PER_ORGANIZATION + " projects",
                small.probe()).row());
        line(token("1 project and 1 environment membership, realm of " + PROJECTS + " projects", large.probe()).row());
        line(token(BUSY_ACCOUNT_PROJECTS + " memberships, realm of " + PROJECTS + " projects", large.busy()).row());
    }

    private static Timings token(String label, ServiceAccountClient client) {
        return Timings.measure(label, 100, 300, () -> client.tokenRequest().status() == 200);
    }

    private void listLatency(Realm small, Realm large) {
        line("");
        line("List pages (max=100), one request at a time (300 measured after 50):");
        line("");
        line("| list | realm of " + PROJECTS_PER_ORGANIZATION + " projects p50 / p99 ms | realm of " + PROJECTS
                + " projects p50 / p99 ms |");
        line("|---|---|---|");
        listRow("organizations", small, large, r -> "/organizations");
        listRow("projects of an organization (10)", small, large, r -> "/organizations/" + r.organization() + "/projects");
        listRow("members of a project", small, large, r -> "/projects/" + r.project() + "/members");
        listRow("environments of a project (3)", small, large, r -> "/projects/" + r.project() + "/environments");
        listRow("members of an environment", small, large, r -> "/environments/" + r.environment() + "/members");
        listRow("service accounts of a project", small, large, r -> "/projects/" + r.project() + "/service-accounts");
        listRow("keys of a service account", small, large, r -> "/service-accounts/" + r.account() + "/keys");
    }

    private void listRow(String label, Realm small, Realm large, java.util.function.Function<Realm, String> path) {
        Timings inSmall = list(small, path.apply(small));
        Timings inLarge = list(large, path.apply(large));
        line(String.format("| %s | %.1f / %.1f | %.1f / %.1f |", label, inSmall.percentile(50), inSmall.percentile(99),
                inLarge.percentile(50), inLarge.percentile(99)));
    }

    private static Timings list(Realm realm, String path) {
        Api api = realm.realm().api();
        return Timings.measure(path, 50, 300, () -> api.get(realm.realm().iam(path), api.adminToken()).status() == 200);
    }

    private void tokenThroughput(DistributionServer server, Realm large) throws Exception {
        TestRealm realm = large.realm();
        ServiceAccountClient builtIn = TokenLoad.clientJwt(realm, large.project());
        String secret = TokenLoad.clientSecret(realm, large.project());
        TokenLoad load = new TokenLoad(Duration.ofSeconds(3), Duration.ofSeconds(10));
        for (int pass = 0; pass < 2; pass++) {
            load.assertions("warm-up", large.probe(), 16);
            load.assertions("warm-up", builtIn, 16);
            load.secret(server.baseUrl(), realm.name(), secret, 16);
        }
        List<Load.Result> results = new ArrayList<>();
        Memory underLoad = null;
        for (int round = 0; round < 2; round++) {
            for (int concurrency : CONCURRENCY) {
                results.add(load.assertions(TokenLoad.OURS, large.probe(), concurrency));
                results.add(load.assertions(TokenLoad.CLIENT_JWT, builtIn, concurrency));
                results.add(load.secret(server.baseUrl(), realm.name(), secret, concurrency));
                if (concurrency == 16) {
                    underLoad = Memory.of(server.pid(), false);
                }
            }
        }
        line("");
        line("Token requests in the large realm (RS256 keys; all warmed up, then two interleaved rounds):");
        line("");
        report.add(Reports.tokenTable(results));
        report.add(Reports.tokenSummary(results, CONCURRENCY));
        line("Memory right after the last concurrency-16 phase: " + underLoad);
    }

    private void line(String text) {
        report.add(text);
        System.out.println(text);
    }
}
