package dev.waitwell.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The rate limits' time, standing still until a test moves it: no limit test waits for the wall clock. */
final class MovableTime implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000);

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
