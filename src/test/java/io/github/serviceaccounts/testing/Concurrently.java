package io.github.serviceaccounts.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Sends requests at the same time, a thread each, for the race tests. */
public final class Concurrently {

    private Concurrently() {
    }

    /** The HTTP statuses of the calls, in the order given, once all have answered. */
    public static List<Integer> statuses(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                statuses.add(answer.get().status());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
