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
        return answers(calls).stream().map(Response::status).toList();
    }

    /** The answers to the calls, in the order given, once all have answered. */
    public static List<Response> answers(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
