package dev.waitwell.activities.payment;

import dev.waitwell.workflows.shared.Money;

/**
 * A card processor. Both calls are idempotent by key, as real processors are: the same key returns the first
 * outcome and moves no money again, which is what makes a crash between gateway call and our commit safe.
 */
interface PaymentGateway {

    /**
     * @throws UnknownPaymentMethodException when the processor does not know the method
     */
    GatewayCharge charge(String idempotencyKey, String paymentMethod, Money amount);

    GatewayRefund refund(String idempotencyKey, String chargeReference, Money amount);
}
