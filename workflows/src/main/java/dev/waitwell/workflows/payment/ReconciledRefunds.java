package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.shared.Money;

/**
 * What a reconciliation recorded: the order the charge belongs to (null when the charge is not ours), how many
 * refunds were new, and what they came to (zero when none).
 */
public record ReconciledRefunds(String orderId, int recorded, Money amount) {}
