package dev.waitwell.activities.payment;

import dev.waitwell.workflows.shared.Money;

/**
 * A refund at the processor.
 *
 * @param reference the processor's id of the refund
 * @param amount what it gave back
 * @param idempotencyKey Waitwell's key, when Waitwell asked for it; null for a refund made elsewhere (the dashboard)
 */
record GatewayRefund(String reference, Money amount, String idempotencyKey) {}
