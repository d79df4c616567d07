package dev.waitwell.workflows.shared;

/**
 * Types of the non-retryable {@code ApplicationFailure}s that activities raise for business outcomes.
 * Workflows branch on them; technical errors are plain exceptions and are retried.
 */
public final class FailureTypes {

    /** The payment gateway declined a charge. Retrying the same charge will not help. */
    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";

    /** The payment method is unknown to the gateway. */
    public static final String PAYMENT_METHOD_UNKNOWN = "PAYMENT_METHOD_UNKNOWN";

    /** The notification a step refers to does not exist; it will not appear by retrying. */
    public static final String NOTIFICATION_NOT_FOUND = "NOTIFICATION_NOT_FOUND";

    private FailureTypes() {
    }
}
