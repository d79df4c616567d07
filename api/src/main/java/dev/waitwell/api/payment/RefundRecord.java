package dev.waitwell.api.payment;

import java.time.OffsetDateTime;

/**
 * One refund of an order, with the charge it gave money back from. Amounts in minor units.
 *
 * @param purpose the purpose of the refunded charge ({@code FULL}, {@code DEPOSIT}, {@code BALANCE})
 * @param reason why it was refunded, as the refund's ledger posting records it (the cancellation's reason, "switched
 *     from ..."); null when the refund has no posting
 * @param charge the refunded charge's idempotency key ({@code {orderId}/charge/{step}})
 * @param chargeGatewayReference the gateway's reference of the refunded charge
 */
public record RefundRecord(
        OffsetDateTime at,
        long amount,
        String currency,
        String purpose,
        String reason,
        String status,
        String gatewayReference,
        String charge,
        String chargeGatewayReference) {}
