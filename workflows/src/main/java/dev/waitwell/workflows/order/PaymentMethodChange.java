package dev.waitwell.workflows.order;

import java.util.Objects;

/** A new payment method for the order's next charge, already known to the payment gateway. */
public record PaymentMethodChange(String paymentMethod, String requestedBy) {

    public PaymentMethodChange {
        Objects.requireNonNull(paymentMethod, "paymentMethod");
    }
}
