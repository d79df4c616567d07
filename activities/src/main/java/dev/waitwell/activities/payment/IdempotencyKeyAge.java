package dev.waitwell.activities.payment;

import io.temporal.activity.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a processor may have forgotten the idempotency key of the activity in progress. Stripe keeps keys for about
 * 24 hours; an activity retried through a long outage may run past that, and then the key no longer guards against
 * charging twice. The age counts from when the workflow first scheduled the activity, whatever the attempt.
 */
@Component
class IdempotencyKeyAge {

    /** A margin under Stripe's 24 hours. */
    static final Duration TRUSTED_FOR = Duration.ofHours(23);

    private final Clock clock;

    /** @param clock the worker's clock; a {@link Clock} bean replaces the system's (tests) */
    IdempotencyKeyAge(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** False outside an activity (a call from code or a test): the key was made just now. */
    boolean mayBeForgotten() {
        long scheduled;
        try {
            scheduled = Activity.getExecutionContext().getInfo().getScheduledTimestamp();
        } catch (IllegalStateException notInAnActivity) {
            return false;
        }
        return Duration.between(Instant.ofEpochMilli(scheduled), clock.instant())
                        .compareTo(TRUSTED_FOR)
                > 0;
    }
}
