package dev.waitwell.workflows.payment;

import io.temporal.activity.ActivityInterface;

/**
 * Moves money through the configured payment gateway and books it in the ledger in the same step.
 * Every call is idempotent: a retry returns the first result and moves no money again.
 */
@ActivityInterface
public interface PaymentActivities {

    /**
     * Charges the order. Books cash against customer deposits. A charge under a key that waited on the customer is
     * checked again at the processor: it succeeds, stays waiting, or is declined now.
     *
     * @throws io.temporal.failure.ApplicationFailure non-retryable, with a {@link PaymentIssue} as its details: of
     *     type {@code PAYMENT_DECLINED} when the processor declines (recorded), {@code PAYMENT_METHOD_UNKNOWN} when
     *     it does not know the method, {@code PAYMENT_ACTION_REQUIRED} when the customer's bank asks them to
     *     authenticate (the charge waits under its key)
     */
    ChargeResult charge(ChargeRequest request);

    /**
     * Lets go of a charge that waits on the customer's bank (a new method replaces it, the grace period ended, the
     * order is being cancelled): checks it one last time under its key and, unless the customer completed it
     * meanwhile, cancels it at the processor so that it can never succeed later. A completed one is recorded and
     * booked as {@link #charge} would. Idempotent; for a charge that does not wait (any more), it answers what the
     * charge is now.
     */
    WaitingChargeCancellation cancelWaitingCharge(ChargeRequest request);

    /**
     * Saves the order's payment method for later charges without the customer present (a {@code PAY_LATER} order
     * at checkout). Never fails for a business reason: the issue, if any, is in the answer.
     */
    SavedMethod saveForLater(SaveMethodRequest request);

    /**
     * Reads the processor's refunds of one charge and records those Waitwell has not (made in the processor's
     * dashboard): a refund row, its ledger entry and an audit row each, once per refund.
     */
    ReconciledRefunds reconcileRefunds(RefundReconciliation reconciliation);

    /**
     * Refunds every successful charge of the order not yet refunded, each with its own key, and answers what
     * these cancellation refunds came to in all: a retried attempt answers as the first would have.
     */
    RefundResult refundAll(RefundRequest request);

    /**
     * Refunds {@code amount} of what the order paid, against its charges latest first (a charge may be
     * refunded in part). Books it back out of customer deposits and cash.
     */
    RefundResult refundPart(PartialRefundRequest request);
}
