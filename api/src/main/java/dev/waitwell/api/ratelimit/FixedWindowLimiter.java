package dev.waitwell.api.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts requests per key in fixed one-minute windows. A request takes one unit from every key it names or from
 * none: one refused by the order's limit does not use up the caller's.
 */
class FixedWindowLimiter {

    /** A key and how many requests it may make per window. */
    record Limit(String key, int perWindow) {}

    private record Window(long number, int used) {}

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int SWEEP_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    FixedWindowLimiter(Clock clock) {
        this.clock = clock;
    }

    /** @return empty when allowed (and counted), else how long until the window that refused it ends */
    synchronized Optional<Duration> acquire(List<Limit> limits) {
        long now = clock.millis();
        long number = now / WINDOW.toMillis();
        sweep(number);
        for (Limit limit : limits) {
            Window window = windows.get(limit.key());
            if (window != null && window.number() == number && window.used() >= limit.perWindow()) {
                return Optional.of(Duration.ofMillis((number + 1) * WINDOW.toMillis() - now));
            }
        }
        for (Limit limit : limits) {
            Window window = windows.get(limit.key());
            int used = window != null && window.number() == number ? window.used() : 0;
            windows.put(limit.key(), new Window(number, used + 1));
        }
        return Optional.empty();
    }

    /** Past windows are dropped once there are many, so that memory stays bounded by one minute's callers. */
    private void sweep(long number) {
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(window -> window.number() < number);
        }
    }
}
