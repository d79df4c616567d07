package dev.waitwell.workflows.order;

import java.util.Objects;

/** A new payment method for the order's next charge, already known to the payment gateway. */
public record PaymentMethodChange(String paymentMethod, String requestedBy) {

    /** Who the customer is, as {@code requestedBy}: they gave the method on their own page, so they are present. */
    public static final String BY_THE_CUSTOMER = "customer";

    public PaymentMethodChange {
        Objects.requireNonNull(paymentMethod, "paymentMethod");
    }
}
