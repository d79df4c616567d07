package dev.waitwell.workflows.order;

import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.inventory.AllocationFanOut;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.OrderAllocations;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.inventory.StockRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An order's units: how many are allocated (counting each allocation id once), the wait for the rest,
 * and giving them back on cancellation. Orders started before the allocation queue existed
 * ({@code queued} false) allocate their pre-ordered units directly, as they did then.
 */
final class StockKeeper {

    private final OrderWorkflowImpl order;
    private final InventoryActivities inventory;
    private final PlaceOrderInput input;
    private final boolean queued;
    private final boolean catchesUp;
    private final Set<Long> allocationIds = new HashSet<>();
    private int allocated;
    private boolean caughtUp;

    StockKeeper(OrderWorkflowImpl order, InventoryActivities inventory, PlaceOrderInput input, boolean queued,
            boolean catchesUp) {
        this.order = order;
        this.inventory = inventory;
        this.input = input;
        this.queued = queued;
        this.catchesUp = catchesUp;
        this.allocated = input.allocatedAtCheckout();
    }

    void allocated(StockAllocation allocation) {
        if (allocationIds.add(allocation.allocationId())) {
            allocated = Math.min(input.quantity(), allocated + allocation.quantity());
        }
    }

    boolean complete() {
        return allocated >= input.quantity();
    }

    int allocatedUnits() {
        return allocated;
    }

    /** The release date came: the product's pre-orders join the queue, and whoever got stock is told. */
    void joinQueueOnRelease() {
        if (queued) {
            AllocationFanOut.startDetached(inventory.joinQueueOnRelease(stock()));
        }
    }

    /** Returns once every unit is allocated, waiting in {@code AWAITING_STOCK} as long as it takes. */
    void awaitAllocation() {
        order.throwIfCancelled();
        if (!queued) {
            inventory.allocate(stock());
            allocated = input.quantity();
            return;
        }
        if (!complete() && catchesUp && !caughtUp) {
            catchUp();
        }
        if (!complete()) {
            if (order.status() != OrderStatus.AWAITING_STOCK) {
                order.changeStatus(OrderStatus.AWAITING_STOCK, "Waiting for " + (input.quantity() - allocated)
                        + " of " + input.quantity() + " units to arrive");
            }
            order.delays().await(OrderContinuation.Phase.STOCK, "stock to be allocated", () -> null, this::complete,
                    true);
        }
    }

    /**
     * Reads what the database allocated to the order: a signal sent before this workflow started (the API
     * died between checkout's commit and the start) is not lost. Allocation ids read here are not counted
     * again when their signal arrives.
     */
    private void catchUp() {
        OrderAllocations known = inventory.allocationsOf(stock());
        for (StockAllocation allocation : known.allocations()) {
            allocationIds.add(allocation.allocationId());
        }
        allocated = Math.min(input.quantity(), Math.max(allocated, known.allocatedUnits()));
        caughtUp = true;
    }

    /** The order switched to an in-stock alternative: its units were allocated in the switch. */
    void allocatedBySwitch() {
        allocated = input.quantity();
    }

    /** The units as the next run needs them. */
    OrderContinuation.Stock carried() {
        List<Long> ids = new ArrayList<>(allocationIds);
        ids.sort(null);
        return new OrderContinuation.Stock(allocated, ids, caughtUp);
    }

    /** A continued run: the units and allocation ids the last run counted. */
    void resume(OrderContinuation.Stock carried) {
        allocated = carried.allocatedUnits();
        allocationIds.addAll(carried.allocationIds());
        // Read once per order: every allocation since then came as a signal, and the signals were carried.
        caughtUp = carried.caughtUp();
    }

    void dispatch() {
        inventory.dispatch(stock());
    }

    /** Cancelled: the units go back, and at once to whoever waits at the head of the queue. */
    void giveBack() {
        if (!queued) {
            inventory.returnUnits(stock());
            return;
        }
        ReturnedUnits returned = inventory.releaseUnits(stock());
        AllocationFanOut.startDetached(returned.reallocation());
    }

    private StockRequest stock() {
        return new StockRequest(input.orderId(), order.item().sku(), input.quantity());
    }
}
