package dev.waitwell.activities.payment;

import dev.waitwell.workflows.payment.PaymentIssue;
import java.util.Objects;

/**
 * The processor's answer to a charge: its reference (null when it declined before a payment existed, such as a card
 * refused when attached), and how it stands.
 *
 * @param failureCode for a decline, the code recorded ({@link DeclineReasons#recordedCode}); for a charge waiting on
 *     the customer, {@code authentication_required}
 * @param actionUrl for a charge waiting on the customer, the bank's page (null when the processor gave none)
 */
record GatewayCharge(String reference, Status status, String failureCode, String actionUrl) {

    enum Status {
        SUCCEEDED,
        DECLINED,
        /** The customer's bank asks them to authenticate; the charge waits under its key. */
        REQUIRES_ACTION
    }

    GatewayCharge {
        Objects.requireNonNull(status, "status");
    }

    static GatewayCharge succeeded(String reference) {
        return new GatewayCharge(reference, Status.SUCCEEDED, null, null);
    }

    static GatewayCharge declined(String reference, String failureCode) {
        return new GatewayCharge(reference, Status.DECLINED, failureCode, null);
    }

    static GatewayCharge requiresAction(String reference, String actionUrl) {
        return new GatewayCharge(reference, Status.REQUIRES_ACTION, PaymentIssue.AUTHENTICATION_REQUIRED, actionUrl);
    }

    /** The short reason recorded next to the code, which the customer may read. */
    String failureMessage() {
        return failureCode == null ? null : DeclineReasons.messageFor(failureCode);
    }
}
