package dev.waitwell.activities.payment;

/** The gateway has never heard of the payment method: no charge on it can ever succeed. */
class UnknownPaymentMethodException extends RuntimeException {

    UnknownPaymentMethodException(String paymentMethod) {
        super("unknown payment method: " + paymentMethod);
    }
}
