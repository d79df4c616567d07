package dev.waitwell.workflows.delay;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Reviews a product's promises and tells every order whose promise changed ({@code promiseChanged}),
 * page by page, continuing as new as it goes. Workflow id {@link PromiseReviewWorkflowIds#of}.
 */
@WorkflowInterface
public interface PromiseReviewWorkflow {

    /** @return how many orders were told */
    @WorkflowMethod
    int review(PromiseReview review);
}
