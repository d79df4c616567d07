package dev.waitwell.api.payment;

import java.time.OffsetDateTime;

/** One charge attempt or refund of an order, as the payment activities recorded it. Amounts in minor units. */
public record PaymentRecord(
        OffsetDateTime at,
        String kind,
        String purpose,
        String status,
        long amount,
        String currency,
        String paymentMethod,
        String gatewayReference,
        String failureReason) {}
