package dev.waitwell.activities.payment;

/** Types of the non-retryable {@code ApplicationFailure}s of payment activities beyond the shared ones. */
final class PaymentFailures {

    /** A partial refund asks for more than the order's charges have left: a bug in the caller, not a retry. */
    static final String REFUND_EXCEEDS_PAYMENTS = "REFUND_EXCEEDS_PAYMENTS";

    private PaymentFailures() {
    }
}
