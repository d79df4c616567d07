package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.shared.Money;

/** What was refunded by this request (zero when there was nothing left to refund). */
public record RefundResult(Money refunded) {}
