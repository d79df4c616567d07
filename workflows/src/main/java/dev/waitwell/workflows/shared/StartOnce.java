package dev.waitwell.workflows.shared;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.ChildWorkflowOptions;

/**
 * How a workflow whose id names one piece of business (an order, a receipt, a failed SMS, a review's cause, an
 * allocation batch) is started: once. The id is the idempotency key, so a caller that repeats itself after a
 * crash, a timeout or a retried request never starts the work twice. Callers add what is theirs (search
 * attributes, summaries, a parent close policy) to the builder.
 */
public final class StartOnce {

    private StartOnce() {}

    /**
     * Start {@code workflowId} on {@link TaskQueues#ORDERS} once, ever. While it runs, a second start joins it
     * ({@code USE_EXISTING}: no error, the running execution). Once it has closed, however it ended, the id never
     * runs again ({@code REJECT_DUPLICATE}: the start throws {@code WorkflowExecutionAlreadyStarted}, which callers
     * read as "done before" and answer from what the first run left).
     */
    public static WorkflowOptions.Builder options(String workflowId) {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.ORDERS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
    }

    /**
     * As {@link #options}, but once a run has closed the id may run again ({@code ALLOW_DUPLICATE}). Only for
     * work whose caller guards against repeating what succeeded and whose workflow is idempotent, so that a run
     * that failed or was terminated can simply be started again: a product's release (the API refuses a product
     * already released; marking it released twice changes nothing).
     */
    public static WorkflowOptions.Builder optionsAllowingRerun(String workflowId) {
        return options(workflowId)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
    }

    /**
     * Child options for a child several workflows may try to start (every pre-order of a product reaches its
     * release at once): the first start wins and a closed id never runs again ({@code REJECT_DUPLICATE}). A child
     * has no conflict policy, so the losers' starts fail, which they read as "another workflow started it". The
     * child runs on its parent's task queue. Its id and these policies are in order histories: keep them.
     */
    public static ChildWorkflowOptions.Builder child(String workflowId) {
        return ChildWorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
    }
}
