package dev.waitwell.workflows.inventory;

/**
 * A recorded receipt and the allocation it made. {@code duplicate} is true when the reference had been
 * received before: nothing changed, and the first receipt's outcome is returned.
 */
public record ReceiptOutcome(
        long receiptId, String sku, int quantity, String reference, boolean duplicate, AllocationBatch allocation) {}
