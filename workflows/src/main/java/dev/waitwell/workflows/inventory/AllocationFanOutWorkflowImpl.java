package dev.waitwell.workflows.inventory;

import dev.waitwell.workflows.shared.OrderWorkflowIds;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** Signals a batch's orders page by page; continues as new every few pages to keep its history small. */
public class AllocationFanOutWorkflowImpl implements AllocationFanOutWorkflow {

    private static final Logger log = Workflow.getLogger(AllocationFanOutWorkflowImpl.class);
    private static final int PAGES_PER_RUN = 4;

    private final StockActivities stock = Workflow.newActivityStub(
            StockActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .build())
                    .build());

    private int signalled;

    @Override
    public int signalOrders(AllocationPage from) {
        AllocationPage page = from;
        for (int run = 0; run < PAGES_PER_RUN; run++) {
            List<PendingAllocation> allocations = stock.allocations(page);
            if (allocations.isEmpty()) {
                log.info("Allocation batch {}: {} orders told in the last run", from.batchId(), signalled);
                return signalled;
            }
            signal(allocations);
            long last = allocations.get(allocations.size() - 1).allocationId();
            page = new AllocationPage(page.batchId(), last, page.limit());
        }
        return Workflow.newContinueAsNewStub(AllocationFanOutWorkflow.class).signalOrders(page);
    }

    private void signal(List<PendingAllocation> allocations) {
        List<Promise<Void>> sent = new ArrayList<>(allocations.size());
        for (PendingAllocation allocation : allocations) {
            AllocationListener order = Workflow.newExternalWorkflowStub(
                    AllocationListener.class, OrderWorkflowIds.of(allocation.orderId()));
            sent.add(Async.procedure(
                    order::stockAllocated, new StockAllocation(allocation.allocationId(), allocation.quantity())));
        }
        for (Promise<Void> signal : sent) {
            // A closed order (cancelled meanwhile) gave its units back when it closed: nothing to tell.
            if (!signal.handle((ok, failure) -> failure != null).get()) {
                signalled++;
            }
        }
    }
}
