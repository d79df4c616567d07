package dev.waitwell.workflows.inventory;

/**
 * The allocations made in one database transaction (a receipt, a release, units returned by a
 * cancellation): which orders must now be told, as rows of the batch.
 */
public record AllocationBatch(long batchId, String sku, int unitsAllocated, int ordersAllocated) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return ordersAllocated == 0;
    }
}
