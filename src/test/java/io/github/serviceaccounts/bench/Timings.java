package io.github.serviceaccounts.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/** Latencies of repeated calls, in milliseconds. */
record Timings(String label, double[] millis) {

    /** Calls the action {@code warmup} times unmeasured, then {@code runs} times measured; each call must succeed. */
    static Timings measure(String label, int warmup, int runs, Supplier<Boolean> action) {
        for (int i = 0; i < warmup; i++) {
            check(label, action.get());
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            boolean ok = action.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
            check(label, ok);
        }
        Arrays.sort(millis);
        return new Timings(label, millis);
    }

    double percentile(double p) {
        int index = (int) Math.ceil(p / 100.0 * millis.length) - 1;
        return millis[Math.max(0, Math.min(index, millis.length - 1))];
    }

    double mean() {
        return Arrays.stream(millis).average().orElse(0);
    }

    String row() {
        return String.format("| %s | %.1f | %.1f | %.1f |", label, percentile(50), percentile(99), mean());
    }

    private static void check(String label, boolean ok) {
        if (!ok) {
            throw new IllegalStateException("A call failed while measuring " + label);
        }
    }
}
