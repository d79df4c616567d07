package dev.waitwell.workflows.payment;

import io.temporal.activity.ActivityInterface;

/**
 * Moves money through the configured payment gateway and books it in the ledger in the same step.
 * Every call is idempotent: a retry returns the first result and moves no money again.
 */
@ActivityInterface
public interface PaymentActivities {

    /**
     * Charges the order. Books cash against customer deposits.
     *
     * @throws io.temporal.failure.ApplicationFailure of type {@code PAYMENT_DECLINED} (non-retryable)
     *     when the gateway declines; the declined attempt is recorded
     */
    ChargeResult charge(ChargeRequest request);

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
