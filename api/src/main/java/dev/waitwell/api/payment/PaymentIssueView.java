package dev.waitwell.api.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.waitwell.workflows.payment.PaymentIssue;

/**
 * What stands between an order and its money while a charge waits on the customer, as the order's views show it.
 *
 * @param code the processor's code ({@code authentication_required}, {@code insufficient_funds}, ...)
 * @param message the short reason the customer may read (never the processor's raw message)
 * @param actionUrl the bank's page where the customer confirms the payment; only for the customer's page, which
 *     links it, not in the JSON views
 */
public record PaymentIssueView(
        String code, String message, @JsonIgnore String actionUrl) {

    /** The view of the workflow's issue; null for none. */
    public static PaymentIssueView of(PaymentIssue issue) {
        return issue == null ? null : new PaymentIssueView(issue.code(), issue.message(), issue.actionUrl());
    }

    /** The bank asks the customer to confirm, and says where: the customer's page shows the way there. */
    public boolean confirmsWithBank() {
        return PaymentIssue.AUTHENTICATION_REQUIRED.equals(code) && actionUrl != null;
    }
}
