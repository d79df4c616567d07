package dev.waitwell.workflows.inventory;

/** One row of an allocation batch: the order to tell and what it got. */
public record PendingAllocation(long allocationId, String orderId, int quantity) {}
