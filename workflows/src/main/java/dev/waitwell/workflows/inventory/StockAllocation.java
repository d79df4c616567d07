package dev.waitwell.workflows.inventory;

/**
 * Units allocated to an order by one allocation: the payload of the order's {@code stockAllocated}
 * signal. The id is unique, so an order counts an allocation once however often it is told.
 */
public record StockAllocation(long allocationId, int quantity) {

    public StockAllocation {
        if (quantity < 1) {
            throw new IllegalArgumentException("an allocation has at least one unit");
        }
    }
}
