package dev.waitwell.workflows.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * A charge an order was waiting on in {@code AWAITING_PAYMENT} when its run was rebuilt from PostgreSQL: declined,
 * or waiting on the customer's bank. The rebuilt run waits on it as the lost run did, with the grace counted from
 * the first decline, and charges it again only when asked to (a retry, a new method, the bank's answer).
 *
 * @param step the charge's step ({@code balance-2}); a charge that waits on the bank is checked again under it
 * @param amount what it charges, in minor units of the order's currency
 * @param declinedAt when it was first declined: the payment grace runs from here
 * @param awaitingBank true when the bank asks the customer to authenticate, false for a decline
 */
public record OutstandingCharge(
        ChargePurpose purpose, String step, long amount, Instant declinedAt, boolean awaitingBank) {

    public OutstandingCharge {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(declinedAt, "declinedAt");
        if (amount <= 0) {
            throw new IllegalArgumentException("an outstanding charge must be positive");
        }
    }
}
