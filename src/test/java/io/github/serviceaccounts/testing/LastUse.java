package io.github.serviceaccounts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/**
 * A node writes the uses its tokens noted every two seconds, behind the requests: tests read {@code lastUsedAt} once
 * it is written.
 */
public final class LastUse {

    private LastUse() {
    }

    /** What {@code read} answers once its {@code lastUsedAt} is set (within 15 s, or the test fails). */
    public static JsonNode written(Supplier<JsonNode> read) {
        return Awaitility.await("lastUsedAt written").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200)).until(read::get, node -> node.hasNonNull("lastUsedAt"));
    }
}
