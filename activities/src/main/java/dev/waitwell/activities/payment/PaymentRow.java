package dev.waitwell.activities.payment;

import dev.waitwell.workflows.shared.Money;

/** A row of {@code payments}: one charge attempt or refund. */
record PaymentRow(
        long id,
        String orderId,
        String idempotencyKey,
        String kind,
        String purpose,
        String status,
        Money amount,
        String gatewayReference,
        String failureReason) {

    boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }
}
