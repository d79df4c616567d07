package dev.waitwell.workflows.inventory;

import io.temporal.activity.ActivityInterface;

/**
 * Moves an order's units through the stock counters of its product. Each move happens once per order
 * whatever the retries: pre-ordered (reserved at checkout) → allocated → shipped, or back on cancel.
 */
@ActivityInterface
public interface InventoryActivities {

    /** The order's pre-ordered units become allocated to it. */
    void allocate(StockRequest request);

    /** The order's units leave with the shipment. */
    void dispatch(StockRequest request);

    /** The order was cancelled: its reserved or allocated units go back. */
    void returnUnits(StockRequest request);
}
