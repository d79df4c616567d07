package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.lifecycle.OrderPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an order's promise is measured against, fixed at checkout.
 *
 * @param promisedAtCheckout the date first promised (a short first delay from it may be accepted by silence)
 * @param latestAcceptable the latest promise the order accepts without a new choice; null for no limit
 * @param releaseAt pre-orders: the instant the product is released by itself; null otherwise
 * @param preorder whether the order waits for a release (a release date that becomes unknown stops its timer)
 */
public record PromiseTerms(
        LocalDate promisedAtCheckout,
        LocalDate latestAcceptable,
        Instant releaseAt,
        boolean preorder,
        OrderPolicy policy) {

    public PromiseTerms {
        Objects.requireNonNull(policy, "policy");
    }
}
