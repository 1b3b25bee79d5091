package io.github.serviceaccounts.auth;

import io.github.serviceaccounts.federation.jpa.CredentialStore;
import io.github.serviceaccounts.keys.jpa.KeyStore;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Writes the token path's uses ({@code lastUsedAt} of keys and federated credentials) behind the request: a token
 * only notes the use in this node's memory ({@link UseMarks} keeps that to once a minute per key and node), and a
 * thread of this node writes what was noted every few seconds ({@code last-use-write-seconds}), in a transaction of its
 * own, and once more when the server stops cleanly. A write that fails is kept for the next round.
 *
 * <p>An own thread rather than Keycloak's timer, because the last write must run after the timer has stopped and before
 * the database goes: the factory that calls {@link #stop()} declares that it depends on the JPA connection, so
 * Keycloak closes it first.
 */
public final class UseWriter {

    private static final Logger LOG = Logger.getLogger(UseWriter.class);
    private static final Map<Use, Long> PENDING = new ConcurrentHashMap<>();
    private static ScheduledExecutorService thread;
    private static KeycloakSessionFactory sessions;

    enum Kind { KEY, FEDERATED_CREDENTIAL }

    private record Use(Kind kind, String id) {
    }

    private UseWriter() {
    }

    /** Notes a successful authentication with a key or credential, to be written behind unless one was this minute. */
    static void note(Kind kind, String id, long nowMillis) {
        if (UseMarks.due(id, nowMillis)) {
            PENDING.merge(new Use(kind, id), nowMillis, Math::max);
        }
    }

    public static synchronized void start(KeycloakSessionFactory factory, Duration interval) {
        if (thread != null) {
            return;
        }
        sessions = factory;
        LOG.debugf("Writing the uses of keys and federated credentials every %d s", interval.toSeconds());
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread writer = new Thread(task, "iam-last-use-writer");
            writer.setDaemon(true);
            return writer;
        });
        thread.scheduleWithFixedDelay(UseWriter::flushQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the thread, then writes what is still noted: a clean shutdown loses no use. */
    public static synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The last-use writer did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
        thread = null;
    }

    /** Writes every use this node noted; answers how many. */
    static int flush() {
        Map<Use, Long> batch = new HashMap<>();
        for (Use use : PENDING.keySet()) {
            Long at = PENDING.remove(use);
            if (at != null) {
                batch.put(use, at);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(sessions, session -> {
                EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
                KeyStore keys = new KeyStore(em);
                CredentialStore credentials = new CredentialStore(em);
                long resolution = UseMarks.RESOLUTION.toMillis();
                batch.forEach((use, at) -> {
                    if (use.kind() == Kind.KEY) {
                        keys.markUsed(use.id(), at, at - resolution);
                    } else {
                        credentials.markUsed(use.id(), at, at - resolution);
                    }
                });
            });
            return batch.size();
        } catch (RuntimeException e) {
            batch.forEach((use, at) -> PENDING.merge(use, at, Math::max));
            throw e;
        }
    }

    private static void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("Last uses of keys and federated credentials not written yet, retried later: %s", e.toString());
        }
    }
}
