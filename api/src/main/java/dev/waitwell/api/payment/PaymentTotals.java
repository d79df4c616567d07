package dev.waitwell.api.payment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an order has paid (successful charges) and had back (refunds), in minor units. */
public record PaymentTotals(long paid, long refunded) {

    /** What the shop still holds of the customer's money for this order. */
    @JsonProperty
    public long netHeld() {
        return paid - refunded;
    }
}
