package dev.waitwell.workflows.inventory;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Tells every order of an allocation batch what it got, by a {@code stockAllocated} signal carrying
 * the allocation id (orders ignore an id they have seen). Pages through the batch and continues as new
 * before its history grows large, so a receipt for 10,000 waiting orders completes and can be watched.
 * Workflow id {@link AllocationWorkflowIds#fanOut}.
 */
@WorkflowInterface
public interface AllocationFanOutWorkflow {

    /** @return how many orders were signalled (closed orders are skipped) */
    @WorkflowMethod
    int signalOrders(AllocationPage from);
}
