package dev.waitwell.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets in this instance's memory, one per key, for limits where one instance's count is enough. A bucket
 * idle for its whole period is full again, so dropping it forgets nothing: buckets expire after that, and at most
 * {@link #MAXIMUM} are kept (beyond, the least used go first), so a flood of new keys cannot exhaust the heap.
 */
final class LocalBuckets {

    static final long MAXIMUM = 100_000;

    private final Cache<String, Bucket> buckets;
    private final int capacity;
    private final Duration period;
    private final TimeMeter time;

    LocalBuckets(int capacity, Duration period, TimeMeter time) {
        this.capacity = capacity;
        this.period = period;
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(period)
                .maximumSize(MAXIMUM)
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** @return empty when a token was taken, else how long until the key has one again */
    Optional<Duration> take(String key) {
        var probe = buckets.get(key, this::newBucket).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Takes a token whether there is one or not: the key only pays for what it did. */
    void spend(String key) {
        buckets.get(key, this::newBucket).consumeIgnoringRateLimits(1);
    }

    void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /**
     * Whether the key has a token left, taking none; a key never seen has all of them, and is not remembered.
     *
     * @return empty when it has, else how long until it has one
     */
    Optional<Duration> check(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket(String key) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .withCustomTimePrecision(time)
                .build();
    }
}
