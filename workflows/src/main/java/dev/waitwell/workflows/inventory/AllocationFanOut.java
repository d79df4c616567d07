package dev.waitwell.workflows.inventory;

import dev.waitwell.workflows.shared.StartOnce;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

/**
 * Starts the one {@link AllocationFanOutWorkflow} of a batch as a child of the calling workflow. Several
 * workflows may try (every pre-order of a product reaches its release date at once): the first starts
 * it, the others find it started and move on.
 */
public final class AllocationFanOut {

    /** How many allocations one page of a fan-out signals. */
    public static final int PAGE_SIZE = 500;

    private AllocationFanOut() {}

    /** Starts the fan-out and returns once it runs; it outlives the caller. */
    public static void startDetached(AllocationBatch batch) {
        start(batch, ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON);
    }

    /** Starts the fan-out and waits until every order of the batch was told. */
    public static void run(AllocationBatch batch) {
        Promise<Integer> done = start(batch, ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE);
        if (done != null) {
            done.get();
        }
    }

    private static Promise<Integer> start(AllocationBatch batch, ParentClosePolicy closePolicy) {
        if (batch == null || batch.isEmpty()) {
            return null;
        }
        AllocationFanOutWorkflow child = Workflow.newChildWorkflowStub(
                AllocationFanOutWorkflow.class,
                StartOnce.child(AllocationWorkflowIds.fanOut(batch.batchId()))
                        .setParentClosePolicy(closePolicy)
                        .build());
        Promise<Integer> result =
                Async.function(child::signalOrders, new AllocationPage(batch.batchId(), 0, PAGE_SIZE));
        try {
            Workflow.getWorkflowExecution(child).get();
            return result;
        } catch (ChildWorkflowFailure alreadyStarted) {
            // Another workflow started this batch's fan-out first: the orders are being told.
            return null;
        }
    }
}
