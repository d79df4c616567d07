package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.shared.Money;
import java.util.Objects;

/**
 * One charge of an order. {@code step} names the charge within the order ({@code checkout},
 * {@code balance-1}, {@code balance-2}...); the idempotency key is derived from order id and step, so
 * a retried activity never charges twice, while a deliberate new attempt uses a new step.
 */
public record ChargeRequest(String orderId, String step, ChargePurpose purpose, Money amount, String paymentMethod) {

    public ChargeRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a charge must be positive");
        }
    }

    public String idempotencyKey() {
        return orderId + "/charge/" + step;
    }
}
