package io.github.serviceaccounts.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/** Closed-loop load: {@code concurrency} threads each send a request as soon as the previous one answered. */
final class Load {

    /** Throughput and latency of one measured run. */
    record Result(String label, int concurrency, int requests, int failures, double seconds, double p50, double p99) {

        double perSecond() {
            return requests / seconds;
        }
    }

    private Load() {
    }

    /**
     * Runs {@code call} (given a running request number, answering whether it succeeded) for the warm-up, unmeasured,
     * then for the measured duration.
     */
    static Result run(String label, int concurrency, Duration warmup, Duration measured, IntPredicate call)
            throws InterruptedException {
        AtomicInteger sequence = new AtomicInteger();
        drive(concurrency, warmup, call, sequence, null);
        List<double[]> latencies = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        int requests = drive(concurrency, measured, call, sequence, new Recorder(latencies, failures));
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] all = latencies.stream().flatMapToDouble(Arrays::stream).filter(v -> v >= 0).sorted().toArray();
        return new Result(label, concurrency, requests, failures.get(), seconds, percentile(all, 50), percentile(all, 99));
    }

    private record Recorder(List<double[]> latencies, AtomicInteger failures) {
    }

    private static int drive(int concurrency, Duration duration, IntPredicate call, AtomicInteger sequence,
            Recorder recorder) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            double[] mine = new double[200_000];
            Arrays.fill(mine, -1);
            if (recorder != null) {
                synchronized (recorder.latencies()) {
                    recorder.latencies().add(mine);
                }
            }
            Thread thread = new Thread(() -> {
                int count = 0;
                while (running.get() && count < mine.length) {
                    long begin = System.nanoTime();
                    boolean ok = call.test(sequence.getAndIncrement());
                    mine[count++] = (System.nanoTime() - begin) / 1e6;
                    done.incrementAndGet();
                    if (!ok && recorder != null) {
                        recorder.failures().incrementAndGet();
                    }
                }
                finished.countDown();
            });
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        finished.await();
        return done.get();
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
