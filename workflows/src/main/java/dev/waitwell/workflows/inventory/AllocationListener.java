package dev.waitwell.workflows.inventory;

import io.temporal.workflow.SignalMethod;

/**
 * An order workflow as the allocation fan-out sees it: something that waits for units. The order workflow's
 * contract extends it, so the fan-out signals orders without knowing the order workflow.
 */
public interface AllocationListener {

    /**
     * Units of stock were allocated to the order (by a receipt, a release, or units another order gave back).
     * Deduplicated by allocation id; the order is ready to ship once every unit is allocated.
     */
    @SignalMethod
    void stockAllocated(StockAllocation allocation);
}
