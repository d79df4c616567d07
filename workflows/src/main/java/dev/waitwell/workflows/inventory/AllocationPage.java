package dev.waitwell.workflows.inventory;

/** The next rows of a batch after {@code afterAllocationId}, at most {@code limit}, in id order. */
public record AllocationPage(long batchId, long afterAllocationId, int limit) {}
