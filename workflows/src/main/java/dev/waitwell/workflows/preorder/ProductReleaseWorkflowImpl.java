package dev.waitwell.workflows.preorder;

import dev.waitwell.workflows.inventory.AllocationFanOut;
import dev.waitwell.workflows.shared.BusinessFailure;
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

/**
 * Marks the product released, then tells its open pre-orders not yet told, a hundred at a time (each hundred signalled
 * and recorded as told by one activity), and the allocation the release made.
 */
public class ProductReleaseWorkflowImpl implements ProductReleaseWorkflow {

    private static final Logger log = Workflow.getLogger(ProductReleaseWorkflowImpl.class);

    private final ReleaseActivities activities = Workflow.newActivityStub(
            ReleaseActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .setDoNotRetry(BusinessFailure.types(BusinessFailure.PRODUCT_NOT_FOUND))
                            .build())
                    .build());

    /** Telling a hundred orders: a call to Temporal each, reported by heartbeat; a retry goes on where it stopped. */
    private final ReleaseActivities tellings = Workflow.newActivityStub(
            ReleaseActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(10))
                    .setHeartbeatTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .build())
                    .build());

    /**
     * Version 1 tells the pre-orders a hundred at a time and records each hundred as told, so that a run lost
     * part-way is finished by another that tells only the rest. Before it, every order was signalled at once and
     * nothing was recorded, which releases that ran before the deployment still replay.
     */
    static final String RECORDS_TOLD = "release-records-told";

    static final int TOLD_PER_RECORD = 100;

    /**
     * Version 1 continues as new once a run has told {@link #TOLD_PER_RUN} orders: the next run's {@code markReleased}
     * lists only the orders not told yet. Before it, one run told every order, and a release of 10,000 pre-orders grew
     * a history of some 20,000 events, which a worker that evicted the run from its cache fetched and replayed for
     * every batch.
     */
    static final String CONTINUES_AS_NEW = "release-continues-as-new";

    static final int TOLD_PER_RUN = 1_000;

    /**
     * Version 1 tells each hundred orders from one activity ({@link ReleaseActivities#tellOrders}) rather than from
     * the workflow, a signal command each. A release of thousands of pre-orders used to write two events per order to
     * its own history and wait for a workflow task per few signals, its tasks queued behind those of the orders it had
     * woken (and, with more orders awake than the worker caches, its run replayed from the start for each); now it
     * writes a handful of events per hundred, and the orders' own work is what sets the pace.
     */
    static final String TELLS_FROM_ACTIVITY = "release-tells-from-activity";

    @Override
    public ReleaseOutcome release(ReleaseRequest request) {
        ReleasedProduct product = activities.markReleased(request);
        List<String> waiting = product.waitingOrderIds();
        int closed;
        if (Workflow.getVersion(RECORDS_TOLD, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
            closed = signal(waiting);
        } else {
            boolean continues =
                    Workflow.getVersion(CONTINUES_AS_NEW, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
            boolean fromActivity =
                    Workflow.getVersion(TELLS_FROM_ACTIVITY, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
            closed = 0;
            for (int from = 0; from < waiting.size(); from += TOLD_PER_RECORD) {
                if (continues && from >= TOLD_PER_RUN) {
                    Workflow.newContinueAsNewStub(ProductReleaseWorkflow.class)
                            .release(request.continuedAfter(from - closed, closed));
                }
                List<String> told = waiting.subList(from, Math.min(waiting.size(), from + TOLD_PER_RECORD));
                // An order whose workflow was gone counts as told: the product is released in the database, and
                // the order's rebuild reads that.
                if (fromActivity) {
                    closed += tellings.tellOrders(new ReleaseNotices(request.sku(), told));
                } else {
                    closed += signal(told);
                    activities.ordersTold(new ReleaseNotices(request.sku(), told));
                }
            }
        }
        AllocationFanOut.run(product.allocation());
        int told = request.toldBefore() + waiting.size() - closed;
        closed += request.closedBefore();
        log.info("Product {} released: {} orders told, {} already closed", request.sku(), told, closed);
        return new ReleaseOutcome(request.sku(), told, closed);
    }

    /** @return how many of the orders had no workflow to tell */
    private static int signal(List<String> orderIds) {
        List<Promise<Void>> signals = new ArrayList<>();
        for (String orderId : orderIds) {
            ReleaseListener order =
                    Workflow.newExternalWorkflowStub(ReleaseListener.class, OrderWorkflowIds.of(orderId));
            signals.add(Async.procedure(order::productReleased));
        }
        int closed = 0;
        for (Promise<Void> signal : signals) {
            // An order that finished between the listing and the signal needs no release.
            if (signal.handle((ok, failure) -> failure != null).get()) {
                closed++;
            }
        }
        return closed;
    }
}
