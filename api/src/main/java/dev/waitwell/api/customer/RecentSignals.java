package dev.waitwell.api.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each PaymentIntent's order was last told that its customer is back from the bank, in memory and bounded: at
 * most {@code capacity} PaymentIntents, the oldest claim dropped first. A dropped one can be signalled again early,
 * which the order's rate limit still bounds.
 */
final class RecentSignals {

    private final Clock clock;
    private final Duration quietPeriod;
    private final Map<String, Instant> lastSignals;

    RecentSignals(Clock clock, Duration quietPeriod, int capacity) {
        this.clock = clock;
        this.quietPeriod = quietPeriod;
        this.lastSignals = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return whether the PaymentIntent may be signalled now (then it counts as signalled now) */
    synchronized boolean claim(String paymentIntent) {
        Instant now = clock.instant();
        Instant last = lastSignals.get(paymentIntent);
        if (last != null && now.isBefore(last.plus(quietPeriod))) {
            return false;
        }
        lastSignals.remove(paymentIntent); // put back last in line, the newest
        lastSignals.put(paymentIntent, now);
        return true;
    }

    /** Gives back a claim whose signal was not sent after all. */
    synchronized void release(String paymentIntent) {
        lastSignals.remove(paymentIntent);
    }
}
