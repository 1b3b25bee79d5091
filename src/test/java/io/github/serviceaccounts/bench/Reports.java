package io.github.serviceaccounts.bench;

import io.github.serviceaccounts.testing.ItSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Markdown tables of benchmark results, printed and written to {@code target/bench/}. */
final class Reports {

    /** RS256 signatures per second on 2 cores (about 1,300 per core): the ceiling for RS256-signed access tokens. */
    static final double RS256_CEILING = 2600;

    private Reports() {
    }

    static String tokenTable(List<Load.Result> results) {
        StringBuilder out = new StringBuilder("| concurrency | authenticator | tokens/s | share of 2,600/s | p50 ms | p99 ms"
                + " | failures | ÷ client-jwt, median of rounds |\n|---|---|---|---|---|---|---|---|\n");
        for (Load.Result r : results) {
            double jwt = median(results, TokenLoad.CLIENT_JWT, r.concurrency());
            out.append(String.format("| %d | %s | %.0f | %.0f%% | %.1f | %.1f | %d | %.2f× |%n", r.concurrency(),
                    r.label(), r.perSecond(), 100 * r.perSecond() / RS256_CEILING, r.p50(), r.p99(), r.failures(),
                    r.perSecond() / jwt));
        }
        return out.toString();
    }

    static String tokenSummary(List<Load.Result> results, int[] concurrencies) {
        StringBuilder out = new StringBuilder();
        for (int concurrency : concurrencies) {
            double ours = median(results, TokenLoad.OURS, concurrency);
            double jwt = median(results, TokenLoad.CLIENT_JWT, concurrency);
            double secret = median(results, TokenLoad.CLIENT_SECRET, concurrency);
            double federated = median(results, TokenLoad.FEDERATED, concurrency);
            out.append(String.format("Concurrency %d (medians of the rounds): %s %.0f/s, %s %.0f/s, %s %.0f/s, %s %.0f/s; %s is"
                    + " %.2f× %s and %.2f× %s; %s is %.2f× %s%n", concurrency, TokenLoad.OURS, ours,
                    TokenLoad.FEDERATED, federated, TokenLoad.CLIENT_JWT, jwt, TokenLoad.CLIENT_SECRET, secret,
                    TokenLoad.OURS, ours / jwt, TokenLoad.CLIENT_JWT, ours / secret, TokenLoad.CLIENT_SECRET,
                    TokenLoad.FEDERATED, federated / jwt, TokenLoad.CLIENT_JWT));
        }
        return out.toString();
    }

    static double median(List<Load.Result> results, String label, int concurrency) {
        double[] sorted = results.stream().filter(r -> r.label().equals(label) && r.concurrency() == concurrency)
                .mapToDouble(Load.Result::perSecond).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static void write(ItSettings settings, String name, String report) {
        try {
            Path out = settings.workDir().resolveSibling("bench").resolve(name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
