package dev.waitwell.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedWindowLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2027-06-01T10:00:15Z"));
    private final FixedWindowLimiter limiter = new FixedWindowLimiter(clock);

    @Test
    void refusesTheRequestAfterTheLimitUntilTheMinuteIsOver() {
        List<FixedWindowLimiter.Limit> limits = List.of(new FixedWindowLimiter.Limit("order:o-1", 3));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(limits)).isEmpty();
        }

        assertThat(limiter.acquire(limits)).contains(Duration.ofSeconds(45));

        clock.advance(Duration.ofSeconds(45));
        assertThat(limiter.acquire(limits)).isEmpty();
    }

    @Test
    void aRequestRefusedByOneLimitDoesNotUseUpTheOthers() {
        FixedWindowLimiter.Limit user = new FixedWindowLimiter.Limit("user:support", 2);
        assertThat(limiter.acquire(List.of(user, new FixedWindowLimiter.Limit("order:o-1", 1))))
                .isEmpty();
        assertThat(limiter.acquire(List.of(user, new FixedWindowLimiter.Limit("order:o-1", 1))))
                .isPresent();

        assertThat(limiter.acquire(List.of(user, new FixedWindowLimiter.Limit("order:o-2", 1))))
                .isEmpty();
        assertThat(limiter.acquire(List.of(user, new FixedWindowLimiter.Limit("order:o-3", 1))))
                .isPresent();
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
