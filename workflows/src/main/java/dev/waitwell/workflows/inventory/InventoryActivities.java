package dev.waitwell.workflows.inventory;

import io.temporal.activity.ActivityInterface;

/**
 * Moves an order's units through the stock counters of its product. Each move happens once per order
 * whatever the retries: pre-ordered (reserved at checkout) → allocated → shipped, or back on cancel.
 */
@ActivityInterface
public interface InventoryActivities {

    /**
     * The order's pre-ordered units become allocated to it. Only for orders whose workflow started before
     * backorders existed; newer ones are allocated by receipts and releases.
     */
    void allocate(StockRequest request);

    /**
     * The pre-order's release date has come: the product is released in the database if it is not yet
     * (as {@code ReleaseActivities.markReleased} does: every pre-order of it joins the queue and stock on
     * hand is allocated), and that release's allocation is returned, or null if it allocated nothing.
     * Idempotent: every pre-order of the product gets the same batch.
     */
    AllocationBatch joinQueueOnRelease(StockRequest request);

    /**
     * The units allocated to the order so far, as the database has them; the allocations read count as told, so a
     * fan-out does not signal them again.
     */
    OrderAllocations allocationsOf(StockRequest request);

    /** The order's units leave with the shipment. */
    void dispatch(StockRequest request);

    /**
     * The order was cancelled: its reserved or allocated units go back.
     *
     * <p>Only for orders whose workflow started before backorders existed; newer ones call
     * {@link #releaseUnits}.
     */
    void returnUnits(StockRequest request);

    /**
     * The order was cancelled: its units leave the queue, its allocated units go back to stock and at
     * once to the head of the queue, in the same transaction. Idempotent per order.
     */
    ReturnedUnits releaseUnits(StockRequest request);
}
