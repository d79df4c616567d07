package dev.waitwell.workflows.payment;

/**
 * The answer to letting go of a charge that waited on the customer's bank: {@code completed} is the charge when the
 * customer completed it after all (recorded and booked like any other, so a refund covers it), else null: the
 * processor cancelled it, and it can never succeed later.
 */
public record WaitingChargeCancellation(ChargeResult completed) {

    public boolean wasCompleted() {
        return completed != null;
    }
}
