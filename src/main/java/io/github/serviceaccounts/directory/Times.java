package io.github.serviceaccounts.directory;

import java.time.Instant;

final class Times {

    private Times() {
    }

    static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
