package io.github.serviceaccounts.rest;

import java.time.Instant;

final class Instants {

    private Instants() {
    }

    /** ISO-8601 in UTC, e.g. {@code 2026-11-24T18:00:00Z}; null stays null. */
    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
