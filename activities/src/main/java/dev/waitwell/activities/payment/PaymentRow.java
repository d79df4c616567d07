package dev.waitwell.activities.payment;

import dev.waitwell.workflows.payment.PaymentIssue;
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
        String failureReason,
        String failureMessage,
        String actionUrl) {

    boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    /** A charge that waits on the customer's bank. */
    boolean requiresAction() {
        return "REQUIRES_ACTION".equals(status);
    }

    /** What stands in the way of a charge not paid, as the customer may read it. */
    PaymentIssue issue() {
        return requiresAction()
                ? DeclineReasons.authenticationRequired(actionUrl)
                : DeclineReasons.issue(failureReason, failureMessage);
    }
}
