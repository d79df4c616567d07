package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.shared.Money;
import java.util.Objects;

/**
 * Refund part of what an order paid (a switch to a cheaper item), against its charges, latest first.
 * Idempotent by order and {@code step}.
 */
public record PartialRefundRequest(String orderId, String step, Money amount, String reason) {

    public PartialRefundRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a refund must be positive");
        }
    }
}
