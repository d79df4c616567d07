package dev.waitwell.workflows.recovery;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Support's rebuild of one order, run on the worker (which holds the database reading and the rebuild) and
 * awaited by the API. Ids come from {@link OrderRecoveryWorkflowIds}.
 */
@WorkflowInterface
public interface OrderRecoveryWorkflow {

    @WorkflowMethod
    RebuildResult rebuild(RebuildRequest request);
}
