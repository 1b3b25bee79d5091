package io.github.serviceaccounts.auth;

import io.github.serviceaccounts.keys.Keys;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this node last wrote a key's or credential's {@code lastUsedAt}: the token path writes it at most once a
 * {@link #RESOLUTION} per key and node (and the write itself is conditional, so nodes do not repeat each other), rather
 * than on every token.
 */
final class UseMarks {

    static final Duration RESOLUTION = Keys.LAST_USE_RESOLUTION;
    private static final int MAX_MARKS = 100_000;
    private static final Map<String, Long> WRITTEN = new ConcurrentHashMap<>();

    private UseMarks() {
    }

    /** Whether a use now should be written; if so, it counts as written from now on. */
    static boolean due(String id, long nowMillis) {
        if (WRITTEN.size() > MAX_MARKS) {
            WRITTEN.clear();
        }
        boolean[] due = {false};
        WRITTEN.compute(id, (key, last) -> {
            if (last == null || nowMillis - last >= RESOLUTION.toMillis()) {
                due[0] = true;
                return nowMillis;
            }
            return last;
        });
        return due[0];
    }
}
