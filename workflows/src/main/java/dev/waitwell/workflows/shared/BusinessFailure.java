package dev.waitwell.workflows.shared;

import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;
import java.util.Optional;

/**
 * The business outcomes an activity reports as a non-retryable {@link ApplicationFailure} whose type is the
 * constant's name: the one list of failure types. Activities raise them ({@link #raise}), workflows name the
 * ones not to retry ({@link #types}) and branch on them ({@link #of}) or answer them as a {@link Refusal}; the API
 * maps each to a status and problem code in one table.
 * Technical errors are plain exceptions and are retried. Never rename a constant: the name travels in
 * histories.
 */
public enum BusinessFailure {

    /** The payment gateway declined a charge. Retrying the same charge will not help. */
    PAYMENT_DECLINED,
    /** The payment method is unknown to the gateway. */
    PAYMENT_METHOD_UNKNOWN,
    /** The customer's bank asks them to authenticate the charge; it waits under its key until they do. */
    PAYMENT_ACTION_REQUIRED,
    /** A partial refund asks for more than the order's charges have left: a bug in the caller, not a retry. */
    REFUND_EXCEEDS_PAYMENTS,
    /** The notification a step refers to does not exist; it will not appear by retrying. */
    NOTIFICATION_NOT_FOUND,
    /** The product a step refers to does not exist. */
    PRODUCT_NOT_FOUND,
    /** A receipt names a purchase order that does not exist. */
    PURCHASE_ORDER_NOT_FOUND,
    /** A receipt brings more units than its purchase order still expects. */
    RECEIPT_EXCEEDS_PURCHASE_ORDER,
    /** A receipt's reference was used before for other goods. */
    RECEIPT_CONFLICT,
    /** A switch's alternative has not the units free (on hand and not owed to its own queue). */
    OUT_OF_STOCK,
    /** The order cannot switch: it holds another product, has shipped or was cancelled, or the request is wrong. */
    SWITCH_NOT_POSSIBLE,
    /** Goods in would hold more units of a product than {@link Bounds#MAX_STOCK_UNITS}: nothing was recorded. */
    STOCK_LIMIT_EXCEEDED,
    /**
     * A write broke one of the database's invariants (a CHECK, a NOT NULL, a foreign key, a number out of range):
     * a bug or data nobody should have written, which no retry repairs. The step wrote nothing; ops must look.
     */
    CONSTRAINT_VIOLATED;

    /** The failure to throw from an activity: non-retryable, typed with this name, with optional details. */
    public ApplicationFailure raise(String message, Object... details) {
        return ApplicationFailure.newNonRetryableFailure(message, name(), details);
    }

    /** The type names, for {@code RetryOptions.setDoNotRetry}. */
    public static String[] types(BusinessFailure... failures) {
        return Arrays.stream(failures).map(BusinessFailure::name).toArray(String[]::new);
    }

    /**
     * The business failure a failure carries: the first {@link ApplicationFailure} in its cause chain with a known
     * type (an activity's failure reaches a workflow wrapped in an {@code ActivityFailure}). Empty for anything else.
     */
    public static Optional<BusinessFailure> of(Throwable failure) {
        return applicationFailureIn(failure).flatMap(application -> named(application.getType()));
    }

    /** The first {@link ApplicationFailure} in the cause chain of {@code failure}, if any. */
    static Optional<ApplicationFailure> applicationFailureIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApplicationFailure application) {
                return Optional.of(application);
            }
        }
        return Optional.empty();
    }

    /** The innermost message of a failure: what the activity said, without the SDK's wrapping or type. */
    public static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ApplicationFailure application && application.getOriginalMessage() != null
                ? application.getOriginalMessage()
                : cause.getMessage();
    }

    private static Optional<BusinessFailure> named(String type) {
        return Arrays.stream(values())
                .filter(failure -> failure.name().equals(type))
                .findFirst();
    }

    /** Whether {@code failure} carries this business failure. */
    public boolean isCauseOf(Throwable failure) {
        return of(failure).filter(this::equals).isPresent();
    }
}
