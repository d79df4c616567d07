package dev.waitwell.workflows.payment;

import java.util.Objects;

/**
 * Refunds the processor reports for one of our charges (made in its dashboard, say) that Waitwell may not have
 * recorded: the payload of a {@link RefundReconciliationWorkflow}.
 *
 * @param chargeReference the processor's reference of the charge as Waitwell stored it (a PaymentIntent id)
 * @param eventId the processor's event that reported them, for the audit trail
 */
public record RefundReconciliation(String chargeReference, String eventId) {

    public RefundReconciliation {
        Objects.requireNonNull(chargeReference, "chargeReference");
        Objects.requireNonNull(eventId, "eventId");
    }
}
