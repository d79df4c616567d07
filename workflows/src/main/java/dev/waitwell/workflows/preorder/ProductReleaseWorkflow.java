package dev.waitwell.workflows.preorder;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Releases a product now and durably tells each of its open pre-orders: the fan-out survives a crash
 * of the API or the worker. Workflow id {@link ProductReleaseWorkflowIds#of}.
 */
@WorkflowInterface
public interface ProductReleaseWorkflow {

    @WorkflowMethod
    ReleaseOutcome release(ReleaseRequest request);
}
