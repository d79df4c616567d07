package dev.waitwell.workflows.inventory;

import dev.waitwell.workflows.lifecycle.OrderRun;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An order's units: how many are allocated (counting each allocation id once), the wait for the rest, and
 * giving them back on cancellation. Orders started before the allocation queue existed ({@code queued} false)
 * allocate their pre-ordered units directly, as they did then.
 */
public final class StockKeeper {

    private final InventoryActivities inventory;
    private final OrderRun run;
    private final boolean queued;
    private final boolean catchesUp;
    private final Set<Long> allocationIds = new HashSet<>();
    private int allocated;
    private boolean caughtUp;

    /**
     * @param allocatedAtCheckout units the checkout transaction allocated already
     * @param queued whether units come from the allocation queue (version); else they are allocated directly
     * @param catchesUp whether allocations made before the workflow waited are read from the database (version)
     */
    public StockKeeper(OrderRun run, int allocatedAtCheckout, boolean queued, boolean catchesUp) {
        this.run = run;
        this.inventory = run.databaseSteps(InventoryActivities.class);
        this.queued = queued;
        this.catchesUp = catchesUp;
        this.allocated = allocatedAtCheckout;
    }

    /** The stockAllocated signal: counted once per allocation id, never beyond the order's quantity. */
    public void allocated(StockAllocation allocation) {
        if (allocationIds.add(allocation.allocationId())) {
            allocated = Math.min(run.quantity(), allocated + allocation.quantity());
        }
    }

    public boolean complete() {
        return allocated >= run.quantity();
    }

    public int allocatedUnits() {
        return allocated;
    }

    /**
     * The product is released: its pre-orders join the queue, and whoever got stock is told. When the release
     * workflow told this order ({@code toldByRelease}), that workflow tells the others too; otherwise the order's own
     * release date came and it starts the telling (the first such order does, the rest find it running).
     */
    public void joinQueueOnRelease(boolean toldByRelease) {
        if (queued) {
            AllocationBatch batch = inventory.joinQueueOnRelease(stock());
            if (!toldByRelease) {
                AllocationFanOut.startDetached(batch);
            }
        }
    }

    /**
     * Before the order waits for its units: allocates them directly (orders from before the queue), or counts
     * what the database allocated already and says in the order's status how many units it waits for.
     *
     * @return whether units are still missing, so the caller waits for them
     */
    public boolean prepareToWait() {
        run.throwIfCancelled();
        if (!queued) {
            inventory.allocate(stock());
            allocated = run.quantity();
            return false;
        }
        if (!complete() && catchesUp && !caughtUp) {
            catchUp();
        }
        if (complete()) {
            return false;
        }
        if (run.status() != OrderStatus.AWAITING_STOCK) {
            run.changeStatus(
                    OrderStatus.AWAITING_STOCK,
                    "Waiting for " + (run.quantity() - allocated) + " of " + run.quantity() + " units to arrive");
        }
        return true;
    }

    /**
     * Reads what the database allocated to the order: a signal sent before this workflow started (the API died
     * between checkout's commit and the start) is not lost. Allocation ids read here are not counted again when
     * their signal arrives.
     */
    /**
     * Reads the allocations made before the order waited, if they were not read yet, without touching its status: for
     * a run rebuilt while a decision is open, which waits for the answer before it waits for units.
     */
    public void catchUpIfBehind() {
        if (catchesUp && !caughtUp && !complete()) {
            catchUp();
        }
    }

    private void catchUp() {
        OrderAllocations known = inventory.allocationsOf(stock());
        for (StockAllocation allocation : known.allocations()) {
            allocationIds.add(allocation.allocationId());
        }
        allocated = Math.min(run.quantity(), Math.max(allocated, known.allocatedUnits()));
        caughtUp = true;
    }

    /** The order switched to an in-stock alternative: its units were allocated in the switch. */
    public void allocatedBySwitch() {
        allocated = run.quantity();
    }

    /** The units as the next run needs them. */
    public CarriedStock carried() {
        List<Long> ids = new ArrayList<>(allocationIds);
        ids.sort(null);
        return new CarriedStock(allocated, ids, caughtUp);
    }

    /** A continued run: the units and allocation ids the last run counted. */
    public void resume(CarriedStock carried) {
        allocated = carried.allocatedUnits();
        allocationIds.addAll(carried.allocationIds());
        // Read once per order: every allocation since then came as a signal, and the signals were carried.
        caughtUp = carried.caughtUp();
    }

    public void dispatch() {
        inventory.dispatch(stock());
    }

    /** Cancelled: the units go back, and at once to whoever waits at the head of the queue. */
    public void giveBack() {
        if (!queued) {
            inventory.returnUnits(stock());
            return;
        }
        ReturnedUnits returned = inventory.releaseUnits(stock());
        AllocationFanOut.startDetached(returned.reallocation());
    }

    private StockRequest stock() {
        return new StockRequest(run.orderId(), run.item().sku(), run.quantity());
    }
}
