package dev.waitwell.workflows.payment;

import java.util.Objects;

/**
 * What stands between an order and its money: a decline, or a bank that asks the customer to authenticate.
 * Travels as the details of a {@code PAYMENT_DECLINED} or {@code PAYMENT_ACTION_REQUIRED} failure, and in the
 * order's state while the charge waits on the customer.
 *
 * @param code the processor's code support reads ({@code card_declined}, {@code insufficient_funds},
 *     {@code authentication_required}, ...)
 * @param message a short reason the customer may read: never the processor's raw message
 * @param actionUrl for {@link #AUTHENTICATION_REQUIRED}: the bank's page where the customer confirms; else null
 */
public record PaymentIssue(String code, String message, String actionUrl) {

    /** The bank asks the customer to confirm the payment (SCA, 3-D Secure). */
    public static final String AUTHENTICATION_REQUIRED = "authentication_required";

    /** The processor does not know the payment method. */
    public static final String PAYMENT_METHOD_UNKNOWN = "payment_method_unknown";

    public PaymentIssue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static PaymentIssue declined(String code, String message) {
        return new PaymentIssue(code, message, null);
    }

    public boolean needsAuthentication() {
        return AUTHENTICATION_REQUIRED.equals(code);
    }
}
