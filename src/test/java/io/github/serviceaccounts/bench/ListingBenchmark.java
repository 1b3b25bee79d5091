package io.github.serviceaccounts.bench;

import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Database;
import io.github.serviceaccounts.testing.DistributionServer;
import io.github.serviceaccounts.testing.ItSettings;
import io.github.serviceaccounts.testing.Postgres;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.TestRealm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How list latency grows with the list: {@code GET /organizations/{id}/projects?max=100} with 10 vs 10,000 projects,
 * and {@code GET /projects/{id}/members?max=100} with 10 vs 10,000 members. Not a test: run with
 * {@code mvn -Pbench verify -Dbench=ListingBenchmark} ({@code -Dbench.db=postgres} for PostgreSQL).
 */
public final class ListingBenchmark {

    private static final int LARGE = Integer.getInteger("bench.large", 10_000);
    private static final int SMALL = 10;
    private static final int THREADS = 4;
    private static final int WARMUP = 50;
    private static final int RUNS = 300;

    public static void main(String[] args) throws IOException {
        ItSettings settings = ItSettings.fromSystemProperties();
        boolean postgres = "postgres".equals(System.getProperty("bench.db"));
        Database database = postgres ? Postgres.freshDatabase("kcsa_bench") : Database.devFile();
        try (DistributionServer server = DistributionServer.install(settings,
                DistributionServer.Options.defaults("bench", database).withCache("ispn")).start()) {
            Api api = new Api(server.baseUrl());
            TestRealm realm = TestRealm.create(api);
            List<String> rows = new ArrayList<>();

            Instant seeding = Instant.now();
            String small = realm.createOrganization("small").get("id").asText();
            String large = realm.createOrganization("large").get("id").asText();
            seedProjects(realm, small, SMALL);
            seedProjects(realm, large, LARGE);
            String fewMembers = realm.createProject(small, "few-members").get("id").asText();
            String manyMembers = realm.createProject(large, "many-members").get("id").asText();
            seedMembers(realm, fewMembers, SMALL, "few");
            seedMembers(realm, manyMembers, LARGE, "many");
            Duration seeded = Duration.between(seeding, Instant.now());

            rows.add(measure(api, "projects, " + SMALL + " in the organization, first page",
                    realm.iam("/organizations/" + small + "/projects?max=100")));
            rows.add(measure(api, "projects, " + LARGE + " in the organization, first page",
                    realm.iam("/organizations/" + large + "/projects?max=100")));
            rows.add(measure(api, "projects, " + LARGE + " in the organization, last page",
                    realm.iam("/organizations/" + large + "/projects?max=100&first=" + (LARGE - 100))));
            rows.add(measure(api, "members, " + SMALL + " in the project, first page",
                    realm.iam("/projects/" + fewMembers + "/members?max=100")));
            rows.add(measure(api, "members, " + LARGE + " in the project, first page",
                    realm.iam("/projects/" + manyMembers + "/members?max=100")));
            rows.add(measure(api, "members, " + LARGE + " in the project, last page",
                    realm.iam("/projects/" + manyMembers + "/members?max=100&first=" + (LARGE - 100))));

            String report = String.join("\n", List.of(
                    "Listing benchmark, Keycloak on " + database.vendor() + ", " + RUNS + " sequential requests each"
                            + " after " + WARMUP + " unmeasured (seeding took " + seeded.toSeconds() + " s)",
                    "",
                    "| request | p50 ms | p99 ms | mean ms |",
                    "|---|---|---|---|",
                    String.join("\n", rows)));
            System.out.println("\n" + report + "\n");
            Path out = settings.workDir().resolveSibling("bench").resolve("listing-" + database.vendor() + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report + "\n");
        }
    }

    private static void seedProjects(TestRealm realm, String organization, int count) {
        Parallel.run(count, THREADS, i -> realm.createProject(organization, String.format("project-%05d", i)));
    }

    private static void seedMembers(TestRealm realm, String project, int count, String prefix) {
        Api api = realm.api();
        Parallel.run(count, THREADS, i -> {
            String username = String.format("%s-%05d", prefix, i);
            Response user = api.post(realm.admin("/users"), api.adminToken(),
                    Map.of("username", username, "email", username + "@bench.test", "enabled", true));
            String id = user.header("Location").replaceAll(".*/", "");
            Response added = api.post(realm.iam("/projects/" + project + "/members"), api.adminToken(),
                    Map.of("userId", id, "role", "project.user"));
            if (added.status() != 201) {
                throw new IllegalStateException("Seeding a member failed: " + added);
            }
            return id;
        });
    }

    private static String measure(Api api, String label, String path) {
        Timings timings = Timings.measure(label, WARMUP, RUNS, () -> {
            Response answer = api.get(path, api.adminToken());
            if (answer.status() != 200 || answer.json().isEmpty()) {
                System.err.println(label + ": " + answer);
                return false;
            }
            return true;
        });
        return timings.row();
    }
}
