package dev.waitwell.workflows.order;

import java.time.Duration;
import java.util.Objects;

/**
 * The policy knobs an order workflow runs by. They travel in the workflow input so that they are part
 * of the history: changing the configuration never changes what a running order already decided.
 *
 * @param preReleaseReminder how long before the release the customer is reminded of the coming charge
 * @param paymentGrace how long a declined charge may stay unpaid before the order is cancelled and refunded
 */
public record OrderPolicy(Duration preReleaseReminder, Duration paymentGrace) {

    public static final OrderPolicy DEFAULT = new OrderPolicy(Duration.ofDays(3), Duration.ofDays(7));

    public OrderPolicy {
        Objects.requireNonNull(preReleaseReminder, "preReleaseReminder");
        Objects.requireNonNull(paymentGrace, "paymentGrace");
        if (preReleaseReminder.isNegative() || paymentGrace.isNegative()) {
            throw new IllegalArgumentException("policy durations must not be negative");
        }
    }
}
