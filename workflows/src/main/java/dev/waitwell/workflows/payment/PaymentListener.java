package dev.waitwell.workflows.payment;

import io.temporal.workflow.SignalMethod;

/**
 * An order workflow as the payment processor's webhooks and the customer's return from their bank see it:
 * something whose charge may wait on the customer. The order workflow's contract extends it.
 */
public interface PaymentListener {

    /**
     * A charge that waited on the customer's authentication was resolved (succeeded or failed). The order checks
     * it again at once; a resolution of any other charge changes nothing.
     */
    @SignalMethod
    void chargeResolved(ChargeResolution resolution);
}
