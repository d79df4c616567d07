package dev.waitwell.workflows.inventory;

import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One receipt of goods: records it, allocates it (one transaction), then tells the allocated orders
 * through an {@link AllocationFanOutWorkflow} child. Workflow id {@link AllocationWorkflowIds#receipt},
 * so the same receipt twice is the same workflow. A receipt the stock step refuses is answered as a
 * {@link ReceiptResult#refused() refusal}, not a failure.
 */
@WorkflowInterface
public interface StockReceiptWorkflow {

    @WorkflowMethod
    ReceiptResult receive(StockReceipt receipt);

    /** Waits until the receipt is recorded and allocated (not until every order was told), or refused. */
    @UpdateMethod
    ReceiptResult awaitAllocation();
}
