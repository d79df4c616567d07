package dev.waitwell.workflows.payment;

import java.util.Objects;

/** Refund everything the order paid and has not had back yet. */
public record RefundRequest(String orderId, String currency, String reason) {

    public RefundRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(reason, "reason");
    }
}
