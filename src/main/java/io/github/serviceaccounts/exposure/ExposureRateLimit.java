package io.github.serviceaccounts.exposure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@link #PER_MINUTE} reports a minute from one address, on this node: enough for a secret scanner or a
 * person, too few to use the address as a way to make the server do RSA work for free.
 */
final class ExposureRateLimit {

    static final int PER_MINUTE = 20;
    private static final int MAX_ADDRESSES = 10_000;
    private static final Map<String, Window> WINDOWS = new ConcurrentHashMap<>();

    private record Window(long minute, int count) {
    }

    private ExposureRateLimit() {
    }

    static boolean allows(String address, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (WINDOWS.size() > MAX_ADDRESSES) {
            WINDOWS.clear();
        }
        Window window = WINDOWS.merge(address == null ? "" : address, new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.count() + 1) : fresh);
        return window.count() <= PER_MINUTE;
    }
}
