package dev.waitwell.workflows.inventory;

import java.util.List;

/**
 * What the database says an order holds: all its allocated units (checkout's share included) and the
 * allocations that brought them, so that a workflow that missed a signal (it started after the
 * allocation) catches up, and counts none twice.
 */
public record OrderAllocations(int allocatedUnits, List<StockAllocation> allocations) {

    public OrderAllocations {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }
}
