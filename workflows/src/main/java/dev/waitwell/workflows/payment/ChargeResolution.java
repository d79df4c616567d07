package dev.waitwell.workflows.payment;

import java.util.Objects;

/**
 * A charge that waited on the customer (their bank asked them to authenticate) was resolved at the processor:
 * the payload of the {@code chargeResolved} signal. The order checks the charge again through its activity,
 * which reads the processor's answer; the signal's {@code succeeded} is only what the sender saw.
 *
 * @param chargeKey the charge's idempotency key ({@code <orderId>/charge/<step>})
 */
public record ChargeResolution(String chargeKey, boolean succeeded) {

    public ChargeResolution {
        Objects.requireNonNull(chargeKey, "chargeKey");
    }
}
