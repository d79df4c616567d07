package dev.waitwell.api.payment;

import java.time.OffsetDateTime;

/**
 * A dispute of one of the order's charges: the customer asked their bank for the money back. Amounts in minor
 * units.
 *
 * @param disputeId the processor's id ({@code dp_...})
 * @param chargeReference the disputed charge as Waitwell stored it (a PaymentIntent id)
 * @param reason the processor's reason ({@code fraudulent}, {@code product_not_received}, ...)
 * @param status the dispute's status when it was opened ({@code needs_response}, ...)
 */
public record DisputeRecord(
        OffsetDateTime openedAt,
        String disputeId,
        String chargeReference,
        long amount,
        String currency,
        String reason,
        String status) {}
