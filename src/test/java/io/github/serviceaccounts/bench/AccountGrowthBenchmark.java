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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How the service-account requests grow with the realm's accounts (issue 19). One realm, one organization: project
 * {@code fixed} holds 100 accounts, project {@code big} 2,000, and 48 others take the rest, up to 100,000 accounts, all
 * created through the REST API (the accounts created while measuring, in project {@code creations}, count too). With
 * the first 100, after the big project and at the top it measures each list and search of a project's
 * accounts, the account's keys, memberships and activity, the project's unused report and account creation, warm
 * (after a warm-up) and cold (Keycloak's realm and user caches cleared before every request). Not a test:
 * {@code mvn -Pbench verify -DskipUi -DskipTests -Dbench=AccountGrowthBenchmark} ({@code -Dbench.db=postgres},
 * {@code -Dbench.accounts=100000}, {@code -Dbench.seed-minutes=40} to stop seeding earlier, {@code -Dbench.export=true}
 * to time Keycloak's partial export of clients at 2,100 accounts).
 */
public final class AccountGrowthBenchmark {

    private static final int TOP = Integer.getInteger("bench.accounts", 100_000);
    private static final Duration SEEDING_BUDGET = Duration.ofMinutes(Integer.getInteger("bench.seed-minutes", 40));
    private static final int FIXED = 100;
    private static final int BIG = 2_000;
    private static final int OTHER_PROJECTS = 48;
    private static final int THREADS = 8;
    private static final int WARM_RUNS = 100;
    private static final int COLD_RUNS = 20;

    private final List<String> report = new ArrayList<>();
    private final Map<String, Map<String, String>> table = new LinkedHashMap<>();
    private final List<String> stages = new ArrayList<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger creations = new AtomicInteger();
    private TestRealm realm;

    public static void main(String[] args) throws Exception {
        new AccountGrowthBenchmark().run();
    }

    private void run() throws Exception {
        ItSettings settings = ItSettings.fromSystemProperties();
        boolean postgres = "postgres".equals(System.getProperty("bench.db"));
        Database database = postgres ? Postgres.freshDatabase("kcsa_growth") : Database.devFile();
        try (DistributionServer server = DistributionServer.install(settings,
                DistributionServer.Options.defaults("growth", database).withCache("ispn")).start()) {
            Api api = new Api(server.baseUrl());
            realm = TestRealm.create(api);
            line("Account growth benchmark, Keycloak on " + database.vendor() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores shared by server and load");
            String organization = realm.createOrganization("growth").get("id").asText();
            String fixed = realm.createProject(organization, "fixed").get("id").asText();
            String big = realm.createProject(organization, "big").get("id").asText();
            String creationsProject = realm.createProject(organization, "creations").get("id").asText();
            List<String> others = new ArrayList<>();
            for (int i = 0; i < OTHER_PROJECTS; i++) {
                others.add(realm.createProject(organization, String.format("other-%02d", i)).get("id").asText());
            }
            line("");
            line("Seeding through the REST API (" + THREADS + " client threads):");
            line("");
            line("| accounts | project | seconds | accounts per second |");
            line("|---|---|---|---|");

            List<JsonNode> fixedAccounts = seed(fixed, FIXED, "fixed");
            JsonNode probe = fixedAccounts.get(0);
            Subject fixedSubject = prepare(fixed, probe);
            // A first pass, not reported, so the JIT has compiled every path before the first figures.
            measure(server, database, "JIT warm-up", fixedSubject, null, creationsProject);
            stages.clear();
            table.clear();
            measure(server, database, null, fixedSubject, null, creationsProject);

            seed(big, BIG, "big");
            Subject bigSubject = new Subject(big, null, null);
            measure(server, database, null, fixedSubject, bigSubject, creationsProject);
            if (Boolean.getBoolean("bench.export")) {
                export();
            }

            seedOthers(others);
            measure(server, database, null, fixedSubject, bigSubject, creationsProject);

            line("");
            line("p50 / p99 ms; warm: " + WARM_RUNS + " requests one at a time after 20 unmeasured; cold: "
                    + COLD_RUNS + " requests, each right after clearing Keycloak's realm and user caches.");
            line("");
            StringBuilder header = new StringBuilder("| request |");
            StringBuilder rule = new StringBuilder("|---|");
            for (String stage : stages) {
                header.append(" ").append(stage).append(" accounts |");
                rule.append("---|");
            }
            line(header.toString());
            line(rule.toString());
            table.forEach((request, cells) -> {
                StringBuilder row = new StringBuilder("| " + request + " |");
                stages.forEach(stage -> row.append(" ").append(cells.getOrDefault(stage, "")).append(" |"));
                line(row.toString());
            });
            String text = String.join("\n", report) + "\n";
            System.out.println("\n" + text);
            Reports.write(settings, "growth-" + database.vendor() + ".md", text);
        }
    }

    /** What the per-account requests are measured on: a project, and one of its accounts with keys and tokens. */
    private record Subject(String project, String account, String search) {
    }

    private Subject prepare(String project, JsonNode account) {
        String id = account.get("id").asText();
        ServiceAccountClient client = ServiceAccountClient.of(realm.api(), realm.generateKey(id, "RS256"));
        realm.generateKey(id, "ES256");
        TokenLoad.check(realm.api().post(realm.iam("/projects/" + project + "/members"), realm.api().adminToken(),
                Map.of("email", account.get("email").asText(), "role", "project.user")));
        for (int i = 0; i < 3; i++) {
            Response token = client.tokenRequest();
            if (token.status() != 200) {
                throw new IllegalStateException("No token for the probe account: " + token);
            }
        }
        return new Subject(project, id, null);
    }

    private List<JsonNode> seed(String project, int count, String prefix) {
        Instant start = Instant.now();
        List<JsonNode> accounts = Parallel.run(count, THREADS, i -> {
            JsonNode account = realm.createServiceAccount(project, String.format("%s-%06d", prefix, i));
            created.incrementAndGet();
            return account;
        });
        seeded(prefix, count, start);
        return accounts;
    }

    /** Fills the other projects up to the top size, in slices of 10,000 so the rate shows whether creation slows. */
    private void seedOthers(List<String> others) {
        Instant deadline = Instant.now().plus(SEEDING_BUDGET);
        AtomicInteger next = new AtomicInteger();
        while (created.get() < TOP) {
            if (Instant.now().isAfter(deadline)) {
                line("");
                line("Seeding stopped at " + created.get() + " accounts: the budget of " + SEEDING_BUDGET.toMinutes()
                        + " minutes was spent.");
                break;
            }
            int slice = Math.min(10_000, TOP - created.get());
            Instant start = Instant.now();
            Parallel.run(slice, THREADS, i -> {
                int n = next.getAndIncrement();
                realm.createServiceAccount(others.get(n % others.size()), String.format("other-%06d", n));
                return created.incrementAndGet();
            });
            seeded("others, up to " + created.get(), slice, start);
        }
    }

    private void seeded(String what, int count, Instant start) {
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        line(String.format("| %d | %s | %.0f | %.0f |", count, what, seconds, count / seconds));
    }

    /** Measures every request at this realm size; the stage is named by the accounts the realm holds, unless given. */
    private void measure(DistributionServer server, Database database, String name, Subject fixed,
            Subject big, String creationsProject) throws Exception {
        if (database.isPostgres()) {
            analyze(database.name());
        }
        String stage = name != null ? name : String.format("%,d", created.get());
        stages.add(stage);
        Api api = realm.api();
        list(stage, "accounts of a project of 100, first page", "/projects/" + fixed.project()
                + "/service-accounts?max=100");
        list(stage, "accounts of a project of 100, search", "/projects/" + fixed.project()
                + "/service-accounts?max=100&search=" + encode("fixed-00004"));
        if (big != null) {
            list(stage, "accounts of a project of 2,000, first page", "/projects/" + big.project()
                    + "/service-accounts?max=100");
            list(stage, "accounts of a project of 2,000, last page", "/projects/" + big.project()
                    + "/service-accounts?max=100&first=1900");
            list(stage, "accounts of a project of 2,000, search", "/projects/" + big.project()
                    + "/service-accounts?max=100&search=" + encode("big-0012"));
            list(stage, "unused report of a project of 2,000", "/projects/" + big.project() + "/unused");
        }
        list(stage, "unused report of a project of 100", "/projects/" + fixed.project() + "/unused");
        list(stage, "members of a project", "/projects/" + fixed.project() + "/members?max=100");
        list(stage, "an account", "/service-accounts/" + fixed.account());
        list(stage, "keys of an account", "/service-accounts/" + fixed.account() + "/keys");
        list(stage, "memberships of an account", "/service-accounts/" + fixed.account() + "/memberships");
        list(stage, "activity of an account", "/service-accounts/" + fixed.account() + "/activity?max=100");
        record(stage, "create an account (POST)", () -> {
            Response answer = api.post(realm.iam("/projects/" + creationsProject + "/service-accounts"), api.adminToken(),
                    Map.of("name", String.format("new-%06d", creations.getAndIncrement())));
            created.incrementAndGet();
            if (answer.status() != 201) {
                System.err.println("create an account: " + answer);
            }
            return answer.status() == 201;
        });
    }

    private void list(String stage, String label, String path) {
        Api api = realm.api();
        record(stage, label, () -> {
            Response answer = api.get(realm.iam(path), api.adminToken());
            if (answer.status() != 200) {
                System.err.println(label + ": " + answer);
            }
            return answer.status() == 200;
        });
    }

    /** Warm, then cold: each cold call follows a clear of Keycloak's realm and user caches (not timed). */
    private void record(String stage, String label, Supplier<Boolean> call) {
        Timings warm = Timings.measure(label, 20, WARM_RUNS, call);
        double[] cold = new double[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            clearCaches();
            cold[i] = Timings.measure(label, 0, 1, call).percentile(50);
        }
        java.util.Arrays.sort(cold);
        Timings coldTimings = new Timings(label, cold);
        String cell = String.format("%.1f / %.1f, cold %.1f / %.1f", warm.percentile(50), warm.percentile(99),
                coldTimings.percentile(50), coldTimings.percentile(99));
        table.computeIfAbsent(label, key -> new LinkedHashMap<>()).put(stage, cell);
        System.out.println(stage + " | " + label + " | " + cell);
    }

    /** Keycloak's admin endpoints that empty its realm cache (realms, clients, groups) and its user cache. */
    private void clearCaches() {
        Api api = realm.api();
        for (String cache : List.of("/clear-realm-cache", "/clear-user-cache")) {
            Response cleared = api.post(realm.admin(cache), api.adminToken(), Map.of());
            if (cleared.status() != 204) {
                throw new IllegalStateException("Clearing " + cache + " failed: " + cleared);
            }
        }
    }

    /** Keycloak's own partial export of the realm's clients, which grows with every account's client. */
    private void export() {
        Api api = realm.api();
        Instant start = Instant.now();
        String outcome;
        try {
            outcome = "HTTP " + api.send(api.request(realm.admin("/partial-export?exportClients=true"
                    + "&exportGroupsAndRoles=false"), api.adminToken()).timeout(Duration.ofSeconds(330))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).status();
        } catch (RuntimeException e) {
            outcome = "no answer (" + e.getClass().getSimpleName() + ")";
        }
        line("");
        line(String.format("Keycloak's partial export of clients at %d accounts: %s after %.0f s", created.get(),
                outcome, Duration.between(start, Instant.now()).toMillis() / 1000.0));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void analyze(String database) throws Exception {
        try (Connection connection = Postgres.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    private void line(String text) {
        report.add(text);
        System.out.println(text);
    }
}
