package dev.waitwell.workflows.payment;

import java.util.Objects;

/**
 * Save the order's payment method for charges made later, without the customer present (a {@code PAY_LATER}
 * order at checkout). Idempotent per order and method.
 *
 * @param returnUrl where the customer comes back to after confirming with their bank (the order's page)
 */
public record SaveMethodRequest(String orderId, String paymentMethod, String returnUrl) {

    public SaveMethodRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
    }

    public String idempotencyKey() {
        return orderId + "/save-method/" + paymentMethod;
    }
}
