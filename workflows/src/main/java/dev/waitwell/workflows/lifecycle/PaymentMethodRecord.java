package dev.waitwell.workflows.lifecycle;

import java.util.Objects;

/** The payment method an order now charges. */
public record PaymentMethodRecord(String orderId, String paymentMethod) {

    public PaymentMethodRecord {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
    }
}
