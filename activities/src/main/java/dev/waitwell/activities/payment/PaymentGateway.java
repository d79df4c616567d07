package dev.waitwell.activities.payment;

import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.SaveMethodRequest;
import dev.waitwell.workflows.payment.SavedMethod;
import dev.waitwell.workflows.shared.Money;
import java.util.List;

/**
 * A card processor. Calls that move money are idempotent by key, as real processors are: the same key returns the
 * first outcome and moves no money again, which is what makes a crash between gateway call and our commit safe.
 * A processor that cannot be reached, or fails on its side, throws a plain exception: the activity is retried, and
 * nothing is recorded as a decline.
 */
interface PaymentGateway {

    /** Names the gateway in records and the audit trail ({@code sandbox}, {@code stripe}). */
    String name();

    /**
     * Charges the request's method under its idempotency key, with the customer present or not.
     *
     * @param keyMayBeForgotten the activity was first scheduled so long ago that the processor may have forgotten the
     *     key: look for a charge made under it before making one
     * @throws UnknownPaymentMethodException when the processor does not know the method
     */
    GatewayCharge charge(ChargeRequest request, boolean keyMayBeForgotten);

    /** Reads again a charge that waited on the customer's bank: it succeeded, still waits, or was declined. */
    GatewayCharge recheck(String reference);

    /**
     * Lets go of a charge that waits on the customer's bank: read once more, and cancelled at the processor unless it
     * succeeded meanwhile, so that it can never succeed later. Answers succeeded or declined, never waiting.
     * Idempotent by {@code chargeKey}.
     */
    GatewayCharge cancelWaiting(String chargeKey, String reference);

    /** Saves the method for later charges without the customer; an issue is in the answer, never thrown. */
    SavedMethod save(SaveMethodRequest request);

    /**
     * Refunds {@code amount} of a charge under its idempotency key. A refund the processor refuses is retried like an
     * outage (a refund is owed), and logged for support to look at.
     */
    GatewayRefund refund(String orderId, String idempotencyKey, String chargeReference, Money amount);

    /** Every refund of a charge the processor knows of, whoever made it. */
    List<GatewayRefund> refundsOf(String chargeReference);
}
