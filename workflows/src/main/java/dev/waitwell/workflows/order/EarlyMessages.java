package dev.waitwell.workflows.order;

import dev.waitwell.workflows.delay.PromiseChange;
import dev.waitwell.workflows.delay.PromiseKeeper;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.inventory.StockKeeper;
import dev.waitwell.workflows.lifecycle.CancellationRequest;
import dev.waitwell.workflows.lifecycle.OrderRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Signals and a cancellation that came with a run's start. Temporal runs message handlers before the workflow
 * method in a run's first workflow task, so they arrive before the run's state exists; they wait here and are
 * applied as soon as it does, before the script's first step.
 *
 * <p>Code before {@link OrderVersions#EARLY_MESSAGES} kept a cancellation and, in a first run only, a release; a
 * release that came with a continued run's start was lost, and allocations or promise changes failed the task.
 * Runs recorded that way replay as they ran.
 */
final class EarlyMessages {

    private boolean released;
    private CancellationRequest cancellation;
    private final List<StockAllocation> allocations = new ArrayList<>();
    private final List<PromiseChange> promiseChanges = new ArrayList<>();

    void released() {
        released = true;
    }

    void allocated(StockAllocation allocation) {
        allocations.add(allocation);
    }

    void promiseChanged(PromiseChange change) {
        promiseChanges.add(change);
    }

    /** The first cancellation wins, as it does once the run has started. */
    void cancel(CancellationRequest request) {
        if (cancellation == null) {
            cancellation = request;
        }
    }

    /** Applies what came before the run's state existed, in the order a handler would have applied it. */
    void applyTo(OrderRun run, StockKeeper stock, PromiseKeeper promise, boolean firstRun, boolean keptAll) {
        if (cancellation != null) {
            run.requestCancellation(cancellation);
        }
        if (released && (firstRun || keptAll)) {
            run.markReleased();
        }
        allocations.forEach(stock::allocated);
        promiseChanges.forEach(promise::promiseChanged);
    }
}
