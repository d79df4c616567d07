package dev.waitwell.api.payment;

/** What an order has paid (successful charges) and had back (refunds), in minor units. */
public record PaymentTotals(long paid, long refunded) {
}
